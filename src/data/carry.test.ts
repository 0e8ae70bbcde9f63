import { base64urlnopad } from '@scure/base';
import { beforeEach, describe, expect, it } from 'vitest';
import { carryKeyIdOf, newCarryOpenKey, openCarryFile } from '../domain/carry/seal';
import { newRandomId } from '../lib/ids';
import {
  addCarriedFile,
  awaitsCarryReceipts,
  makeCarryFile,
  settleCarried,
  settleCarryReceipts,
  storeCarrySealKey,
  waitingCarried,
} from './carry';
import { database } from './db';
import { recordEvent } from './learning';
import { createDexieSyncStore } from './syncStore';
import { getDeviceId } from './meta';

const profileId = newRandomId();
const course = { courseId: 'smartphone-basics', lessonId: 'phone-parts' };

function serverKey() {
  const { privateKey, publicKey } = newCarryOpenKey();
  const keyId = carryKeyIdOf(publicKey);
  return {
    open: [{ keyId, privateKey }],
    seal: { keyId, publicKey: base64urlnopad.encode(publicKey) },
  };
}

describe('carry files on the phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('needs the sealing key kept from a visit online', async () => {
    await recordEvent(profileId, 'lesson.completed', course);
    expect(await makeCarryFile()).toEqual({ ok: false, problem: 'no_seal_key' });
  });

  it('seals every waiting record, and settles them from the receipt as a push would', async () => {
    const key = serverKey();
    await storeCarrySealKey(key.seal);
    expect(await makeCarryFile()).toEqual({ ok: false, problem: 'nothing_waiting' });
    const events = [
      await recordEvent(profileId, 'lesson.completed', course),
      await recordEvent(profileId, 'lesson.completed', { ...course, lessonId: 'apps' }),
    ];
    const made = await makeCarryFile();
    if (!made.ok) throw new Error(made.problem);
    expect(made.count).toBe(2);
    expect(made.text).not.toContain('phone-parts');
    const opened = await openCarryFile(JSON.parse(made.text), key.open);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.opened.deviceId).toBe(await getDeviceId());
    expect(opened.opened.bundle.records.map((r) => r.id)).toEqual(events.map((e) => e.id));
    expect(await awaitsCarryReceipts()).toBe(true);

    const [first, second] = events;
    await settleCarryReceipts({
      receipts: [
        {
          bundleId: opened.opened.bundle.bundleId,
          receivedAt: '2026-11-30T02:00:00.000Z',
          accepted: [{ kind: 'learning-event', id: first!.id }],
          refused: [
            { kind: 'learning-event', id: second!.id, reason: 'invalid_record', message: 'x' },
          ],
        },
        // A receipt of a bundle this phone never made (or already settled) changes nothing.
        {
          bundleId: newRandomId(),
          receivedAt: '2026-11-30T02:00:00.000Z',
          accepted: [],
          refused: [],
        },
      ],
    });
    const outbox = await database().outbox.toArray();
    expect(outbox.map((row) => [row.recordId, row.state])).toEqual([[second!.id, 'refused']]);
    expect(await awaitsCarryReceipts()).toBe(false);
    expect((await database().carryMade.toArray())[0]).toMatchObject({ state: 'arrived', count: 2 });
  });

  it('stops waiting for a file once its records reached the server another way', async () => {
    await storeCarrySealKey(serverKey().seal);
    const first = await recordEvent(profileId, 'lesson.completed', course);
    const made = await makeCarryFile();
    if (!made.ok) throw new Error(made.problem);
    const second = await recordEvent(profileId, 'lesson.completed', {
      ...course,
      lessonId: 'apps',
    });
    const store = createDexieSyncStore();
    const accept = (id: string) => ({ accepted: [{ kind: 'learning-event' as const, id }] });

    // A push of records the file does not hold leaves it waiting.
    await store.settleReceipt({ ...accept(second.id), refused: [] });
    expect(await awaitsCarryReceipts()).toBe(true);
    await store.settleReceipt({ ...accept(first.id), refused: [] });
    expect(await awaitsCarryReceipts()).toBe(false);
    expect((await database().carryMade.toArray())[0]).toMatchObject({ state: 'arrived' });
  });

  it('keeps a carried file once, refuses what is not one, and notes the answer', async () => {
    const key = serverKey();
    await storeCarrySealKey(key.seal);
    await recordEvent(profileId, 'lesson.completed', course);
    const made = await makeCarryFile();
    if (!made.ok) throw new Error(made.problem);
    expect(await addCarriedFile(made.text.slice(0, 100))).toBe('malformed');
    expect(await addCarriedFile('{"format":"zip"}')).toBe('malformed');
    expect(await addCarriedFile(made.text)).toBe('added');
    expect(await addCarriedFile(made.text)).toBe('already_here');
    const [waiting] = await waitingCarried();
    expect(waiting?.file).toBe(made.text);
    await settleCarried(waiting!.id, { outcome: 'refused', reason: 'altered' });
    expect(await waitingCarried()).toEqual([]);
    expect(await database().carrying.get(waiting!.id)).toMatchObject({
      state: 'refused',
      reason: 'altered',
    });
  });
});
