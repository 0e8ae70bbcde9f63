import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCourseFile } from '../src/domain/content/courseFile';
import { signPack } from '../src/domain/content/packSignature';
import { gunzip, gzip } from '../src/lib/gzip';
import { courseFileSchema } from '../src/protocol';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import {
  builtManifest,
  fileFolder,
  openCourseFile,
  saveCourseFile,
  waitForContentKeys,
  writeBeside,
} from './support/courseFiles';
import { dumpDatabase } from './support/indexeddb';
import { COURSE_PATH, COURSE_TITLE, deviceEventIds, finishLesson } from './support/learner';
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

describe('a course passed phone to phone as a file, in Chromium against the production build', () => {
  let stack: Stack;
  let phoneA: BrowserContext;
  let phoneB: BrowserContext;
  let pageA: Page;
  let pageB: Page;
  let saved: string;
  const folder = fileFolder();
  const packsFetchedByB: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    // Two phones: two browser profiles, each with its own storage and service worker.
    phoneA = await openBrowser(newProfileDir());
    phoneB = await openBrowser(newProfileDir());
    pageA = await firstPage(phoneA);
    pageB = await firstPage(phoneB);
    phoneB.on('request', (request) => {
      if (request.url().includes('/content/packs/')) packsFetchedByB.push(request.url());
    });
  });

  afterAll(async () => {
    await phoneA?.close();
    await phoneB?.close();
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
});
