import { beforeEach, describe, expect, it } from 'vitest';
import { newRandomId } from '../lib/ids';
import type { PulledRecord, PushedRecord } from '../protocol';
import { createSyncEngine } from '../sync/engine';
import type { SyncApi } from '../sync/http';
import {
  assign,
  assignmentRows,
  PastDueDateError,
  saveOrgMemberships,
  wipeAssignmentData,
  withdraw,
} from './assignments';
import { database } from './db';
import { createDexieSyncStore } from './syncStore';

const teacher = { accountId: newRandomId(), displayName: 'Cô Hà' };
const classId = newRandomId();
const NOW = new Date('2026-12-10T09:00:00+07:00');
const course = { kind: 'course', id: 'smartphone-basics' } as const;

/** A server that stores what it is sent and hands it back on pull, as the real one does. */
function echoServer() {
  const stored: PulledRecord[] = [];
  const pushes: { records: PushedRecord[]; highWater?: number }[] = [];
  const api: SyncApi = {
    registerDevice: async () => 'token-'.padEnd(40, 'x'),
    push: async (_token, _device, records, highWater) => {
      pushes.push({ records, highWater });
      for (const r of records) {
        if (r.kind !== 'assignment') continue;
        stored.push({
          kind: 'assignment',
          id: r.id,
          data: { ...(r.data as object), serverSeq: stored.length + 1, madeBy: teacher },
        } as PulledRecord);
      }
      return { refused: [] };
    },
    mark: async () => ({ highWater: 0, refused: [] }),
    pull: async (_token, kind, since) => ({
      records: kind === 'assignment' ? stored.slice(since) : [],
      nextCursor: kind === 'assignment' ? stored.length : since,
      hasMore: false,
    }),
  };
  return { api, pushes, stored };
}

const profileId = newRandomId();

/** The teacher signed in on this phone, in the class, as the server last said. */
async function signInTeacher(): Promise<void> {
  await database().credentials.put({
    profileId,
    accountId: teacher.accountId,
    displayName: teacher.displayName,
    accessToken: 't',
    refreshToken: 'r',
    pullCursor: 0,
  });
  await saveOrgMemberships({
    accountId: teacher.accountId,
    organisations: [{ organisationId: classId, kind: 'class', name: 'Lớp 1', role: 'teacher' }],
    checkedAt: NOW.toISOString(),
  });
}

const teacherStore = () => createDexieSyncStore(undefined, { kind: 'account', profileId });

describe('assignments on the phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
    await signInTeacher();
  });

  it('refuses a due date before today in Vietnam and writes nothing', async () => {
    const input = {
      organisationId: classId,
      item: course,
      target: { kind: 'organisation' } as const,
    };
    await expect(assign(teacher, { ...input, dueDate: '2026-12-09' }, NOW)).rejects.toBeInstanceOf(
      PastDueDateError,
    );
    expect(await database().assignments.count()).toBe(0);
    expect(await database().outbox.count()).toBe(0);
    await assign(teacher, { ...input, dueDate: '2026-12-10' }, NOW);
    expect(await assignmentRows(teacher.accountId, classId)).toHaveLength(1);
  });

  it('waits in the one outbox offline, then the engine sends it and pulls it back', async () => {
    const target = { kind: 'organisation' } as const;
    await assign(teacher, { organisationId: classId, item: course, target, dueDate: null }, NOW);
    const [made] = await assignmentRows(teacher.accountId, classId);
    await withdraw(teacher, { organisationId: classId, id: made!.id });
    expect((await assignmentRows(teacher.accountId)).map((r) => r.state)).toEqual([
      'waiting',
      'waiting',
    ]);

    const server = echoServer();
    expect(await database().outbox.toArray()).toEqual([
      expect.objectContaining({ kind: 'assignment', recordId: made!.id, state: 'pending' }),
      expect.objectContaining({ kind: 'assignment', state: 'pending' }),
    ]);
    const engine = createSyncEngine({
      api: server.api,
      store: teacherStore(),
      auth: { token: async () => 'account-token', forget: async () => undefined },
      onStatus: () => undefined,
      isOnline: () => true,
    });
    await engine.syncNow();
    engine.stop();

    const sent = server.pushes.filter((p) => p.records.some((r) => r.kind === 'assignment'));
    expect(sent).toHaveLength(1);
    // The assignment goes before its withdrawal.
    expect(sent[0]!.records.map((r) => (r.data as { action: string }).action)).toEqual([
      'assign',
      'withdraw',
    ]);
    const rows = await assignmentRows(teacher.accountId, classId);
    expect(rows.map((r) => r.state)).toEqual(['stored', 'stored']);
    expect(await database().outbox.count()).toBe(0);
    expect((await database().credentials.get(profileId))?.assignmentCursors).toEqual({
      [classId]: 2,
    });
  });

  it('keeps a refused record with the server’s reason, and sends it no more', async () => {
    const target = { kind: 'organisation' } as const;
    await assign(teacher, { organisationId: classId, item: course, target, dueDate: null }, NOW);
    const store = teacherStore();
    const {
      records: [record],
      highWater,
    } = await store.pendingRecords(10);
    await store.settleUpTo({
      highWater,
      refused: [{ kind: 'assignment', id: record!.id, reason: 'forbidden_scope', message: 'no' }],
    });
    expect((await store.pendingRecords(10)).records).toEqual([]);
    expect((await assignmentRows(teacher.accountId))[0]).toMatchObject({
      state: 'refused',
      refusal: { reason: 'forbidden_scope' },
    });
  });

  it('leaves nothing of the account behind once it signs out', async () => {
    const target = { kind: 'organisation' } as const;
    await assign(teacher, { organisationId: classId, item: course, target, dueDate: null }, NOW);
    await wipeAssignmentData(teacher.accountId);
    expect(await database().assignments.count()).toBe(0);
    expect(await database().orgMemberships.count()).toBe(0);
    expect(await database().outbox.count()).toBe(0);
  });
});
