import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { firstPage, newProfileDir, openBrowser, visitOnceThenGoOffline } from './support/browser';
import { enter, fillRight, loadWalkthrough } from './support/walkthrough';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const WALKTHROUGH_ID = 'residence-registration';

describe('practising a public e-service offline', () => {
  const walkthrough = loadWalkthrough(WALKTHROUGH_ID);
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    context = await openBrowser(newProfileDir());
    page = await firstPage(context);
    await visitOnceThenGoOffline(
      page,
      stack.origin,
      (p) => p.getByRole('link', { name: new RegExp(walkthrough.title.vi) }).waitFor(),
      () => stack.stopServer(),
    );
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('keeps the checklist of papers across a reload', async () => {
    await page.getByRole('link', { name: new RegExp(walkthrough.title.vi) }).click();
    await page.getByRole('heading', { level: 1, name: walkthrough.title.vi }).waitFor();
    expect(await seriousViolations(page), 'overview').toEqual([]);
    const [first, second] = walkthrough.checklist;
    await page.getByLabel(first!.text.vi).check();
    await page.getByLabel(second!.text.vi).check();
    await page.getByText(`Đã chuẩn bị 2/${walkthrough.checklist.length}`).waitFor();
    await page.reload();
    await page.getByText(`Đã chuẩn bị 2/${walkthrough.checklist.length}`).waitFor();
    expect(await page.getByLabel(first!.text.vi).isChecked()).toBe(true);
    expect(await page.getByLabel(second!.text.vi).isChecked()).toBe(true);
  });

  it('goes through every practice screen; a mistake shows the right hint and is fixed', async () => {
    await page.getByRole('link', { name: 'Bắt đầu luyện tập' }).click();
    const mistakeStep = walkthrough.steps.findIndex((s) =>
      s.screen.fields.some((f) => f.kind !== 'checkbox' && f.kind !== 'select'),
    );
    for (const [i, step] of walkthrough.steps.entries()) {
      await page.getByRole('heading', { level: 2, name: step.title.vi }).waitFor();
      await page
        .getByText('Màn hình luyện tập: không gửi thông tin đi đâu.', { exact: false })
        .waitFor();
      expect(await seriousViolations(page), `step ${i + 1}`).toEqual([]);
      if (i < 3) await captureScreen(page, `360-practice-step-${i + 1}`);
      if (i === mistakeStep) {
        const field = step.screen.fields.find((f) => f.kind !== 'checkbox' && f.kind !== 'select')!;
        await fillRight(page, walkthrough, i);
        await enter(page, field, 'sai rồi');
        await page.getByRole('button', { name: step.screen.action.vi }).click();
        await page.getByRole('alert').filter({ hasText: field.hint.vi }).waitFor();
        expect(await page.locator(`#practice-${field.id}`).getAttribute('aria-invalid')).toBe(
          'true',
        );
        expect(await seriousViolations(page), `step ${i + 1} with a hint`).toEqual([]);
        await captureScreen(page, '360-practice-hint');
      }
      await fillRight(page, walkthrough, i);
      await page.getByRole('button', { name: step.screen.action.vi }).click();
    }
    await page.getByText('Bạn đã luyện xong!').waitFor();
    await page.getByText('Số lần cần sửa: 1.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Về trang hướng dẫn' }).click();
    await page.getByRole('link', { name: 'Luyện lại' }).waitFor();
  });

  it('records "done for real" with a volunteer, and it reaches the server', async () => {
    await page.getByRole('button', { name: 'Tôi đã làm thật' }).click();
    await page.getByLabel('Có tình nguyện viên giúp').check();
    await page.getByRole('button', { name: 'Ghi nhận đã làm thật' }).click();
    await page.getByText('Đã ghi nhận bạn làm thật dịch vụ này.').waitFor();

    await stack.startServer();
    await context.setOffline(false);
    await page.getByText(/^Đã đồng bộ lúc/).waitFor({ timeout: 60_000 });
    const rows = await stack.db.query<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, payload FROM events WHERE type LIKE 'walkthrough.%' ORDER BY server_seq`,
    );
    expect(rows).toEqual([
      {
        type: 'walkthrough.practised',
        payload: { walkthroughId: WALKTHROUGH_ID, mistakes: 1, revealed: 0 },
      },
      {
        type: 'walkthrough.doneForReal',
        payload: { walkthroughId: WALKTHROUGH_ID, assisted: true },
      },
    ]);
  });
});
