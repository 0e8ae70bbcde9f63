import type { Page } from 'playwright-core';

export const SKIP_WELCOME = 'Bỏ qua, vào học ngay';

/**
 * A phone's first open shows the welcome. Tests about something else get past it the way a
 * person in a hurry does: "skip", which makes an unnamed profile and opens the courses.
 */
export async function skipWelcome(page: Page): Promise<void> {
  await page.getByRole('button', { name: SKIP_WELCOME }).click();
  await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
}
