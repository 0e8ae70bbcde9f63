import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import { HocSoDatabase } from '../../src/data/db';
import { recordEvent } from '../../src/data/learning';
import { createDexieSyncStore } from '../../src/data/syncStore';
import { createCarryApi, forwardCarriedStep } from '../../src/sync/carry';
import { createSyncEngine, type SyncEngine } from '../../src/sync/engine';
import { createSyncApi } from '../../src/sync/http';
import type { Database } from '../db/database';
import { accountProgress } from '../services/progress';
import { issueTokens } from '../services/tokens';
import { carryOnce, deliverHeldFiles, type CarryFate, type CarryPhone } from './faultCarry';
import { logVisit, signInPhone, type LoggingPhone, type PhoneOwner } from './faultVisits';

/**
 * The fault-injection schedules every fault run plays (`faultProperty.ts`): two phones of one
 * account record learning events and log visits while their network fails in every way, on one
 * server (`server/faults.test.ts`) or spread over three
 * (`server/process/faultsAcrossServers.test.ts`).
 * Beside them, a phone nobody signed in to hands sealed files of its records to them to carry
 * (`faultCarry.ts`): at once, twice, late or never, and syncs itself now and then.
 */

/** Schedules per run: at least 1,000 in CI; `npm run test:soak` runs many more. */
export const FAULT_SCHEDULES = Number(process.env.FAULT_SCHEDULES ?? 1000);

/**
 * How long a run may take: half a second a schedule, at least 30 minutes. A schedule takes
 * about 0.15-0.2 s alone; 10,000 of them beside other work passed the fixed 30 minutes.
 */
export const FAULT_TIMEOUT_MS = Math.max(1_800_000, FAULT_SCHEDULES * 500);

let phonesMade = 0;

/**
 * A new address for each simulated phone, as real phones reach the server from their own: the
 * limits per address (device registrations) count each phone, not the whole test.
 */
export function nextPhoneAddress(): string {
  phonesMade += 1;
  return `10.${(phonesMade >> 16) & 255}.${(phonesMade >> 8) & 255}.${phonesMade & 255}`;
}

export type Fault = 'none' | 'offline' | 'cut' | 'duplicate' | 'delay';

export type Command =
  | { kind: 'record'; device: 0 | 1; count: number }
  | { kind: 'visit'; device: 0 | 1; amend: boolean }
  | { kind: 'sync'; device: 0 | 1 }
  | { kind: 'syncBoth' }
  | { kind: 'restart' }
  /** Device 2 is the carry phone. */
  | { kind: 'fault'; device: 0 | 1 | 2; fault: Fault }
  | { kind: 'deliverLate' }
  | { kind: 'carry'; fate: CarryFate }
  | { kind: 'carrySync' };

const device = fc.constantFrom<0 | 1>(0, 1);

/**
 * A random schedule of up to `maxLength` steps. One schedule in five also has the carry phone
 * (files carried now, twice, late or never, and its own syncs): every schedule with it costs
 * about twice one without, and CI runs 1,000. `restarts` adds restarting the server, for a test
 * that owns its server in-process.
 */
export function faultSchedule({
  restarts,
  maxLength,
}: {
  restarts: boolean;
  maxLength: number;
}): fc.Arbitrary<Command[]> {
  const steps = (carry: boolean) =>
    fc.array(scheduleCommand({ restarts, carry }), { minLength: 1, maxLength });
  return fc.oneof({ weight: 4, arbitrary: steps(false) }, { weight: 1, arbitrary: steps(true) });
}

/** One random step of a schedule; `carry` adds the carry phone's steps. */
function scheduleCommand({
  restarts,
  carry,
}: {
  restarts: boolean;
  carry: boolean;
}): fc.Arbitrary<Command> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('record' as const),
        device,
        count: fc.integer({ min: 1, max: 3 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('visit' as const), device, amend: fc.boolean() }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'syncBoth' as const }) },
    ...(restarts ? [{ weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) }] : []),
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('fault' as const),
        device: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
        fault: fc.constantFrom<Fault>('none', 'offline', 'cut', 'duplicate', 'delay'),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'deliverLate' as const }) },
    ...(carry
      ? [
          {
            weight: 2,
            arbitrary: fc.record({
              kind: fc.constant('carry' as const),
              fate: fc.constantFrom<CarryFate>('now', 'twice', 'late', 'never'),
            }),
          },
          { weight: 1, arbitrary: fc.constant({ kind: 'carrySync' as const }) },
        ]
      : []),
  );
}

/** Phone 0 logs a visit and sends it; phone 1 gets it; both amend it offline; both sync. */
export const RIVAL_AMENDMENTS: Command[] = [
  { kind: 'visit', device: 0, amend: false },
  { kind: 'sync', device: 0 },
  { kind: 'sync', device: 1 },
  { kind: 'visit', device: 0, amend: true },
  { kind: 'visit', device: 1, amend: true },
  { kind: 'syncBoth' },
];

/** fast-check's options for a fault run: the rival amendments always, a seed when asked. */
export const faultRunOptions = {
  numRuns: FAULT_SCHEDULES,
  // Beside the random schedules: two phones amend the same visit before either has seen the
  // other's amendment, so the rival is flagged on the server and on the phone.
  examples: [[RIVAL_AMENDMENTS]] as [Command[]][],
  ...(process.env.FAULT_SEED ? { seed: Number(process.env.FAULT_SEED) } : {}),
};

/**
 * A phone's way to the server that fails at will: offline, an answer lost after the server
 * handled the request, a request held and delivered after newer ones, or sent twice.
 */
export class FaultyNetwork {
  fault: Fault = 'none';
  private late: (() => Promise<unknown>)[] = [];

  constructor(private readonly deliver: (url: URL, init?: RequestInit) => Promise<Response>) {}

  readonly fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    switch (this.fault) {
      case 'offline':
        throw new TypeError('Failed to fetch');
      case 'cut':
        // The server handles the request; the answer is lost on the way back.
        await (await this.deliver(url, init)).arrayBuffer();
        throw new TypeError('Connection reset');
      case 'delay':
        // Held somewhere on the way: delivered later, after newer requests.
        this.late.push(async () => (await this.deliver(url, init)).arrayBuffer());
        throw new TypeError('Timed out');
      case 'duplicate': {
        const first = await this.deliver(url, init);
        const body = await first.arrayBuffer();
        await (await this.deliver(url, init)).arrayBuffer();
        return new Response(body, { status: first.status });
      }
      default:
        return this.deliver(url, init);
    }
  }) as typeof fetch;

  async deliverLate(): Promise<void> {
    const pending = this.late.splice(0).reverse();
    for (const send of pending) await send();
  }
}

/** A phone of a schedule: its database, its network, its engine and the events it recorded. */
export interface FaultPhone extends LoggingPhone {
  network: FaultyNetwork;
  engine: SyncEngine;
  recorded: string[];
}

/** A fresh account with an access token, made straight in the database. */
export async function faultAccount(db: Database): Promise<{ accountId: string; token: string }> {
  const accountId = randomUUID();
  await db.query(
    `INSERT INTO accounts (id, username, display_name, password_hash) VALUES ($1, $2, 'Fault', 'x')`,
    [accountId, `fault-${accountId}`],
  );
  return { accountId, token: (await issueTokens(db, accountId)).accessToken };
}

/** A phone signed in as `owner`, syncing through `network` in small batches. */
export async function faultPhone(
  owner: PhoneOwner,
  name: string,
  network: FaultyNetwork,
  key: CryptoKey,
): Promise<FaultPhone> {
  const local = new HocSoDatabase(name);
  await signInPhone(local, owner);
  const engine = createSyncEngine({
    api: createSyncApi('http://app.test', network.fetch),
    store: createDexieSyncStore(local, { kind: 'account', profileId: owner.profileId }, () => key),
    auth: { token: async () => owner.token, forget: async () => undefined },
    // The account's phones carry the carry phone's files and forward them when they sync.
    beforePush: forwardCarriedStep(createCarryApi('http://app.test', network.fetch), local),
    onStatus: (status) => {
      if (process.env.DEBUG_FAULTS) console.log(name, status);
    },
    batchSize: 3,
    pullLimit: 4,
    baseRetryMs: 60_000,
    isOnline: () => true,
  });
  return { db: local, network, engine, recorded: [], visits: [] };
}

/**
 * Whether a schedule needs the carry phone: only one that carries or syncs it makes one, so
 * the many schedules without it cost what they did before it (CI runs 1,000 of each).
 */
export function usesCarryPhone(commands: readonly Command[]): boolean {
  return commands.some((step) => step.kind === 'carry' || step.kind === 'carrySync');
}

/** The schedule's phones, with the carry phone when it has one. */
const allPhones = (phones: FaultPhone[], carry: CarryPhone | undefined) =>
  carry ? [...phones, carry] : phones;

/** Runs one schedule's steps on the phones; `restart` restarts the server when asked. */
export async function runSchedule(
  commands: Command[],
  owner: PhoneOwner,
  phones: FaultPhone[],
  key: CryptoKey,
  restart: () => Promise<void>,
  carry: CarryPhone | undefined,
): Promise<void> {
  let lesson = 0;
  const carriers = phones.map((p) => p.db);
  for (const step of commands) {
    if (step.kind === 'visit') {
      lesson += 1;
      await logVisit(key, owner, phones[step.device]!, step.amend, lesson);
    } else if (step.kind === 'record') {
      const target = phones[step.device]!;
      for (let i = 0; i < step.count; i += 1) {
        lesson += 1;
        const event = await recordEvent(
          owner.profileId,
          'lesson.completed',
          { courseId: lesson % 2 ? 'course-a' : 'course-b', lessonId: `lesson-${lesson % 5}` },
          target.db,
        );
        target.recorded.push(event.id);
      }
    } else if (step.kind === 'sync') {
      await phones[step.device]!.engine.syncNow();
    } else if (step.kind === 'syncBoth') {
      await Promise.all(phones.map((p) => p.engine.syncNow()));
    } else if (step.kind === 'restart') {
      await restart();
    } else if (step.kind === 'fault') {
      const phone = step.device === 2 ? carry : phones[step.device];
      if (phone) phone.network.fault = step.fault;
    } else if (step.kind === 'carry') {
      lesson += 1;
      await carryOnce(carry!, step.fate, carriers, lesson);
    } else if (step.kind === 'carrySync') {
      await carry!.engine.syncNow();
    } else {
      await Promise.all(allPhones(phones, carry).map((p) => p.network.deliverLate()));
      if (carry) await deliverHeldFiles(carry, carriers);
    }
  }
}

/** Quiescence: the network heals, held requests arrive, every phone syncs until settled. */
export async function settle(phones: FaultPhone[], carry?: CarryPhone): Promise<void> {
  const all = allPhones(phones, carry);
  for (const phone of all) phone.network.fault = 'none';
  await Promise.all(all.map((p) => p.network.deliverLate()));
  if (carry) {
    await deliverHeldFiles(
      carry,
      phones.map((p) => p.db),
    );
  }
  for (let round = 0; round < 2; round += 1) {
    for (const phone of all) await phone.engine.syncNow();
  }
}

const progressRows = (rows: { courseId: string; completedLessons: unknown; quiz: unknown }[]) =>
  rows
    .map((p) => ({ courseId: p.courseId, completedLessons: p.completedLessons, quiz: p.quiz }))
    .sort((a, b) => a.courseId.localeCompare(b.courseId));

/**
 * Every event the phones recorded is on the server exactly once, their outboxes are empty, and
 * both phones and the server derive the same progress.
 */
export async function expectEventsConverged(
  db: Database,
  accountId: string,
  phones: FaultPhone[],
): Promise<void> {
  const recorded = phones.flatMap((p) => p.recorded).sort();
  const stored = await db.query<{ id: string; copies: number }>(
    `SELECT id::text AS id, count(*)::int AS copies FROM events
     WHERE owner_id = $1 GROUP BY id ORDER BY id`,
    [`account:${accountId}`],
  );
  expect(stored.map((r) => r.id)).toEqual(recorded);
  expect(stored.every((r) => r.copies === 1)).toBe(true);
  for (const phone of phones) expect(await phone.db.outbox.count()).toBe(0);

  const [onA, onB] = await Promise.all(
    phones.map(async (p) => progressRows(await p.db.courseProgress.toArray())),
  );
  expect(onB).toEqual(onA);
  const onServer = (await accountProgress(db, [accountId])).get(accountId)!;
  expect(progressRows(onServer)).toEqual(onA);
}

/** Stops the phones' engines and deletes their databases. */
export async function discardPhones(phones: FaultPhone[], carry?: CarryPhone): Promise<void> {
  for (const phone of allPhones(phones, carry)) {
    phone.engine.stop();
    await phone.db.delete();
  }
}
