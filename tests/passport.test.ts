import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPassport } from '../src/domain/passport/passport';
import { gunzip, gzip } from '../src/lib/gzip';
import { passportSchema, type Passport } from '../src/protocol';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import { fileFolder, saveCourseFile, waitForContentKeys, writeBeside } from './support/courseFiles';
import { dumpDatabase } from './support/indexeddb';
import { COURSE_PATH, COURSE_TITLE, finishLesson, openPhone } from './support/learner';
import { answerKey, answerQuestion } from './support/quiz';
import { captureScreen, checkScreens } from './support/screens';
import { startStack, type Stack } from './support/stack';

const HOLDER = 'Nguyễn Thị Hoa';

/** Phone: Settings → "Lưu hồ sơ học tập"; captures the download and resolves its path. */
async function savePassport(page: Page, folder: string): Promise<string> {
  await page.goto(new URL('/settings', page.url()).href);
  await page.getByLabel('Tên ghi trên hồ sơ').fill(HOLDER);
  const save = page.getByRole('button', { name: 'Lưu hồ sơ học tập' });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  await page.getByText(/^Đã lưu tệp ho-so-hoc-tap-.+\.hocso/).waitFor();
  return path;
}

/** Phone: Settings → "Mở hồ sơ học tập" with a file; resolves what the app shows of it. */
async function openPassportFile(page: Page, path: string): Promise<string> {
  await page.goto(new URL('/settings', page.url()).href);
  const shown = page.locator('.passport-open .notice, .passport-record').first();
  await page.getByLabel('Mở hồ sơ học tập').setInputFiles(path);
  await shown.waitFor();
  return (await page.locator('.passport-open').textContent()) ?? '';
}

/** Everything a passport could change on a phone, read with the raw API. */
async function recordOf(page: Page) {
  const dump = await dumpDatabase(page);
  return {
    profiles: (dump.profiles as { id: string; name: string }[]).map((p) => p.name).sort(),
    courseProgress: dump.courseProgress,
    walkthroughProgress: dump.walkthroughProgress,
    certificates: dump.certificates,
    passports: (dump.passports as { id: string }[]).map((p) => p.id),
    events: dump.events,
    outbox: dump.outbox,
  };
}

function readPassport(path: string): Promise<Passport> {
  return gunzip(new Uint8Array(readFileSync(path))).then((plain) =>
    passportSchema.parse(JSON.parse(new TextDecoder().decode(plain))),
  );
}

/**
 * Issue 17's progress passport: phone A learns, passes a course and gets its certificate, syncs
 * and saves its record as a signed file; phone B, offline, verifies it, refuses every altered,
 * cut, foreign or wrong file and a replay without changing anything, and adds the genuine one
 * as a new learner whose progress and certificate then show.
 */
describe('a progress passport taken from one phone to another, offline', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let pageA: Page;
  let pageB: Page;
  let saved: string;
  let deviceOfA: string;
  const folder = fileFolder();

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('phone A learns, passes a course, gets its certificate and saves its passport', async () => {
    pageA = await openPhone(stack.origin, contexts);
    await waitForServiceWorker(pageA);
    await pageA.goto(`${stack.origin}${COURSE_PATH}`);
    await pageA.locator('.lesson-link').first().click();
    await finishLesson(pageA);
    const key = answerKey('smartphone-basics');
    await pageA.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    for (let i = 0; i < key.size; i += 1) await answerQuestion(pageA, key, true);
    await pageA.getByRole('link', { name: 'Nhận chứng chỉ' }).click();
    await pageA.getByLabel('Tên in trên chứng chỉ').fill(HOLDER);
    await pageA.getByRole('button', { name: 'Nhận chứng chỉ' }).click();
    // Signed once the events reached the server: everything A did is there now.
    await pageA.locator('.certificate-paper').waitFor({ timeout: 60_000 });
    const metaA = (await dumpDatabase(pageA)).meta as { key: string; value: string }[];
    deviceOfA = metaA.find((row) => row.key === 'deviceId')!.value;

    // A second lesson whose push fails: it is not in the passport, and the phone says so.
    await pageA.route('**/api/sync/push', (route) => route.abort());
    await pageA.goto(`${stack.origin}${COURSE_PATH}`);
    await pageA.locator('.lesson-link').nth(1).click();
    await finishLesson(pageA);
    saved = await savePassport(pageA, folder);
    await pageA
      .getByText('1 việc bạn làm trên máy này chưa lên máy chủ nên chưa có trong hồ sơ.')
      .waitFor();
    await checkScreens(pageA, 'passport-saved');
    await pageA.unroute('**/api/sync/push');

    const passport = await readPassport(saved);
    expect(passport.holderName).toBe(HOLDER);
    const course = passport.courses.find((c) => c.courseId === 'smartphone-basics')!;
    expect(course).toMatchObject({ passed: true });
    expect(course.completedLessons).toHaveLength(1);
    expect(passport.certificates.map((c) => c.courseId)).toEqual(['smartphone-basics']);
    const text = new TextDecoder().decode(await gunzip(new Uint8Array(readFileSync(saved))));
    expect(text).not.toContain(deviceOfA);
    console.log(`passport file: ${readFileSync(saved).byteLength} bytes`);
  });

  it('phone B, offline, refuses altered, cut, foreign and course files, and changes nothing', async () => {
    pageB = await openPhone(stack.origin, contexts);
    await waitForServiceWorker(pageB);
    await waitForContentKeys(pageB);
    // Its first sync pinned the server's issuer keys: passports verify offline from then on.
    await expect
      .poll(async () => (await dumpDatabase(pageB)).issuerKeys?.length ?? 0, { timeout: 60_000 })
      .toBeGreaterThan(0);
    await pageB.context().setOffline(true);

    const passport = await readPassport(saved);
    const altered = writeBeside(
      saved,
      'altered',
      await gzip(
        new TextEncoder().encode(
          JSON.stringify({
            ...passport,
            courses: passport.courses.map((c) => ({ ...c, bestScore: c.bestScore + 1 })),
          }),
        ),
      ),
    );
    const bytes = new Uint8Array(readFileSync(saved));
    const truncated = writeBeside(saved, 'cut', bytes.slice(0, Math.floor(bytes.byteLength / 2)));
    // Foreign: the same record signed by a key that is not this server's.
    const { signature: _signature, ...body } = passport;
    const foreign = writeBeside(
      saved,
      'foreign',
      await gzip(
        new TextEncoder().encode(
          JSON.stringify(
            signPassport({ ...body, keyId: 'kstranger' }, ed25519.utils.randomSecretKey()),
          ),
        ),
      ),
    );
    await waitForContentKeys(pageA);
    const courseFile = await saveCourseFile(pageA, 'smartphone-basics', folder);

    const before = await recordOf(pageB);
    for (const [path, message] of [
      [altered, 'Tệp đã bị sửa nên không dùng được.'],
      [truncated, 'Tệp bị thiếu, có thể chưa gửi xong.'],
      [foreign, 'Hồ sơ này không phải do Học Số phát hành'],
      [courseFile, 'Đây là tệp bài học, không phải hồ sơ học tập.'],
    ] as const) {
      const shown = await openPassportFile(pageB, path);
      expect(shown).toContain(message);
      expect(shown).toContain('Máy vẫn giữ nguyên như trước.');
      expect(await recordOf(pageB)).toEqual(before);
    }
    await checkScreens(pageB, 'passport-refused');

    // Saving a passport needs the server once: offline, the phone says so and saves nothing.
    await pageB.getByLabel('Tên ghi trên hồ sơ').fill('Trần Văn Bình');
    await pageB.getByRole('button', { name: 'Lưu hồ sơ học tập' }).click();
    await pageB.getByText('Cần có mạng để lấy hồ sơ có chữ ký từ máy chủ.').waitFor();
  });

  it('phone B verifies the genuine passport offline, shows it, and adds it as a new learner', async () => {
    const before = await recordOf(pageB);
    const shown = await openPassportFile(pageB, saved);
    expect(shown).toContain('Hồ sơ thật: do Học Số cấp ngày');
    expect(shown).toContain(HOLDER);
    expect(shown).toContain(`${COURSE_TITLE}Đã đạt`);
    // Looking at it (a teacher checking someone's record) writes nothing.
    expect(await recordOf(pageB)).toEqual(before);
    await checkScreens(pageB, 'passport-verified');

    await pageB.getByRole('button', { name: 'Thêm thành người học mới trên máy này' }).click();
    await pageB.getByText(`Đã thêm người học ${HOLDER} vào máy này.`).waitFor();
    const after = await recordOf(pageB);
    expect(after.profiles).toEqual([...before.profiles, HOLDER].sort());
    expect(after.passports).toHaveLength(1);
    // Not B's own learning: no event, nothing waiting to be pushed as this device's.
    expect(after.events).toEqual(before.events);
    expect(after.outbox).toEqual(before.outbox);

    // The same passport again is a replay: told so, and nothing changes.
    expect(await openPassportFile(pageB, saved)).toContain(
      'Hồ sơ này đã được thêm vào máy này rồi.',
    );
    await expect(
      pageB.getByRole('button', { name: 'Thêm thành người học mới trên máy này' }).count(),
    ).resolves.toBe(0);
    expect(await recordOf(pageB)).toEqual(after);
  });

  it("the new learner's finished lesson, passed course and certificate show on phone B", async () => {
    await pageB.goto(`${stack.origin}/profiles`);
    await pageB.locator('.profile-tile', { hasText: HOLDER }).click();
    // The picker reads the profile, remembers it for this tab, then goes home: loading another
    // address before that would reload the app with the profile that was open before.
    await pageB.waitForURL(`${stack.origin}/`);
    await pageB.goto(`${stack.origin}/certificates`);
    await pageB.locator('.certificate-badge', { hasText: 'Đã ký' }).waitFor();
    await captureScreen(pageB, '360-passport-certificates');
    await pageB.goto(`${stack.origin}${COURSE_PATH}`);
    await pageB.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await captureScreen(pageB, '360-passport-course');
    const progress = (await dumpDatabase(pageB)).courseProgress as {
      courseId: string;
      completedLessons: string[];
      quiz: { passed: boolean };
    }[];
    expect(progress).toEqual([
      expect.objectContaining({
        courseId: 'smartphone-basics',
        completedLessons: [expect.any(String)],
        quiz: expect.objectContaining({ passed: true }),
      }),
    ]);
  });

  it('a new phone with nobody on it opens the passport from the welcome: its learner opens at home', async () => {
    const context = await openBrowser(newProfileDir());
    contexts.push(context);
    const pageC = await firstPage(context);
    await pageC.goto(stack.origin);
    const arrive = pageC.getByRole('link', { name: 'Tôi có hồ sơ học tập từ máy khác' });
    await arrive.waitFor();
    await waitForServiceWorker(pageC);
    await expect
      .poll(async () => (await dumpDatabase(pageC)).issuerKeys?.length ?? 0, { timeout: 60_000 })
      .toBeGreaterThan(0);
    await pageC.context().setOffline(true);

    await arrive.click();
    await pageC.getByLabel('Mở hồ sơ học tập').setInputFiles(saved);
    await pageC.getByText('Hồ sơ thật: do Học Số cấp ngày').waitFor();
    await checkScreens(pageC, 'passport-arrival');
    await pageC.getByRole('button', { name: 'Thêm thành người học mới trên máy này' }).click();

    // Home, with the record's course passed, and no other learner made on the way.
    await pageC
      .getByRole('link', { name: new RegExp(`${COURSE_TITLE}.*Đã đạt`) })
      .first()
      .waitFor();
    expect((await recordOf(pageC)).profiles).toEqual([HOLDER]);
  });
});
