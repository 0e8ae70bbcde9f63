import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The made-file list and the carried-file list of Settings, each as its lines of text. */
const MADE = '.carry:has(#carry-heading) .carry-item';
const CARRIED = '.carry:has(#carry-forward-heading) .carry-item';

/**
 * On a phone (online once, now maybe offline): Settings, "Gửi nhờ dữ liệu", and the file it
 * saves. Answers the file's path on disk, for another phone to open.
 */
export async function makeCarryBundle(page: Page): Promise<string> {
  await page.goto(new URL('/settings', page.url()).href);
  const make = page.getByRole('button', { name: 'Gửi nhờ dữ liệu', exact: true });
  await make.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), make.click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'hoc-so-carry-')), download.suggestedFilename());
  await download.saveAs(path);
  await page.getByText(/^Đã lưu tệp có \d+ mục/).waitFor();
  return path;
}

/** The text of a carry file, to look inside (or to alter) as a carrier could. */
export function readCarryBundle(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * On a signed-in carrier's phone: Settings, "Chọn tệp nhờ gửi" with the file, then waits until
 * the phone says what became of it (the message when the phone itself refuses it, else the
 * server's answer once forwarded). Answers that text.
 */
export async function forwardCarryBundle(page: Page, path: string): Promise<string> {
  await page.goto(new URL('/settings', page.url()).href);
  // The section shows once its lists are read: counting before would count none, and the
  // next wait would then take an older file for the new one.
  await page.locator('#carry-forward-heading').waitFor();
  const before = await page.locator(CARRIED).count();
  await page.getByLabel('Chọn tệp nhờ gửi').setInputFiles(path);
  const refusedHere = page.getByText(/^Tệp (không đúng|này đã có)/);
  const kept = page.locator(CARRIED).nth(0);
  await refusedHere.or(page.locator(CARRIED).nth(before)).first().waitFor();
  if (await refusedHere.isVisible()) return (await refusedHere.textContent()) ?? '';
  // The newest file is listed first: wait until the server answered for it.
  await kept.filter({ hasNotText: 'Sẽ gửi khi có mạng' }).waitFor({ timeout: 60_000 });
  return (await kept.textContent()) ?? '';
}

/** What the phone shows of the bundles it made: one line each, newest first. */
export async function madeBundleStates(page: Page): Promise<string[]> {
  await page.goto(new URL('/settings', page.url()).href);
  await page.locator('#carry-heading').waitFor();
  return page.locator(MADE).allTextContents();
}
