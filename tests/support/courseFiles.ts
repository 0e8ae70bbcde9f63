import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { contentManifestSchema } from '../../src/protocol';

/** The catalogue of the build under test (dist/), read once. */
export function builtManifest() {
  return contentManifestSchema.parse(
    JSON.parse(readFileSync(resolve('dist/content/manifest.json'), 'utf8')),
  );
}

/** The Vietnamese title Settings shows for a pack: its first course's or walkthrough's. */
export function packTitle(packId: string): string {
  const entry = builtManifest().packs.find((pack) => pack.id === packId);
  const title = (entry?.courses[0] ?? entry?.walkthroughs[0])?.title.vi;
  if (!title) throw new Error(`no pack ${packId} in dist/content/manifest.json`);
  return title;
}

/** A fresh folder for files the phones pass to each other. */
export function fileFolder(): string {
  return mkdtempSync(join(tmpdir(), 'hoc-so-files-'));
}

/**
 * Phone: Settings → "Bài học trên máy" → "Lưu … thành tệp để chia sẻ" on a pack it holds;
 * captures the download (Chromium on Linux has no share sheet) and resolves its path.
 */
export async function saveCourseFile(page: Page, packId: string, folder = fileFolder()) {
  await page.goto(new URL('/settings', page.url()).href);
  // More than three lessons held: their list is folded, as a person would find it.
  const list = page.locator('details', { has: page.locator('.download-list') });
  await list.waitFor({ state: 'attached' });
  if (!(await list.evaluate((details: HTMLDetailsElement) => details.open))) {
    await list.locator('summary').click();
  }
  const save = page.getByRole('button', { name: `Lưu thành tệp để chia sẻ: ${packTitle(packId)}` });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  await page.getByText(/^Đã lưu tệp .+\.hocso/).waitFor();
  return path;
}

/**
 * Phone: Settings → "Mở tệp bài học" with a file; resolves the message it shows (the installed
 * one, or the refusal), once the app has decided.
 */
export async function openCourseFile(page: Page, path: string): Promise<string> {
  await page.goto(new URL('/settings', page.url()).href);
  // A fresh screen: no message of an earlier file is left on it.
  const shown = page.locator('.course-file-open .notice');
  await page.getByLabel('Mở tệp bài học').setInputFiles(path);
  await shown.waitFor();
  return (await shown.textContent()) ?? '';
}

/**
 * Resolves once the phone has pinned the server's content keys (fetched in the background
 * after the catalogue): a phone must have them before it goes offline to check course files.
 */
export async function waitForContentKeys(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('hoc-so');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('contentKeys')) {
            db.close();
            return resolve(false);
          }
          const request = db.transaction('contentKeys').objectStore('contentKeys').count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result > 0);
          };
          request.onerror = () => resolve(false);
        };
      }),
    undefined,
    { timeout: 30_000 },
  );
}

/** Writes bytes beside a course file, for the altered and truncated copies a test makes. */
export function writeBeside(path: string, suffix: string, bytes: Uint8Array): string {
  const copy = `${path}.${suffix}`;
  writeFileSync(copy, bytes);
  return copy;
}
