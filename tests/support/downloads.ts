import type { Page } from 'playwright-core';

/**
 * Content is downloaded when a course is opened (tests/download.test.ts is about that). Tests
 * about something else that learn offline first download everything, as a teacher preparing a
 * class does: Settings, "Tải tất cả", then back to the screen they were on.
 */
export async function downloadEverything(page: Page): Promise<void> {
  const back = page.url();
  await page.goto(new URL('/settings', back).href);
  // Either shows once the catalogue is on the phone.
  const all = page.getByRole('button', { name: /^Tải tất cả/ });
  const done = page.getByText('Đã tải hết bài học về máy.');
  await all.or(done).first().waitFor();
  if (await all.isVisible()) await all.click();
  await done.waitFor({ timeout: 120_000 });
  await page.goto(back);
}
