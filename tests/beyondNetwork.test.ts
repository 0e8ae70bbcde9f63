import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCourseFile } from '../src/domain/content/courseFile';
import { signPack } from '../src/domain/content/packSignature';
import { gunzip, gzip } from '../src/lib/gzip';
import { courseFileSchema, PROTOCOL_VERSION } from '../src/protocol';
import { signedInPhone } from './support/account';
import { callApi } from './support/api';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import {
  forwardCarryBundle,
  madeBundleStates,
  makeCarryBundle,
  readCarryBundle,
} from './support/carry';
import {
  builtManifest,
  fileFolder,
  openCourseFile,
  saveCourseFile,
  waitForContentKeys,
  writeBeside,
} from './support/courseFiles';
import { dumpDatabase } from './support/indexeddb';
import {
  COURSE_PATH,
  COURSE_TITLE,
  deviceEventIds,
  finishLesson,
  syncBarText,
} from './support/learner';
import { captureScreen, checkScreens } from './support/screens';
import { startStack, type Stack } from './support/stack';
import { skipWelcome } from './support/welcome';

const PACK = builtManifest().packs.find((pack) =>
  pack.courses.some((course) => course.id === 'smartphone-basics'),
)!;

/** What a refusal must leave untouched: the phone's packs, courses and kept sources. */
async function contentOf(page: Page) {
  const dump = await dumpDatabase(page);
  return {
    packs: dump.packs,
    courses: (dump.courses as { id: string }[]).map((course) => course.id),
    packSources: (dump.packSources as { id: string; hash: string }[]).map((row) => row.hash),
  };
}

async function openHome(page: Page, origin: string): Promise<void> {
  await page.goto(origin);
  await skipWelcome(page);
  await page
    .getByRole('link', { name: new RegExp(COURSE_TITLE) })
    .first()
    .waitFor();
}

const CARRIER = { username: 'chi-mang-du-lieu', displayName: 'Chị Lan', password: 'mang giup ban' };

/** The device id a phone keeps in its meta table. */
function deviceIdOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('hoc-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('deviceId');
          request.onsuccess = () => {
            resolve((request.result as { value: string }).value);
            open.result.close();
          };
        };
      }),
  );
}

/**
 * Issue 17's three phones, each a browser profile with its own storage and service worker:
 * A has the network and passes a course as a file; B has none after its first visit, installs
 * the course from that file, learns, and hands its records to C as a sealed file; C, signed in,
 * forwards them to the server. Every altered, cut, foreign or replayed file is refused and
 * changes nothing.
 */
describe('beyond the network: a course by file, records carried back, on three phones', () => {
  let stack: Stack;
  let phoneA: BrowserContext;
  let phoneB: BrowserContext;
  let pageA: Page;
  let pageB: Page;
  let pageC: Page;
  let saved: string;
  let bundlePath: string;
  let bundleText: string;
  let carrierToken: string;
  const folder = fileFolder();
  const packsFetchedByB: string[] = [];

  const storedOfB = async () =>
    (
      await stack.db.query<{ id: string }>(
        `SELECT id::text AS id FROM events WHERE device_id = $1 ORDER BY id`,
        [await deviceIdOf(pageB)],
      )
    ).map((row) => row.id);

  beforeAll(async () => {
    stack = await startStack();
    phoneA = await openBrowser(newProfileDir());
    phoneB = await openBrowser(newProfileDir());
    pageA = await firstPage(phoneA);
    pageB = await firstPage(phoneB);
    phoneB.on('request', (request) => {
      if (request.url().includes('/content/packs/')) packsFetchedByB.push(request.url());
    });
    const signedUp = await callApi(stack.origin, '/api/auth/sign-up', CARRIER);
    carrierToken = signedUp.body.accessToken as unknown as string;
  });

  afterAll(async () => {
    await phoneA?.close();
    await phoneB?.close();
    await pageC?.context().close();
    await stack?.close();
  });

  it('phone A downloads a course and saves it as one signed file', async () => {
    await openHome(pageA, stack.origin);
    await waitForContentKeys(pageA);
    await pageA.goto(`${stack.origin}${COURSE_PATH}`);
    await pageA.locator('.lesson-link').first().waitFor();
    const save = pageA.getByRole('button', { name: `Lưu thành tệp để chia sẻ: ${COURSE_TITLE}` });
    await save.waitFor();
    await checkScreens(pageA, 'course-file-course');

    saved = await saveCourseFile(pageA, PACK.id, folder);
    expect(saved).toMatch(new RegExp(`hocso-${PACK.id}-v${PACK.version}\\.hocso$`));
    const bytes = new Uint8Array(readFileSync(saved));
    const file = courseFileSchema.parse(JSON.parse(new TextDecoder().decode(await gunzip(bytes))));
    expect(file.entry).toMatchObject({ id: PACK.id, version: PACK.version, hash: PACK.hash });
    expect(file.pack).toBe(readFileSync(join('dist', PACK.url), 'utf8'));
    console.log(
      `course file of ${PACK.id}: ${bytes.byteLength} bytes (pack ${PACK.bytes} bytes plain)`,
    );
    await checkScreens(pageA, 'course-file-saved');
  });

  it('phone B, offline since its first visit, refuses altered, cut, foreign and other files and changes nothing', async () => {
    await openHome(pageB, stack.origin);
    await waitForServiceWorker(pageB);
    await waitForContentKeys(pageB);
    // The first visit also kept the server's sealing key ("Gửi nhờ dữ liệu" works offline), and
    // its first sync named the device's key to the server, which checks carried files with it.
    await pageB.goto(`${stack.origin}/settings`);
    // The section draws nothing until its lists are read: only then can the notice be missed.
    await pageB.locator('#carry-heading').waitFor();
    await expect
      .poll(() => pageB.getByText('Cần mở ứng dụng khi có mạng').count(), { timeout: 30_000 })
      .toBe(0);
    const keyNamed = async () =>
      ((await dumpDatabase(pageB)).meta as { key: string; value: unknown }[]).some(
        (row) => row.key === 'deviceKeyNamed' && row.value === 1,
      );
    await expect.poll(keyNamed, { timeout: 30_000 }).toBe(true);
    await phoneB.setOffline(true);

    const bytes = new Uint8Array(readFileSync(saved));
    const file = courseFileSchema.parse(JSON.parse(new TextDecoder().decode(await gunzip(bytes))));
    // Altered: one digit of the pack changed (same size), the signature left as it was.
    const pack = file.pack.replace(
      /"minutes":(\d)/,
      (_, d: string) => `"minutes":${(+d + 1) % 10}`,
    );
    const altered = writeBeside(
      saved,
      'altered',
      await gzip(new TextEncoder().encode(JSON.stringify({ ...file, pack }))),
    );
    const truncated = writeBeside(saved, 'cut', bytes.slice(0, Math.floor(bytes.byteLength / 2)));
    // Foreign: the same pack, signed by a key that is not this server's.
    const stranger = ed25519.utils.randomSecretKey();
    const foreign = writeBeside(
      saved,
      'foreign',
      await encodeCourseFile({
        entry: file.entry,
        signature: signPack(file.entry, 'kstranger', stranger),
        pack: file.pack,
      }),
    );
    const photo = writeBeside(
      saved,
      'png',
      new Uint8Array(readFileSync('public/icons/icon-192.png')),
    );

    await pageB.goto(`${stack.origin}/settings`);
    await pageB.getByRole('heading', { name: 'Bài học trên máy' }).waitFor();
    const before = await contentOf(pageB);
    expect(before.packs).toEqual([]);
    const refusals: [string, RegExp][] = [
      [altered, /Tệp đã bị sửa nên không dùng được/],
      [truncated, /Tệp bị thiếu, có thể chưa gửi xong/],
      [foreign, /Tệp này không phải do Học Số phát hành/],
      [photo, /Tệp này không phải tệp bài học của Học Số/],
    ];
    for (const [path, message] of refusals) {
      const shown = await openCourseFile(pageB, path);
      expect(shown).toMatch(message);
      expect(shown).toMatch(/Máy vẫn giữ nguyên như trước\./);
      expect(await contentOf(pageB)).toEqual(before);
    }
    await checkScreens(pageB, 'course-file-refused');
  });

  it('phone B opens the file offline and learns a lesson, then can pass the course on', async () => {
    const shown = await openCourseFile(pageB, saved);
    expect(shown).toMatch(`Đã cài bài ${COURSE_TITLE} từ tệp`);
    await checkScreens(pageB, 'course-file-installed');
    expect((await contentOf(pageB)).packs).toMatchObject([{ id: PACK.id, hash: PACK.hash }]);

    await pageB.goto(`${stack.origin}${COURSE_PATH}`);
    await pageB.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await pageB.locator('.lesson-link').first().click();
    await finishLesson(pageB);
    expect(await deviceEventIds(pageB)).toHaveLength(1);
    // The same file again installs nothing twice.
    expect(await openCourseFile(pageB, saved)).toMatch('đã có trên máy, không cần cài lại');

    // B never downloaded a pack: the course came by file, and B can pass it on offline.
    expect(packsFetchedByB).toEqual([]);
    const passedOn = await saveCourseFile(pageB, PACK.id, fileFolder());
    expect(readFileSync(passedOn)).toEqual(readFileSync(saved));
    await captureScreen(pageB, 'course-file-passed-on-360');
  });

  it('phone B, still offline, learns a second lesson and saves its records as a sealed file', async () => {
    await pageB.goto(`${stack.origin}${COURSE_PATH}`);
    await pageB.locator('.lesson-link').nth(1).click();
    await finishLesson(pageB);
    await expect.poll(() => syncBarText(pageB)).toContain('2 mục đang chờ đồng bộ');

    bundlePath = await makeCarryBundle(pageB);
    bundleText = readCarryBundle(bundlePath);
    expect(await madeBundleStates(pageB)).toEqual(['Tệp số 1, 2 mụcĐang chờ người mang đi']);
    await checkScreens(pageB, 'carry-made');
  });

  it('the file holds nothing the carrier can read: no record id, field, lesson or device', async () => {
    const ids = await deviceEventIds(pageB);
    expect(ids).toHaveLength(2);
    for (const plain of [
      ...ids,
      await deviceIdOf(pageB),
      'phone-parts',
      'smartphone-basics',
      'lesson.completed',
      'profileId',
    ]) {
      expect(bundleText).not.toContain(plain);
    }
    expect(Object.keys(JSON.parse(bundleText) as object).sort()).toEqual([
      'ephemeralKey',
      'format',
      'keyId',
      'nonce',
      'sealed',
      'version',
    ]);
  });

  it('phone C refuses a cut and an altered file, and they change nothing on the server', async () => {
    ({ page: pageC } = await signedInPhone(stack.origin, CARRIER.username, CARRIER.password));
    const dir = bundlePath.slice(0, bundlePath.lastIndexOf('/'));
    const cut = `${dir}/cut.json`;
    writeFileSync(cut, bundleText.slice(0, Math.floor(bundleText.length * 0.6)));
    expect(await forwardCarryBundle(pageC, cut)).toBe(
      'Tệp không đúng hoặc bị thiếu. Hãy xin người gửi lưu lại tệp.',
    );
    const file = JSON.parse(bundleText) as { sealed: string };
    const at = Math.floor(file.sealed.length / 2);
    const flipped = file.sealed[at] === 'A' ? 'B' : 'A';
    const altered = `${dir}/altered.json`;
    writeFileSync(
      altered,
      JSON.stringify({
        ...file,
        sealed: file.sealed.slice(0, at) + flipped + file.sealed.slice(at + 1),
      }),
    );
    expect(await forwardCarryBundle(pageC, altered)).toContain(
      'Máy chủ không nhận tệp nàyTệp đã bị sửa.',
    );
    expect(await storedOfB()).toEqual([]);
  });

  it('phone C forwards the genuine file: the server holds B’s records exactly once', async () => {
    expect(await forwardCarryBundle(pageC, bundlePath)).toContain('Đã gửi tới máy chủ');
    const ids = await deviceEventIds(pageB);
    expect(await storedOfB()).toEqual(ids);
    // Forwarded again: by C (kept once on the phone), then by anyone to the server.
    expect(await forwardCarryBundle(pageC, bundlePath)).toBe('Tệp này đã có trên máy.');
    const replay = await callApi(
      stack.origin,
      '/api/sync/carried',
      { protocolVersion: PROTOCOL_VERSION, file: JSON.parse(bundleText) },
      carrierToken,
    );
    expect(replay.body).toEqual({ outcome: 'already_received' });
    expect(await storedOfB()).toEqual(ids);
    await checkScreens(pageC, 'carry-forwarded');
  });

  it('phone B’s next sync shows its records settled, without sending them again', async () => {
    const pushesBefore = stack.pushes.seen;
    await phoneB.setOffline(false);
    await pageB.goto(`${stack.origin}/settings`);
    await pageB.getByText(/^Đã đồng bộ lúc/).waitFor({ timeout: 60_000 });
    expect(await madeBundleStates(pageB)).toEqual(['Tệp số 1, 2 mụcĐã tới máy chủ']);
    await pageB.getByText(/^0 mục đang chờ gửi/).waitFor();
    expect(await syncBarText(pageB)).not.toContain('đang chờ');
    expect(stack.pushes.seen).toBe(pushesBefore);
    expect(await storedOfB()).toEqual(await deviceEventIds(pageB));
    await checkScreens(pageB, 'carry-arrived');
  });
});
