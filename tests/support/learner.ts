import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { firstPage, newProfileDir, openBrowser } from './browser';
import { dumpDatabase } from './indexeddb';
import { skipWelcome } from './welcome';
import { downloadEverything } from './downloads';

export const COURSE_TITLE = 'Làm quen với điện thoại thông minh';
export const COURSE_PATH = '/courses/smartphone-basics';

/** Reads every step of the open lesson and finishes it; resolves once it is recorded. */
export async function finishLesson(page: Page): Promise<void> {
  const lessonUrl = page.url().split('?')[0]!;
  const finish = page.getByRole('button', { name: 'Học xong bài này' });
  const next = page.getByRole('button', { name: 'Tiếp theo' });
  const step = page.getByText(/^Bước \d+\/\d+$/);
  for (;;) {
    // Decide only once the step on screen is drawn: a slow phone may still be rendering it.
    await finish.or(next).first().waitFor();
    if (await finish.isVisible()) {
      await finish.click();
      // The app moves on only after the event, progress and outbox entry are committed.
      await page.waitForURL((url) => url.href.split('?')[0] !== lessonUrl);
      return;
    }
    const shown = (await step.first().textContent()) ?? '';
    await next.click();
    await page.getByText(shown, { exact: true }).first().waitFor({ state: 'detached' });
  }
}

/** Answers the quiz question on screen with its first option (or its order as shown). */
export async function answerWithFirstOption(page: Page): Promise<void> {
  await page.locator('form.question').waitFor();
  if ((await page.locator('.order-item').count()) === 0)
    await page.locator('.option').first().click();
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.locator('.feedback').waitFor();
  await page.getByRole('button', { name: /Câu tiếp theo|Xem kết quả/ }).click();
  await page.locator('.feedback').waitFor({ state: 'detached' });
}

/** The "Câu N/M" line of the quiz. */
export async function questionCounter(page: Page): Promise<string> {
  return (await page.getByText(/^Câu \d+\/\d+$/).textContent()) ?? '';
}

/** Events stored in the device's IndexedDB, read with the raw API (not through the app). */
export function deviceEventIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('hoc-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAllKeys();
          request.onsuccess = () => {
            resolve((request.result as string[]).sort());
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Waits until the phone has sent everything it recorded: nothing is left in its outbox. */
export async function waitUntilSent(page: Page): Promise<void> {
  await expect
    .poll(async () => (await dumpDatabase(page, ['outbox'])).outbox!.length, { timeout: 60_000 })
    .toBe(0);
}

/** What the sync bar says right now. */
export async function syncBarText(page: Page): Promise<string> {
  return (await page.locator('.sync-bar').textContent()) ?? '';
}

/** A fresh phone (its own browser profile) that opened the app once, past the welcome. */
export async function openPhone(origin: string, contexts: BrowserContext[]): Promise<Page> {
  const context = await openBrowser(newProfileDir());
  contexts.push(context);
  const page = await firstPage(context);
  await page.goto(origin);
  await skipWelcome(page);
  await downloadEverything(page);
  await page
    .getByRole('link', { name: new RegExp(COURSE_TITLE) })
    .first()
    .waitFor();
  return page;
}
