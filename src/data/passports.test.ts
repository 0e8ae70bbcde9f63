import { beforeEach, describe, expect, it } from 'vitest';
import { encodePassportFile } from '../domain/passport/passport';
import { testIssuer, testPassport } from '../test/passports';
import { database } from './db';
import { StorageFullError } from './errors';
import { recordEvent } from './learning';
import { addPassport, openPassport } from './passports';
import { createProfile, deleteProfile } from './profiles';

const server = testIssuer('kserver');

/** The phone pinned its server's issuer key at its first visit. */
async function pinIssuerKey() {
  await database().issuerKeys.put({ ...server.key, issuerId: 'https://x', issuerName: 'Học Số' });
}

/** Everything a passport could change, to compare before and after. */
async function snapshot() {
  const db = database();
  return {
    profiles: (await db.profiles.toArray()).map((p) => p.id).sort(),
    progress: await db.courseProgress.toArray(),
    walkthroughs: await db.walkthroughProgress.toArray(),
    certificates: await db.certificates.toArray(),
    passports: (await db.passports.toArray()).map((p) => p.id),
    events: await db.events.count(),
    outbox: await db.outbox.count(),
  };
}

describe('progress passports on the phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
    await pinIssuerKey();
  });

  it('opens a genuine passport without writing anything, then adds it as a new learner', async () => {
    const passport = testPassport(server);
    const before = await snapshot();
    const opened = await openPassport(await encodePassportFile(passport));
    expect(opened).toEqual({ ok: true, passport, addedTo: null });
    expect(await snapshot()).toEqual(before);

    const added = await addPassport(passport, { kind: 'new' });
    if (!added.ok) throw new Error(added.reason);
    const db = database();
    expect(await db.profiles.get(added.profileId)).toMatchObject({ name: 'Nguyễn Thị Hoa' });
    const passed = await db.courseProgress.get([added.profileId, 'cashless-payments']);
    expect(passed).toMatchObject({ completedLessons: ['qr-pay'], quiz: { passed: true } });
    expect(await db.walkthroughProgress.get([added.profileId, 'vneid-level-2'])).toMatchObject({
      practiceRuns: passport.walkthroughs[0]!.practiceRuns,
    });
    // Not this phone's learning: no events, nothing to push.
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await openPassport(await encodePassportFile(passport))).ok && 'opened').toBe('opened');
  });

  it('refuses the same passport a second time and changes nothing', async () => {
    const passport = testPassport(server);
    expect((await addPassport(passport, { kind: 'new' })).ok).toBe(true);
    const before = await snapshot();
    expect(await addPassport(passport, { kind: 'new' })).toEqual({ ok: false, reason: 'replayed' });
    const profileId = before.profiles[0]!;
    expect(await addPassport(passport, { kind: 'profile', profileId })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('forgets a passport with the profile it was added to', async () => {
    const passport = testPassport(server);
    const added = await addPassport(passport, { kind: 'new' });
    if (!added.ok) throw new Error(added.reason);
    await deleteProfile(added.profileId);
    expect(await database().passports.count()).toBe(0);
    expect((await addPassport(passport, { kind: 'new' })).ok).toBe(true);
  });

  it("adds to a profile's own progress without taking anything away", async () => {
    const profileId = await createProfile({ name: 'Hoa', avatar: 'lotus' });
    await recordEvent(profileId, 'lesson.completed', {
      courseId: 'cashless-payments',
      lessonId: 'bank-app',
    });
    const added = await addPassport(testPassport(server), { kind: 'profile', profileId });
    expect(added).toEqual({ ok: true, profileId });
    const progress = await database().courseProgress.get([profileId, 'cashless-payments']);
    expect(progress?.completedLessons).toEqual(['bank-app', 'qr-pay']);
    // Only the lesson learnt here waits to be pushed.
    expect(await database().outbox.count()).toBe(1);
  });

  it('refuses an altered or foreign passport and changes nothing', async () => {
    const before = await snapshot();
    const passport = testPassport(server);
    const altered = { ...passport, holderName: 'Người khác' };
    expect(await addPassport(altered, { kind: 'new' })).toEqual({ ok: false, reason: 'altered' });
    const foreign = testPassport(testIssuer('kother'));
    expect(await addPassport(foreign, { kind: 'new' })).toEqual({ ok: false, reason: 'foreign' });
    expect(await openPassport(await encodePassportFile(foreign))).toEqual({
      ok: false,
      reason: 'foreign',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the previous state intact when the disk is full', async () => {
    const passport = testPassport(server);
    const before = await snapshot();
    const db = database();
    const failOnFull = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.passports.hook('creating', failOnFull);
    await expect(addPassport(passport, { kind: 'new' })).rejects.toBeInstanceOf(StorageFullError);
    db.passports.hook('creating').unsubscribe(failOnFull);
    expect(await snapshot()).toEqual(before);
    expect((await addPassport(passport, { kind: 'new' })).ok).toBe(true);
  });
});
