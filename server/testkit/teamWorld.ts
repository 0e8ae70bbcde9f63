import type { FastifyInstance } from 'fastify';
import { newRandomId } from '../../src/lib/ids';
import {
  PROTOCOL_VERSION,
  visitVersionKind,
  type RecordRef,
  type Refusal,
  type VisitVersion,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { readPushAnswer } from './pushAnswer';
import { COMMUNE_A, COMMUNE_B, request } from './world';

/** Everyone the team toolkit's rules talk about, built through the API as people would. */
export const TEAM_PRINCIPALS = [
  'learner',
  'volunteer',
  'volunteer2',
  'leader',
  'otherVolunteer',
  'otherLeader',
  'official',
  'otherOfficial',
  'admin',
] as const;
export type TeamPrincipal = (typeof TEAM_PRINCIPALS)[number];

export interface TeamWorld {
  tokens: Record<TeamPrincipal, string>;
  ids: Record<TeamPrincipal, string>;
  /** Team A (commune A): leader, volunteer, volunteer2. Team B (commune B): the "other" ones. */
  teamA: string;
  teamB: string;
  classA: string;
}

export async function signUp(app: FastifyInstance, name: string) {
  const response = await request(app)('POST', '/api/auth/sign-up', undefined, {
    username: `${name}-${newRandomId().slice(0, 8)}`,
    displayName: name,
    password: 'correct horse battery',
  });
  const body = response.json<{ account: { id: string }; accessToken: string }>();
  return { id: body.account.id, token: body.accessToken };
}

export async function buildTeamWorld(app: FastifyInstance, db: Database): Promise<TeamWorld> {
  const call = request(app);
  const tokens = {} as Record<TeamPrincipal, string>;
  const ids = {} as Record<TeamPrincipal, string>;
  for (const who of TEAM_PRINCIPALS) {
    const account = await signUp(app, who);
    tokens[who] = account.token;
    ids[who] = account.id;
  }
  await db.query('UPDATE accounts SET is_system_admin = true WHERE id = $1', [ids.admin]);
  const createOrg = async (token: string, kind: string, communeCode: string) =>
    (
      await call('POST', '/api/orgs', token, { kind, name: `${kind} ${communeCode}`, communeCode })
    ).json<{ id: string }>().id;
  const enrol = async (orgId: string, managerToken: string, memberToken: string, role: string) => {
    const { code } = (
      await call('POST', `/api/orgs/${orgId}/join-codes`, managerToken, { role })
    ).json<{ code: string }>();
    const joined = await call('POST', '/api/join', memberToken, { code });
    if (joined.statusCode !== 200) throw new Error(`join failed: ${joined.body}`);
  };
  const teamA = await createOrg(tokens.leader, 'team', COMMUNE_A);
  const teamB = await createOrg(tokens.otherLeader, 'team', COMMUNE_B);
  const classA = await createOrg(tokens.leader, 'class', COMMUNE_A);
  await enrol(teamA, tokens.leader, tokens.volunteer, 'volunteer');
  await enrol(teamA, tokens.leader, tokens.volunteer2, 'volunteer');
  await enrol(teamB, tokens.otherLeader, tokens.otherVolunteer, 'volunteer');
  // The learner learns in a class of commune A: a member of the commune, not of the team.
  await enrol(classA, tokens.leader, tokens.learner, 'learner');
  for (const [who, communeCode] of [
    ['official', COMMUNE_A],
    ['otherOfficial', COMMUNE_B],
  ] as const) {
    await call('POST', '/api/admin/commune-officials', tokens.admin, {
      accountId: ids[who],
      communeCode,
    });
  }
  // A team counts in its commune's figures once approved there.
  for (const team of [teamA, teamB]) {
    const approved = await call('POST', `/api/orgs/${team}/approve`, tokens.admin);
    if (approved.statusCode !== 200) throw new Error(`approval failed: ${approved.body}`);
  }
  return { tokens, ids, teamA, teamB, classA };
}

/** A complete, valid first version of a new record; `over` changes any field. */
export function makeVisit(teamId: string, over: Partial<VisitVersion> = {}): VisitVersion {
  return {
    visitId: newRandomId(),
    version: 1,
    amends: null,
    teamId,
    deviceId: '0190f5a4-1c2b-7000-8000-00000000d001',
    recordedAt: '2026-11-20T09:00:00+07:00',
    date: '2026-11-20',
    communeCode: COMMUNE_A,
    village: 'Tổ 5',
    person: { name: 'B.T.H', ageBand: '60plus', gender: 'female', phone: '0912345678' },
    services: [{ kind: 'walkthrough', id: 'vneid-install' }],
    outcome: 'done',
    minutes: 15,
    consent: true,
    consentVersion: '2026-01',
    ...over,
  };
}

/** The next version of a record, amending `of`. */
export function amend(of: VisitVersion, over: Partial<VisitVersion> = {}): VisitVersion {
  return { ...of, version: of.version + 1, amends: of.version, ...over };
}

/** The phone every test version comes from unless it names its own. */
const TEST_DEVICE = '0190f5a4-1c2b-7000-8000-00000000d001';

/**
 * Pushes visit versions through the one sync push, from the phone the first one names (a
 * version from another phone is refused as such, as it would be from a real phone). The
 * answer comes with the records sent, which `visitOutcome` reads it against.
 */
export async function pushVisits(app: FastifyInstance, token: string, versions: unknown[]) {
  const first = versions[0] as { deviceId?: unknown } | undefined;
  const deviceId = typeof first?.deviceId === 'string' ? first.deviceId : TEST_DEVICE;
  const sent = versions.map((data) => {
    const ref = data as { visitId?: unknown; version?: unknown };
    return {
      kind: visitVersionKind.kind,
      id: `${String(ref.visitId)}:${String(ref.version)}`,
      data,
    };
  });
  const response = await request(app)('POST', '/api/sync/push', token, {
    protocolVersion: PROTOCOL_VERSION,
    deviceId,
    records: sent,
  });
  return Object.assign(response, { sent });
}

type VersionRef = Pick<VisitVersion, 'visitId' | 'version'>;

/** What a push said of each visit version: stored, stored and flagged, or refused and why. */
export interface VisitOutcome {
  accepted: VersionRef[];
  conflicts: VersionRef[];
  refused: (VersionRef & { reason: Refusal['reason']; message: string })[];
}

/** Reads a push answer as what became of each visit version it carried. */
export function visitOutcome(pushed: {
  json(): unknown;
  sent: readonly RecordRef[];
}): VisitOutcome {
  const body = readPushAnswer(pushed.sent, pushed.json());
  const refOf = (id: string): VersionRef => {
    const [visitId = '', version = ''] = id.split(':');
    return { visitId, version: Number(version) };
  };
  const visits = <T extends { kind: string }>(items: T[]) =>
    items.filter((item) => item.kind === visitVersionKind.kind);
  const refused = visits(body.refused);
  return {
    accepted: visits(body.accepted).map((r) => refOf(r.id)),
    conflicts: refused.filter((r) => r.reason === 'conflict').map((r) => refOf(r.id)),
    refused: refused
      .filter((r) => r.reason !== 'conflict')
      .map((r) => ({ ...refOf(r.id), reason: r.reason, message: r.message })),
  };
}

/** Rows in every table the toolkit writes: to prove a refused push wrote nothing. */
export async function toolkitRowCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['team_visits', 'team_visit_versions', 'team_visit_pushes', 'audit_log']) {
    const [row] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row?.n);
  }
  return counts;
}
