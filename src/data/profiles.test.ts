import { beforeEach, describe, expect, it } from 'vitest';
import { database } from './db';
import { recordEvent } from './learning';
import { checkPin, createProfile, deleteProfile, setPin, unsyncedCount } from './profiles';
import { saveResume } from './resume';

const lesson = { courseId: 'smartphone-basics', lessonId: 'phone-parts' };

describe('profiles on a shared phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('store only a salted slow hash of the PIN, and check it', async () => {
    const id = await createProfile({ name: 'Lan', avatar: 'leaf' });
    await setPin(id, '2580');
    const stored = await database().profiles.get(id);
    expect(JSON.stringify(stored)).not.toContain('2580');
    expect(stored?.pin?.iterations).toBeGreaterThanOrEqual(300_000);
    expect(await checkPin(id, '2580')).toEqual({ ok: true });
    expect(await checkPin(id, '1111')).toEqual({ ok: false, waitMs: 0 });
  });

  it('lock a profile for a while after too many wrong PINs, even the right one', async () => {
    const id = await createProfile({ name: 'Lan', avatar: 'leaf' });
    await setPin(id, '2580');
    const now = Date.now();
    for (let i = 0; i < 4; i += 1) expect((await checkPin(id, '0000', now)).ok).toBe(false);
    expect(await checkPin(id, '0000', now)).toEqual({ ok: false, waitMs: 30_000 });
    expect(await checkPin(id, '2580', now + 1000)).toEqual({ ok: false, waitMs: 29_000 });
    expect(await checkPin(id, '2580', now + 31_000)).toEqual({ ok: true });
  });

  it('delete every trace of a profile and nothing of another', async () => {
    const gone = await createProfile({ name: 'Minh', avatar: 'fish' });
    const kept = await createProfile({ name: 'Hoa', avatar: 'flower' });
    for (const id of [gone, kept]) {
      await recordEvent(id, 'lesson.completed', lesson);
      await saveResume(id, lesson.courseId, lesson.lessonId, 3);
    }
    expect(await unsyncedCount(gone)).toBe(1);
    await deleteProfile(gone);

    const db = database();
    for (const table of db.tables) {
      const rows = JSON.stringify(await table.toArray());
      expect(rows, table.name).not.toContain(gone);
    }
    expect(await db.events.where('profileId').equals(kept).count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.resume.count()).toBe(1);
  });
});
