import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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
