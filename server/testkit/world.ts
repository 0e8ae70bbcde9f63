import type { FastifyInstance, InjectOptions } from 'fastify';
import { newRandomId } from '../../src/lib/ids';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, eventRecord } from '../../src/protocol';
import { lessonEvent } from '../../src/test/events';
import type { Database } from '../db/database';

export const COMMUNE_A = '00004';
export const COMMUNE_B = '00008';

export type RoleName =
  | 'device'
  | 'learner'
  | 'volunteer'
  | 'team_leader'
  | 'teacher'
  | 'agency_admin'
  | 'commune_official'
  | 'system_admin';

export const ROLES: RoleName[] = [
  'device',
  'learner',
  'volunteer',
  'team_leader',
  'teacher',
  'agency_admin',
  'commune_official',
  'system_admin',
];

export interface Actor {
  role: RoleName;
  token: string;
  accountId: string | null;
  deviceId: string;
  /** Ids of the events this actor pushed. */
  events: string[];
}

export interface Org {
  id: string;
  kind: 'team' | 'class' | 'agency';
}

/** Two of everything: "A" in commune A where the actors belong, "B" elsewhere. */
export interface World {
  actors: Record<RoleName, Actor>;
  /** Each actor's own organisation (where it has its role), if any. */
  home: Partial<Record<RoleName, Org>>;
  /** An organisation of the same kind that the actor has nothing to do with. */
  other: Partial<Record<RoleName, Org>>;
  /** Members of every organisation, by organisation id (account ids). */
  members: Map<string, string[]>;
}

export function request(app: FastifyInstance) {
  return (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    } as InjectOptions);
}

export async function newAccount(app: FastifyInstance, name: string) {
  const response = await request(app)('POST', '/api/auth/sign-up', undefined, {
    username: `${name.replace(/[^a-z0-9]+/gi, '-')}-${newRandomId().slice(0, 8)}`,
    displayName: name,
    password: 'correct horse battery',
  });
  const body = response.json<{ account: { id: string }; accessToken: string }>();
  return { accountId: body.account.id, token: body.accessToken };
}

async function pushLesson(app: FastifyInstance, actor: Actor): Promise<void> {
  const event = lessonEvent(
    actor.deviceId,
    newRandomId(),
    `lesson-${actor.role.replace('_', '-')}`,
  );
  await request(app)('POST', '/api/sync/push', actor.token, {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: actor.deviceId,
    records: [eventRecord(event)],
  });
  actor.events.push(event.id);
}

/** Builds the world through the API itself, as people would. */
export async function buildWorld(app: FastifyInstance, db: Database): Promise<World> {
  const call = request(app);
  const actors = {} as Record<RoleName, Actor>;
  for (const role of ROLES) {
    const deviceId = newRandomId();
    if (role === 'device') {
      const response = await call('POST', '/api/devices', undefined, {
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
      });
      actors.device = {
        role,
        token: response.json().deviceToken,
        accountId: null,
        deviceId,
        events: [],
      };
    } else {
      const { accountId, token } = await newAccount(app, role);
      actors[role] = { role, token, accountId, deviceId, events: [] };
    }
  }
  const other = {
    leader: await newAccount(app, 'leader B'),
    teacher: await newAccount(app, 'teacher B'),
    admin: await newAccount(app, 'admin B'),
    learner: await newAccount(app, 'learner B'),
  };
  const setAdmin = (id: string, on: boolean) =>
    db.query('UPDATE accounts SET is_system_admin = $2 WHERE id = $1', [id, on]);
  await setAdmin(actors.system_admin.accountId!, true);

  const createOrg = async (token: string, kind: Org['kind'], commune: string): Promise<Org> => {
    const response = await call('POST', '/api/orgs', token, {
      kind,
      name: `${kind} ${commune}`,
      communeCode: commune,
    });
    return { id: response.json<{ id: string }>().id, kind };
  };
  const enrol = async (org: Org, managerToken: string, memberToken: string, role: string) => {
    const code = (
      await call('POST', `/api/orgs/${org.id}/join-codes`, managerToken, { role })
    ).json<{ code: string }>().code;
    await call('POST', '/api/join', memberToken, { code });
  };

  const teamA = await createOrg(actors.team_leader.token, 'team', COMMUNE_A);
  const teamB = await createOrg(other.leader.token, 'team', COMMUNE_B);
  const classA = await createOrg(actors.teacher.token, 'class', COMMUNE_A);
  const classB = await createOrg(other.teacher.token, 'class', COMMUNE_B);
  // Agencies are created by a system administrator; here their admins are made one for a moment.
  await setAdmin(actors.agency_admin.accountId!, true);
  await setAdmin(other.admin.accountId, true);
  const agencyA = await createOrg(actors.agency_admin.token, 'agency', COMMUNE_A);
  const agencyB = await createOrg(other.admin.token, 'agency', COMMUNE_B);
  await setAdmin(actors.agency_admin.accountId!, false);
  await setAdmin(other.admin.accountId, false);

  await enrol(teamA, actors.team_leader.token, actors.volunteer.token, 'volunteer');
  await enrol(classA, actors.teacher.token, actors.learner.token, 'learner');
  await enrol(classB, other.teacher.token, other.learner.token, 'learner');
  await call('POST', '/api/admin/commune-officials', actors.system_admin.token, {
    accountId: actors.commune_official.accountId,
    communeCode: COMMUNE_A,
  });
  // A team counts in its commune's figures once approved there.
  for (const team of [teamA, teamB]) {
    await call('POST', `/api/orgs/${team.id}/approve`, actors.system_admin.token);
  }
  for (const actor of Object.values(actors)) await pushLesson(app, actor);

  const members = new Map<string, string[]>([
    [teamA.id, [actors.team_leader.accountId!, actors.volunteer.accountId!]],
    [teamB.id, [other.leader.accountId]],
    [classA.id, [actors.teacher.accountId!, actors.learner.accountId!]],
    [classB.id, [other.teacher.accountId, other.learner.accountId]],
    [agencyA.id, [actors.agency_admin.accountId!]],
    [agencyB.id, [other.admin.accountId]],
  ]);
  return {
    actors,
    home: {
      learner: classA,
      volunteer: teamA,
      team_leader: teamA,
      teacher: classA,
      agency_admin: agencyA,
    },
    other: {
      learner: classB,
      volunteer: teamB,
      team_leader: teamB,
      teacher: classB,
      agency_admin: agencyB,
      commune_official: teamB,
      system_admin: teamB,
      device: teamB,
    },
    members,
  };
}
