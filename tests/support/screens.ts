import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';

export const ARTIFACTS = 'tests/artifacts';

/**
 * Saves a full-page screenshot to tests/artifacts/ (to be looked at), then fails if the page
 * scrolls sideways: on a phone, that is a bug.
 */
export async function captureScreen(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways`).toBe(0);
}

/** axe clean and no sideways scroll at 360 and 320 px, with a screenshot of each to look at. */
export async function checkScreens(page: Page, name: string): Promise<void> {
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 740 });
    expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
    await captureScreen(page, `${width}-${name}`);
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

/** The page as printed on A4 (190 mm between the margins is about 720 CSS px). */
export async function printPreview(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 720, height: 1020 });
  await page.emulateMedia({ media: 'print' });
  await captureScreen(page, name);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 360, height: 740 });
}
