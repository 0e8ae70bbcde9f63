import type { Locator, Page } from 'playwright-core';

/**
 * Opens a screen `runs` times by tapping `link`, going back between runs, and times each opening
 * in the page's own clock: `render` from the end of the screen's answer (the first resource
 * whose URL holds `answerPath`) to the performance mark `renderedMark` the screen sets once
 * drawn, `total` from the tap to that mark.
 */
export async function timeScreenOpenings(
  page: Page,
  link: Locator,
  { renderedMark, answerPath, runs }: { renderedMark: string; answerPath: string; runs: number },
): Promise<{ render: number[]; total: number[] }> {
  const render: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await page.evaluate(() => {
      performance.clearMarks();
      performance.clearResourceTimings();
    });
    const tapAt = await page.evaluate(() => performance.now());
    await link.click();
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      renderedMark,
      {
        timeout: 60_000,
      },
    );
    const { drawnAt, answeredAt } = await page.evaluate(
      ([mark, path]) => ({
        drawnAt: performance.getEntriesByName(mark)[0]!.startTime,
        answeredAt: (
          performance
            .getEntriesByType('resource')
            .find((e) => e.name.includes(path)) as PerformanceResourceTiming
        ).responseEnd,
      }),
      [renderedMark, answerPath] as const,
    );
    render.push(drawnAt - answeredAt);
    total.push(drawnAt - tapAt);
    await page.goBack();
    await link.waitFor();
  }
  return { render, total };
}
