import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../scripts/content/compile';
import { seriousViolations } from './support/axe';
import { firstPage, newProfileDir, openBrowser } from './support/browser';
import { dumpDatabase } from './support/indexeddb';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';
import { loadWalkthrough } from './support/walkthrough';

const PHONE = { width: 360, height: 640 };
const packs = compileContent(process.env.CONTENT_DIR ?? resolve('content'));
const courseTitle = (id: string) =>
  packs.flatMap((p) => p.pack.courses).find((c) => c.id === id)!.title.vi;

/** Runs axe and saves screenshots at 360 and 320 px (each fails on a sideways scroll). */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await captureScreen(page, `360-${name}`);
  await page.setViewportSize({ width: 320, height: PHONE.height });
  expect(await seriousViolations(page), `${name} at 320 px`).toEqual([]);
  await captureScreen(page, `320-${name}`);
  await page.setViewportSize(PHONE);
}

/** Whether the element lies wholly inside the screen as it is, without scrolling. */
async function inFirstViewport(locator: Locator): Promise<boolean> {
  const place = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return {
      top: box.top,
      bottom: box.bottom,
      height: window.innerHeight,
      scrolled: window.scrollY,
    };
  });
  if (place.top >= 0 && place.bottom <= place.height && place.scrolled === 0) return true;
  console.log('not in the first viewport:', place);
  return false;
}

describe('a first-time user on a 360 × 640 phone', () => {
  let stack: Stack;
  let profileDir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    profileDir = newProfileDir();
    context = await openBrowser(profileDir, PHONE);
    page = await firstPage(context);
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('answers the welcome, takes the check, lands on the suggested course and reaches a lesson', async () => {
    const taps: { what: string; answer: boolean }[] = [];
    const tap = async (locator: Locator, what: string, answer = false) => {
      taps.push({ what, answer });
      await locator.click();
    };

    await page.goto(stack.origin);
    await page.getByRole('heading', { level: 1, name: 'Chào mừng bạn đến với Học Số' }).waitFor();
    await checkScreen(page, 'welcome');
    await tap(page.getByLabel('Tên của bạn'), 'name field');
    await page.keyboard.type('Lan');
    await tap(page.getByRole('button', { name: 'Tiếp tục' }), 'continue');

    await page.getByRole('heading', { name: 'Bạn muốn dùng điện thoại để làm gì?' }).waitFor();
    await checkScreen(page, 'welcome-goal');
    await tap(page.getByRole('button', { name: 'Trả tiền, chuyển tiền' }), 'goal', true);

    // Calls and messages fine; would read the OTP out; no QR payments, no VNeID yet.
    const answers = [
      'Tôi làm được',
      'Tôi làm được',
      'Đọc mã cho họ',
      'Tôi chưa làm được',
      'Tôi chưa làm được',
    ];
    for (const [i, answer] of answers.entries()) {
      await page.getByText(`Câu ${i + 1}/5`, { exact: true }).waitFor();
      if (i === 0 || i === 2) await checkScreen(page, `welcome-check-${i + 1}`);
      await tap(page.getByRole('button', { name: answer, exact: true }), `check ${i + 1}`, true);
    }

    // Wanting money matters, but someone who would read out an OTP starts with staying safe.
    const suggested = courseTitle('staying-safe');
    await page.getByRole('heading', { level: 1, name: 'Bạn nên bắt đầu từ đây' }).waitFor();
    await page.getByText(suggested, { exact: true }).waitFor();
    await page.getByText('Đừng bao giờ đọc mã OTP cho ai', { exact: false }).waitFor();
    await page.getByText('Bạn đã làm được 2/5 việc', { exact: false }).waitFor();
    await checkScreen(page, 'welcome-result');

    await tap(page.getByRole('link', { name: 'Bắt đầu học khoá này' }), 'start the course');
    await page.getByRole('heading', { level: 1, name: suggested }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/courses/staying-safe');
    await tap(page.getByRole('link', { name: 'Bắt đầu học' }), 'first lesson');
    await page.getByText(/^Bước 1\//).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/courses\/staying-safe\/lessons\//);

    // Five taps to answer the check (one each), and at most five more for everything else:
    // the welcome, the goal, the suggested course and its first lesson.
    const answering = taps.filter((t) => t.answer && t.what.startsWith('check'));
    const others = taps.filter((t) => !(t.answer && t.what.startsWith('check')));
    expect(answering).toHaveLength(5);
    expect(others.map((t) => t.what)).toEqual([
      'name field',
      'continue',
      'goal',
      'start the course',
      'first lesson',
    ]);
    expect(others.length).toBeLessThanOrEqual(5);
  });

  it('keeps the answer with the profile; home shows the next step, and the welcome never returns', async () => {
    const dump = await dumpDatabase(page);
    const profiles = dump.profiles as { name: string; firstPath?: Record<string, unknown> }[];
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      name: 'Lan',
      firstPath: {
        goal: 'money',
        suggested: 'staying-safe',
        answers: { call: 'can', message: 'can', otp: 'read', qr: 'not-yet', vneid: 'not-yet' },
      },
    });

    for (const reopen of ['reload', 'restart'] as const) {
      if (reopen === 'restart') {
        await context.close();
        context = await openBrowser(profileDir, PHONE);
        page = await firstPage(context);
      }
      await page.goto(stack.origin);
      await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
      expect(await page.getByText('Chào mừng bạn đến với Học Số').count(), reopen).toBe(0);
      // The next step is the first thing on home: back into the course the check suggested.
      const next = page.locator('main > a.card').first();
      expect(await next.textContent()).toContain(courseTitle('staying-safe'));
      expect(await next.textContent()).toContain('Học tiếp');
      expect(await inFirstViewport(next)).toBe(true);
    }

    // Courses for a beginner: the phone itself, then staying safe.
    const titles = await page.locator('.course-card .card-title').allTextContents();
    expect(titles.slice(0, 2)).toEqual([
      courseTitle('smartphone-basics'),
      courseTitle('staying-safe'),
    ]);
    // Settings are reached by a link that says so, not by a picture alone.
    const settings = page.getByRole('link', { name: /^Cài đặt/ });
    expect(await settings.innerText()).toContain('Cài đặt');
    expect(await inFirstViewport(settings)).toBe(true);
    await checkScreen(page, 'home-after-check');
  });

  it('shows a walkthrough’s practice screen in the first screenful after "Bắt đầu luyện tập"', async () => {
    const walkthrough = loadWalkthrough('residence-registration');
    await page.goto(`${stack.origin}/walkthroughs/${walkthrough.id}`);
    await page.getByRole('heading', { level: 1, name: walkthrough.title.vi }).waitFor();
    const start = page.getByRole('link', { name: 'Bắt đầu luyện tập' });
    expect(await inFirstViewport(start), 'the button, before the whole description').toBe(true);
    await checkScreen(page, 'walkthrough');

    await start.click();
    await page.getByRole('heading', { level: 2, name: walkthrough.steps[0]!.title.vi }).waitFor();
    const frame = page.locator('form.practice-frame');
    const firstField = walkthrough.steps[0]!.screen.fields[0]!;
    expect(await inFirstViewport(frame.locator('.practice-appbar')), 'the imitation').toBe(true);
    expect(
      await inFirstViewport(page.locator(`#practice-${firstField.id}`)),
      'its first field',
    ).toBe(true);
    await checkScreen(page, 'practice-first-viewport');
  });

  it('"show me" points at each place to tap, the button last, not only fills the answer', async () => {
    const walkthrough = loadWalkthrough('residence-registration');
    const step = walkthrough.steps[0]!;
    expect(await page.locator('.practice-pointer').count()).toBe(0);
    await page.getByRole('button', { name: 'Chỉ cho tôi cách làm' }).click();
    const pointed = page.locator('[data-pointed="true"]');
    // One pointer per field, and one on the button that goes on.
    expect(await pointed.count()).toBe(step.screen.fields.length + 1);
    for (const field of step.screen.fields) {
      const box = page.locator('.practice-field', { has: page.locator(`#practice-${field.id}`) });
      expect(await box.getAttribute('data-pointed')).toBe('true');
      expect(await box.locator('.practice-pointer').isVisible()).toBe(true);
    }
    const action = page.locator('.practice-action[data-pointed="true"]');
    expect(await action.getByRole('button', { name: step.screen.action.vi }).count()).toBe(1);
    expect(await action.locator('.practice-pointer').isVisible()).toBe(true);
    await checkScreen(page, 'practice-show-me');
  });

  it('says beside the pressed read-aloud button that the phone has no Vietnamese voice', async () => {
    // A phone without a Vietnamese voice: the page sees no voices at all.
    await page.evaluate(() => {
      speechSynthesis.getVoices = () => [];
    });
    const buttons = page.getByRole('button', { name: 'Đọc to' });
    expect(await buttons.count()).toBeGreaterThan(0);
    const pressed = buttons.first();
    await pressed.click();
    const notice = page.locator('.read-aloud-problem');
    await notice
      .getByText('Điện thoại này chưa có giọng đọc tiếng Việt.', { exact: false })
      .waitFor();
    expect(await notice.count()).toBe(1);
    // Right under the button that was pressed, in the same place on the page.
    const nextToButton = await pressed.evaluate(
      (button) => button.nextElementSibling?.classList.contains('read-aloud-problem') ?? false,
    );
    expect(nextToButton).toBe(true);
    const [buttonBox, noticeBox] = [await pressed.boundingBox(), await notice.boundingBox()];
    expect(noticeBox!.y - (buttonBox!.y + buttonBox!.height)).toBeLessThan(40);
    await checkScreen(page, 'read-aloud-no-voice');
  });
});
