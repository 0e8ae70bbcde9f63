import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import {
  buildWorld,
  COMMUNE_A,
  newAccount,
  COMMUNE_B,
  ROLES,
  type Org,
  type RoleName,
  type World,
} from './testkit/world';
import { certificateRequest, neededRight, quizAttempt } from './testkit/certificates';
// Every answer the matrix receives is checked against the server's OpenAPI document.
import { documentedRequest as request } from './testkit/openapi';
import { newRandomId } from '../src/lib/ids';
import {
  PROTOCOL_VERSION,
  assignmentRecord,
  certificatesResponseSchema,
  eventRecord,
  orgCertificatesResponseSchema,
  passportSchema,
  type CarrySealKey,
  type LearningEvent,
} from '../src/protocol';
import { carryDevice, carryFile } from './testkit/carry';
import { testAssignment } from '../src/test/assignments';
import { eventBatch } from '../src/test/events';
import { readPushAnswer } from './testkit/pushAnswer';

const backends = await testBackends();

const MANAGER: Partial<Record<RoleName, Org['kind']>> = {
  team_leader: 'team',
  teacher: 'class',
  agency_admin: 'agency',
};

/** Every organisation route, with who may use it on a given organisation. */
const ORG_ROUTES: {
  name: string;
  call: (org: Org, world: World) => ['GET' | 'POST' | 'PUT', string, unknown?];
  allowed: (role: RoleName, target: 'home' | 'other', org: Org) => boolean;
  /** Status of a right refusal. */
  refused: number;
  /** Status when allowed, if not a success (revoking a code that does not exist). */
  allowedStatus?: number;
}[] = [
  {
    name: 'members',
    call: (org) => ['GET', `/api/orgs/${org.id}/members`],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  {
    name: 'progress',
    call: (org) => ['GET', `/api/orgs/${org.id}/progress`],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  {
    name: 'pull org scope',
    call: (org) => ['GET', `/api/sync/pull?kind=learning-event&since=0&scope=org:${org.id}`],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  {
    name: 'pull assignments',
    call: (org) => ['GET', `/api/sync/pull?kind=assignment&since=0&scope=org:${org.id}`],
    // A class's or an agency's members (its teacher, learners, admin); teams take none.
    allowed: (_role, target, org) => target === 'home' && org.kind !== 'team',
    refused: 403,
  },
  {
    name: 'assignment progress',
    call: (org) => ['GET', `/api/orgs/${org.id}/assignment-progress`],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  ...(['csv', 'xlsx'] as const).map((format) => ({
    name: `assignment progress (${format})`,
    call: (org: Org): ['GET', string] => [
      'GET',
      `/api/orgs/${org.id}/assignment-progress.${format}`,
    ],
    // As the progress itself: the class's teacher or the agency's admin, nobody else.
    allowed: (role: RoleName, target: 'home' | 'other') =>
      target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  })),
  {
    name: 'join code',
    call: (org) => [
      'POST',
      `/api/orgs/${org.id}/join-codes`,
      { role: org.kind === 'team' ? 'volunteer' : 'learner' },
    ],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  {
    name: 'join codes',
    call: (org) => ['GET', `/api/orgs/${org.id}/join-codes`],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  {
    name: 'revoke join code',
    call: (org) => ['POST', `/api/orgs/${org.id}/join-codes/${newRandomId()}/revoke`],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
    allowedStatus: 404,
  },
  {
    name: 'role change',
    call: (org, world) => [
      'PUT',
      `/api/orgs/${org.id}/members/${world.members.get(org.id)!.at(-1)}/role`,
      // An agency's last member is its only admin, who keeps the role (the last manager
      // cannot step down: organisations.test.ts).
      { role: { team: 'volunteer', class: 'learner', agency: 'agency_admin' }[org.kind] },
    ],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  {
    name: 'reset code',
    call: (org, world) => [
      'POST',
      `/api/orgs/${org.id}/members/${world.members.get(org.id)!.at(-1)}/reset-code`,
      {},
    ],
    allowed: (role, target) => target === 'home' && MANAGER[role] !== undefined,
    refused: 403,
  },
  ...(['csv', 'xlsx'] as const).map((format) => ({
    name: `attendance sheet (${format})`,
    call: (org: Org): ['GET', string] => [
      'GET',
      `/api/orgs/${org.id}/attendance.${format}?month=2026-11`,
    ],
    // A class's teacher only: never a learner, another class's teacher or a system admin.
    allowed: (role: RoleName, target: 'home' | 'other') => target === 'home' && role === 'teacher',
    refused: 403,
  })),
  ...(['compliance', 'compliance.csv', 'compliance.xlsx'] as const).map((path) => ({
    name: `compliance report (${path})`,
    call: (org: Org): ['GET', string] => ['GET', `/api/orgs/${org.id}/${path}`],
    // An agency's admin only: never another agency's admin, a teacher, a learner, a commune
    // official or a system admin (a staff member of the agency: compliance.test.ts).
    allowed: (role: RoleName, target: 'home' | 'other') =>
      target === 'home' && role === 'agency_admin',
    refused: 403,
  })),
  {
    name: 'staff import',
    call: (org) => [
      'POST',
      `/api/orgs/${org.id}/staff`,
      // A row the check refuses: an allowed caller hears 400 and nothing is imported.
      { rows: [{ row: 2, staffNumber: '', fullName: '', unit: '', position: '', phone: '' }] },
    ],
    allowed: (role, target) => target === 'home' && role === 'agency_admin',
    refused: 403,
    allowedStatus: 400,
  },
  {
    name: 'programme certificate request',
    call: (org) => [
      'POST',
      `/api/orgs/${org.id}/programme-certificates`,
      { assignmentId: newRandomId(), profileId: newRandomId(), holderName: 'Người thử' },
    ],
    // An agency's staff (its learners) only, none of whom is an actor here: never its admin, a
    // teacher, another agency's people (the refusals per reason: programmeCertificates.test.ts).
    allowed: () => false,
    refused: 403,
  },
  {
    name: 'organisation',
    call: (org) => ['GET', `/api/orgs/${org.id}`],
    allowed: (role, target) => (target === 'home' && role !== 'device') || role === 'system_admin',
    refused: 403,
  },
];

describe.each(backends)('authorization matrix on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: World;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildWorld(app, db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it.each(ROLES)('%s pulls its own events and nobody else’s', async (role) => {
    const actor = world.actors[role];
    const response = await request(app)(
      'GET',
      '/api/sync/pull?kind=learning-event&since=0&limit=1000',
      actor.token,
    );
    expect(response.statusCode).toBe(200);
    const ids = response.json<{ records: { id: string }[] }>().records.map((e) => e.id);
    expect(ids.sort()).toEqual([...actor.events].sort());
  });

  for (const route of ORG_ROUTES) {
    for (const target of ['home', 'other'] as const) {
      it.each(ROLES)(`${route.name} of ${target} organisation as %s`, async (role) => {
        const org = world[target][role];
        if (!org) return; // no home organisation for this role: covered by "other"
        const [method, url, body] = route.call(org, world);
        const response = await request(app)(method, url, world.actors[role].token, body);
        if (route.allowed(role, target, org)) {
          if (route.allowedStatus) expect(response.statusCode).toBe(route.allowedStatus);
          else expect(response.statusCode, response.body).toBeLessThan(300);
          const members = world.members.get(org.id)!;
          if (route.name === 'members' || route.name === 'progress') {
            const listed = response.json<{ accountId: string }[]>().map((m) => m.accountId);
            // Progress is the learners' only: never the teacher's, leader's or admin's own.
            const expected =
              route.name === 'members'
                ? members
                : members.filter((id) => id === world.actors.learner.accountId);
            expect(listed.sort()).toEqual([...expected].sort());
          }
          if (route.name === 'pull org scope') {
            const owners = new Set(
              Object.values(world.actors)
                .filter((a) => a.accountId && members.includes(a.accountId))
                .flatMap((a) => a.events),
            );
            const ids = response.json<{ records: { id: string }[] }>().records.map((e) => e.id);
            expect(ids.every((id) => owners.has(id))).toBe(true);
          }
        } else {
          const expected = role === 'device' ? [401, 403] : [route.refused];
          expect(expected, `${response.statusCode} ${response.body}`).toContain(
            response.statusCode,
          );
          expect(response.body).not.toMatch(/display|"accountId"|"records":\[\{/);
        }
      });
    }
  }

  it.each(ROLES)(
    'commune summaries: %s reads only the communes it is given, as figures',
    async (role) => {
      for (const commune of [COMMUNE_A, COMMUNE_B]) {
        const response = await request(app)(
          'GET',
          `/api/communes/${commune}/summary`,
          world.actors[role].token,
        );
        const allowed =
          role === 'system_admin' || (role === 'commune_official' && commune === COMMUNE_A);
        if (allowed) {
          expect(response.statusCode).toBe(200);
          expect(response.body).not.toMatch(/displayName|username|phone|accountId/);
        } else {
          expect(response.statusCode).toBe(role === 'device' ? 403 : 403);
        }
      }
    },
  );

  it.each(ROLES)(
    'only a system administrator names commune officials or creates agencies (%s)',
    async (role) => {
      const call = request(app);
      const grant = await call('POST', '/api/admin/commune-officials', world.actors[role].token, {
        accountId: world.actors.learner.accountId,
        communeCode: COMMUNE_B,
      });
      const agency = await call('POST', '/api/orgs', world.actors[role].token, {
        kind: 'agency',
        name: 'Sở mẫu',
        communeCode: COMMUNE_A,
      });
      const allowed = role === 'system_admin';
      expect(grant.statusCode).toBe(allowed ? 201 : 403);
      expect(agency.statusCode).toBe(allowed ? 201 : 403);
    },
  );

  it.each(ROLES)(
    'only a system administrator reads the audit log, finds accounts and rotates the key (%s)',
    async (role) => {
      const call = request(app);
      const token = world.actors[role].token;
      const log = await call('GET', '/api/admin/audit', token);
      const lookup = await call('GET', '/api/admin/accounts?login=nobody-here', token);
      const rotate = await call('POST', '/api/admin/issuer-key/rotate', token, {});
      const allowed = role === 'system_admin';
      expect(log.statusCode).toBe(allowed ? 200 : 403);
      expect(lookup.statusCode).toBe(allowed ? 404 : 403);
      expect(rotate.statusCode).toBe(allowed ? 200 : 403);
    },
  );

  it.each(ROLES)('%s lists only its own programme certificates (none here)', async (role) => {
    const response = await request(app)(
      'GET',
      '/api/programme-certificates',
      world.actors[role].token,
    );
    // An account's own list; a device's token has no account to hold one.
    if (role === 'device') expect(response.statusCode).toBe(403);
    else expect(response.json()).toEqual({ certificates: [] });
  });

  let markEvents: LearningEvent[] | undefined;
  it.each(ROLES)('%s reads only its own high-water mark of a device', async (role) => {
    const call = request(app);
    const device = world.actors.device;
    // The same event every time: a retried push settles nothing new but the mark.
    markEvents ??= eventBatch(device.deviceId, 1);
    const pushed = await call('POST', '/api/sync/push', device.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: device.deviceId,
      records: markEvents.map(eventRecord),
      highWater: 5,
    });
    expect(pushed.statusCode).toBe(200);
    const response = await call(
      'GET',
      `/api/sync/mark?deviceId=${device.deviceId}`,
      world.actors[role].token,
    );
    if (role === 'device') {
      expect(response.json()).toEqual({ highWater: 5, refused: [] });
    } else {
      // An account asking about this device hears only of its own pushes from it: none.
      expect(response.json()).toEqual({ highWater: 0, refused: [] });
    }
  });

  it.each(ROLES)(
    'carried files: %s forwards one only when signed in, and reads only its own receipts',
    async (role) => {
      const call = request(app);
      const actor = world.actors[role];
      const maker = carryDevice();
      const file = await carryFile(maker, eventBatch(maker.deviceId, 1).map(eventRecord), {
        ...(await call('GET', '/api/sync/carry-key')).json<CarrySealKey>(),
      });
      const forwarded = await call('POST', '/api/sync/carried', actor.token, {
        protocolVersion: PROTOCOL_VERSION,
        file,
      });
      expect(forwarded.statusCode).toBe(role === 'device' ? 403 : 200);
      const own = await call(
        'GET',
        `/api/sync/carried/receipts?deviceId=${actor.deviceId}`,
        actor.token,
      );
      expect(own.statusCode).toBe(role === 'device' ? 200 : 403);
      const others = await call(
        'GET',
        `/api/sync/carried/receipts?deviceId=${maker.deviceId}`,
        actor.token,
      );
      expect(others.statusCode).toBe(403);
    },
  );

  describe('certificates', () => {
    /** Each actor's own certificate id, earned in beforeAll, and the profile that earned it. */
    const own = new Map<RoleName, string>();
    const profiles = new Map<RoleName, string>();

    beforeAll(async () => {
      for (const role of ROLES) {
        const actor = world.actors[role];
        const profileId = newRandomId();
        profiles.set(role, profileId);
        const events = [
          ...quizAttempt(actor.deviceId, profileId, neededRight(), true),
          certificateRequest(actor.deviceId, profileId, `Người ${role}`),
        ];
        const pushed = await request(app)('POST', '/api/sync/push', actor.token, {
          protocolVersion: PROTOCOL_VERSION,
          deviceId: actor.deviceId,
          records: events.map(eventRecord),
        });
        expect(pushed.statusCode).toBe(200);
        actor.events.push(...events.map((e) => e.id));
        const listed = await request(app)('GET', '/api/certificates', actor.token);
        const [certificate] = certificatesResponseSchema.parse(listed.json()).certificates;
        own.set(role, certificate!.id);
      }
    });

    it.each(ROLES)('%s gets only its own certificates', async (role) => {
      const response = await request(app)('GET', '/api/certificates', world.actors[role].token);
      const ids = certificatesResponseSchema.parse(response.json()).certificates.map((c) => c.id);
      expect(ids).toEqual([own.get(role)]);
    });

    it.each(ROLES)('%s gets a passport of its own record only', async (role) => {
      const call = request(app);
      const token = world.actors[role].token;
      const passport = (profileId: string) =>
        call('POST', '/api/passports', token, { profileId, holderName: 'Người giữ' });
      const mine = await passport(profiles.get(role)!);
      expect(mine.statusCode).toBe(200);
      const held = passportSchema.parse(mine.json());
      expect(held.certificates.map((c) => c.id)).toEqual([own.get(role)]);
      // Naming another's profile: a device hears nothing of it; an account gets its own record.
      const theirs = await passport(profiles.get(role === 'learner' ? 'volunteer' : 'learner')!);
      if (role === 'device') expect(theirs.statusCode).toBe(404);
      else
        expect(passportSchema.parse(theirs.json()).certificates.map((c) => c.id)).toEqual([
          own.get(role),
        ]);
      expect(theirs.body).not.toContain(own.get(role === 'learner' ? 'volunteer' : 'learner'));
    });

    it.each(ROLES)('%s downloads its own credential and nobody else’s', async (role) => {
      const call = request(app);
      const token = world.actors[role].token;
      const mine = await call('GET', `/api/certificates/${own.get(role)}/credential`, token);
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['content-disposition']).toContain('attachment');
      const theirs = await call('GET', `/api/certificates/${own.get('learner')}/credential`, token);
      const allowed = role === 'learner' || role === 'system_admin';
      expect(theirs.statusCode).toBe(allowed ? 200 : 404);
    });

    it.each(ROLES)('only a system administrator revokes (%s)', async (role) => {
      const response = await request(app)(
        'POST',
        `/api/certificates/${own.get('volunteer')}/revoke`,
        world.actors[role].token,
        { reason: 'Kiểm tra quyền' },
      );
      // system_admin is last in ROLES: until then the certificate stands.
      expect(response.statusCode).toBe(role === 'system_admin' ? 200 : 403);
    });

    it.each(ROLES)(
      'class certificates: %s reads them only as the class’s teacher, and only its learners’',
      async (role) => {
        for (const target of ['home', 'other'] as const) {
          const org = world[target].teacher!;
          const response = await request(app)(
            'GET',
            `/api/orgs/${org.id}/certificates`,
            world.actors[role].token,
          );
          if (role === 'teacher' && target === 'home') {
            expect(response.statusCode).toBe(200);
            const ids = orgCertificatesResponseSchema
              .parse(response.json())
              .certificates.map((c) => c.id);
            // The learner's, never the teacher's own: staff are not the class's learners.
            expect(ids).toEqual([own.get('learner')]);
          } else {
            expect(role === 'device' ? [401, 403] : [403]).toContain(response.statusCode);
            expect(response.body).not.toMatch(/HS1:|holderName/);
          }
        }
      },
    );

    it('refuses the private routes without a token; keys, revocations and /verify are public', async () => {
      const call = request(app);
      expect((await call('GET', '/api/certificates')).statusCode).toBe(401);
      const id = own.get('learner')!;
      expect((await call('GET', `/api/certificates/${id}/credential`)).statusCode).toBe(401);
      expect((await call('POST', `/api/certificates/${id}/revoke`, undefined, {})).statusCode).toBe(
        401,
      );
      expect((await call('GET', '/api/certificates/issuers')).statusCode).toBe(200);
      expect((await call('GET', '/api/certificates/revocations')).statusCode).toBe(200);
      expect((await call('GET', '/verify')).statusCode).toBe(200);
      // Content keys and pack signatures are public: a phone checks course files with them.
      expect((await call('GET', '/api/content/signatures')).statusCode).toBe(200);
    });
  });

  it('refuses every account route without a token', async () => {
    const call = request(app);
    for (const [method, url] of [
      ['GET', '/api/me'],
      ['POST', '/api/orgs'],
      ['POST', '/api/join'],
      ['POST', '/api/auth/sign-out-everywhere'],
      ['GET', `/api/communes/${COMMUNE_A}/summary`],
      ['GET', '/api/officials/pending-teams'],
      ['POST', `/api/orgs/${world.home.team_leader!.id}/approve`],
      [
        'POST',
        `/api/orgs/${world.home.team_leader!.id}/members/${world.actors.volunteer.accountId}/reset-code`,
      ],
      ['GET', '/api/admin/audit'],
      ['POST', '/api/admin/province-admins'],
      ['GET', '/api/provinces/01/compliance'],
      ['GET', '/api/compliance/national'],
      ['GET', '/api/admin/accounts?login=someone'],
      ['POST', '/api/admin/issuer-key/rotate'],
      ['GET', '/api/sync/pull?kind=learning-event'],
      ['GET', `/api/sync/mark?deviceId=${world.actors.device.deviceId}`],
      ['POST', '/api/sync/carried'],
      ['GET', `/api/sync/carried/receipts?deviceId=${world.actors.device.deviceId}`],
      ['PUT', '/api/devices/key'],
      ['POST', '/api/passports'],
      ['POST', `/api/orgs/${world.home.teacher!.id}/roster`],
      ['GET', `/api/orgs/${world.home.teacher!.id}/certificates`],
      ['GET', `/api/orgs/${world.home.teacher!.id}/attendance.csv?month=2026-11`],
    ] as const) {
      expect(
        (await call(method, url, undefined, method === 'POST' ? {} : undefined)).statusCode,
        url,
      ).toBe(401);
    }
  });

  it.each(ROLES)(
    'assignments: %s assigns only in a class it teaches or an agency it runs',
    async (role) => {
      const actor = world.actors[role];
      for (const target of ['home', 'other'] as const) {
        for (const org of [world[target].teacher!, world[target].agency_admin!]) {
          const record = testAssignment(actor.deviceId, org.id);
          const response = await request(app)('POST', '/api/sync/push', actor.token, {
            protocolVersion: PROTOCOL_VERSION,
            deviceId: actor.deviceId,
            records: [assignmentRecord(record)],
          });
          const body = readPushAnswer([assignmentRecord(record)], response.json());
          // Another class's teacher, a learner of this class or another, a volunteer: refused.
          const allowed = target === 'home' && MANAGER[role] === org.kind;
          expect(body.accepted.map((r) => r.id)).toEqual(allowed ? [record.id] : []);
          if (!allowed) expect(body.refused.map((r) => r.reason)).toEqual(['forbidden_scope']);
        }
      }
    },
  );

  describe('compliance roll-ups of provinces and the nation', () => {
    // Communes A and B are both in Hà Nội (01); Cao Bằng (04) is another province.
    const PROVINCE = '01';
    const OTHER_PROVINCE = '04';
    type Caller = RoleName | 'province_admin' | 'other_province_admin' | 'staff';
    const tokens = new Map<Caller, string>();

    beforeAll(async () => {
      for (const role of ROLES) tokens.set(role, world.actors[role].token);
      const admin = world.actors.system_admin.token;
      for (const [caller, code] of [
        ['province_admin', PROVINCE],
        ['other_province_admin', OTHER_PROVINCE],
      ] as const) {
        const account = await newAccount(app, caller);
        const grant = await request(app)('POST', '/api/admin/province-admins', admin, {
          accountId: account.accountId,
          provinceCode: code,
        });
        expect(grant.statusCode, grant.body).toBe(201);
        tokens.set(caller, account.token);
      }
      // A staff member of agency A, signed in with the card the import gives.
      const imported = await request(app)(
        'POST',
        `/api/orgs/${world.home.agency_admin!.id}/staff`,
        world.actors.agency_admin.token,
        {
          rows: [
            {
              row: 2,
              staffNumber: 'CB1',
              fullName: 'Cán Bộ',
              unit: 'Văn phòng',
              position: 'Chuyên viên',
              phone: '',
            },
          ],
        },
      );
      expect(imported.statusCode, imported.body).toBe(201);
      const card = imported.json<{ imported: { username: string; password: string }[] }>()
        .imported[0]!;
      const signIn = await request(app)('POST', '/api/auth/sign-in', undefined, {
        login: card.username,
        password: card.password,
      });
      tokens.set('staff', signIn.json<{ accessToken: string }>().accessToken);
    });

    const CALLERS: Caller[] = [...ROLES, 'province_admin', 'other_province_admin', 'staff'];
    const READS: { url: string; allowed: (caller: Caller) => boolean }[] = [
      ...['', '.csv', '.xlsx'].flatMap((ext) => [
        {
          url: `/api/provinces/${PROVINCE}/compliance${ext}`,
          allowed: (c: Caller) => c === 'system_admin' || c === 'province_admin',
        },
        {
          url: `/api/provinces/${OTHER_PROVINCE}/compliance${ext}`,
          allowed: (c: Caller) => c === 'system_admin' || c === 'other_province_admin',
        },
      ]),
      { url: '/api/compliance/national', allowed: (c) => c === 'system_admin' },
    ];

    it.each(CALLERS)(
      '%s reads only the roll-ups it is given, as figures, and names no province admin',
      async (caller) => {
        const token = tokens.get(caller)!;
        for (const { url, allowed } of READS) {
          const response = await request(app)('GET', url, token);
          if (allowed(caller)) {
            expect(response.statusCode, `${url} ${response.body}`).toBe(200);
            // Counts only: no account, name, staff number or phone in any roll-up.
            expect(response.body, url).not.toMatch(
              /accountId|displayName|staffNumber|phone|Cán Bộ/,
            );
          } else {
            expect(caller === 'device' ? [401, 403] : [403], `${url} ${response.body}`).toContain(
              response.statusCode,
            );
            expect(response.body).not.toMatch(/"agencies"|"provinces"/);
          }
        }
        const grant = await request(app)('POST', '/api/admin/province-admins', token, {
          accountId: world.actors.learner.accountId,
          provinceCode: OTHER_PROVINCE,
        });
        if (caller === 'system_admin') expect(grant.statusCode).toBe(201);
        else expect(caller === 'device' ? [401, 403] : [403]).toContain(grant.statusCode);
      },
    );

    it('answers an unknown province 404 and a malformed code 400', async () => {
      for (const caller of ['system_admin', 'province_admin'] as const) {
        const unknown = await request(app)(
          'GET',
          '/api/provinces/99/compliance',
          tokens.get(caller),
        );
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json().error.message).toMatch(/No province has the code 99/);
      }
      const malformed = await request(app)(
        'GET',
        '/api/provinces/1x/compliance',
        tokens.get('system_admin'),
      );
      expect(malformed.statusCode).toBe(400);
      const grant = await request(app)(
        'POST',
        '/api/admin/province-admins',
        tokens.get('system_admin'),
        { accountId: world.actors.learner.accountId, provinceCode: '99' },
      );
      expect(grant.statusCode).toBe(404);
    });
  });

  // Last: the teacher's import adds learners to class A, which the routes above count.
  it.each([...ROLES.filter((r) => r !== 'teacher'), 'teacher' as const])(
    'roster import: %s enrols a roster only into a class it teaches',
    async (role) => {
      for (const target of ['home', 'other'] as const) {
        const org = world[target].teacher!;
        const memberCount = async () =>
          (await db.query(`SELECT 1 FROM memberships WHERE organisation_id = $1`, [org.id])).length;
        const before = await memberCount();
        const response = await request(app)(
          'POST',
          `/api/orgs/${org.id}/roster`,
          world.actors[role].token,
          { rows: [{ row: 2, fullName: `Học Trò ${role}`, birthYear: '2012', phone: '' }] },
        );
        // Another class's teacher, a learner of this class or of another, a volunteer: refused.
        if (role === 'teacher' && target === 'home') {
          expect(response.statusCode, response.body).toBe(201);
          expect(await memberCount()).toBe(before + 1);
        } else {
          expect(role === 'device' ? [401, 403] : [403]).toContain(response.statusCode);
          expect(await memberCount()).toBe(before);
        }
      }
    },
  );
});
