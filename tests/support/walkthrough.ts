import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compileContent } from '../../scripts/content/compile';
import { sampleValues } from '../../src/domain/practiceCheck';
import type { PracticeField, Walkthrough } from '../../src/protocol';

/** A walkthrough as the build compiled it, to know each screen's fields and samples. */
export function loadWalkthrough(id: string): Walkthrough {
  const packs = compileContent(process.env.CONTENT_DIR ?? resolve('content'));
  const walkthrough = packs.flatMap((p) => p.pack.walkthroughs).find((w) => w.id === id);
  if (!walkthrough) throw new Error(`no walkthrough ${id}`);
  return walkthrough;
}

/** Types, picks or ticks a value into a practice field the way a person would. */
export async function enter(page: Page, field: PracticeField, value: string): Promise<void> {
  const input = page.locator(`#practice-${field.id}`);
  if (field.kind === 'checkbox') await input.setChecked(value === 'true');
  else if (field.kind === 'select') await input.selectOption(value);
  else await input.fill(value);
}

/** Fills a step's screen with values that pass (its samples). */
export async function fillRight(page: Page, walkthrough: Walkthrough, stepIndex: number) {
  const screen = walkthrough.steps[stepIndex]!.screen;
  const values = sampleValues(screen);
  for (const field of screen.fields) await enter(page, field, values[field.id]!);
}
