import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { firstPage, newProfileDir, openBrowser, visitOnceThenGoOffline } from './support/browser';
import { dumpDatabase } from './support/indexeddb';
import { COURSE_PATH, COURSE_TITLE, finishLesson } from './support/learner';
import { answerKey, answerQuestion, checkAnswer } from './support/quiz';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

/** Records read-aloud calls in the page: what speechSynthesis.speak and audio elements got. */
function recordReadAloud() {
  const calls: { kind: string; text?: string; lang?: string; src?: string }[] = [];
  (window as unknown as { readAloudCalls: typeof calls }).readAloudCalls = calls;
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    calls.push({ kind: 'speech', text: utterance.text, lang: utterance.lang });
    speak(utterance);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function playAndRecord(this: HTMLMediaElement) {
    calls.push({ kind: 'audio', src: this.currentSrc || this.src });
    return play.call(this);
  };
}

/**
 * Arms the page to read, the moment an answer's feedback appears, how many quiz results are
 * already in IndexedDB (a transaction started then sees only what committed before it).
 */
async function countResultsWhenFeedbackShows(page: Page): Promise<() => Promise<number>> {
  type Armed = Window & { resultsAtFeedback?: Promise<number> };
  await page.evaluate(
    () =>
      new Promise<void>((armed, failed) => {
        const open = indexedDB.open('hoc-so');
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const db = open.result;
          (window as Armed).resultsAtFeedback = new Promise<number>((resolve, reject) => {
            const observer = new MutationObserver(() => {
              if (!document.querySelector('.feedback')) return;
              observer.disconnect();
              const request = db.transaction('events').objectStore('events').getAll();
              request.onerror = () => reject(request.error);
              request.onsuccess = () => {
                db.close();
                const events = request.result as { type: string }[];
                resolve(events.filter((e) => e.type === 'quiz.completed').length);
              };
            });
            observer.observe(document.body, { childList: true, subtree: true });
          });
          armed();
        };
      }),
  );
  return () => page.evaluate(() => (window as Armed).resultsAtFeedback!);
}

const readAloudCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { readAloudCalls: unknown[] }).readAloudCalls);

describe('learning on a shared phone, offline', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  const key = answerKey('smartphone-basics');

  beforeAll(async () => {
    stack = await startStack();
    context = await openBrowser(newProfileDir());
    await context.addInitScript(recordReadAloud);
    page = await firstPage(context);
    await visitOnceThenGoOffline(
      page,
      stack.origin,
      (p) =>
        p
          .getByRole('link', { name: new RegExp(COURSE_TITLE) })
          .first()
          .waitFor(),
      () => stack.stopServer(),
    );
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  /** Answers the quiz's first `count` questions (all of them unless told). */
  async function quizOrder(right: boolean, count = key.size): Promise<string[]> {
    const asked: string[] = [];
    for (let i = 0; i < count; i += 1) asked.push(await answerQuestion(page, key, right));
    return asked;
  }

  it('completes a whole course offline: fails the quiz, retries in a new order, passes', async () => {
    await page.goto(`${stack.origin}${COURSE_PATH}`);
    await page.getByRole('link', { name: 'Bắt đầu học' }).click();
    for (let lesson = 0; lesson < 4; lesson += 1) await finishLesson(page);
    await page.waitForURL(/\/quiz$/);

    const first = await quizOrder(false);
    await page.getByText(/Bạn cần đúng ít nhất 8 câu/).waitFor();
    await page.getByRole('button', { name: 'Làm lại' }).click();
    const second = await quizOrder(true, key.size - 1);
    const resultsAtFeedback = await countResultsWhenFeedbackShows(page);
    second.push(await checkAnswer(page, key, true));
    // The attempt is closed before the last answer's feedback shows: leaving the app on
    // seeing it loses no result.
    expect(await resultsAtFeedback()).toBe(2);
    await page.reload();
    await page.getByText('Chúc mừng! Bạn đã đạt bài kiểm tra.').waitFor();
    expect(second).not.toEqual(first);
    expect(new Set(second)).toEqual(new Set(first));

    await page.goto(`${stack.origin}${COURSE_PATH}`);
    await page.reload();
    await page
      .getByText(/Đã đạt/)
      .first()
      .waitFor();
    expect(await page.getByText('Câu hỏi bạn từng trả lời sai: 10').count()).toBe(1);
  });

  it('reads lessons aloud in Vietnamese, and plays the recording where a step has one', async () => {
    await page.goto(`${stack.origin}${COURSE_PATH}/lessons/phone-parts`);
    await page.getByRole('button', { name: 'Đọc to' }).click();
    const firstTitle = await page.locator('.step h2').textContent();
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    // The next step is drawn after the tap: read its title only once it is there.
    await expect.poll(() => page.locator('.step h2').textContent()).not.toBe(firstTitle);
    const stepTitle = await page.locator('.step h2').textContent();
    await page.getByRole('button', { name: 'Đọc to' }).click();
    await expect.poll(() => readAloudCalls(page), { timeout: 5000 }).toHaveLength(2);
    const [recording, speech] = (await readAloudCalls(page)) as {
      kind: string;
      text?: string;
      lang?: string;
      src?: string;
    }[];
    expect(recording).toMatchObject({ kind: 'audio' });
    expect(recording?.src).toContain('/content/audio/smartphone-basics/phone-overview-vi.');
    expect(speech).toMatchObject({ kind: 'speech', lang: 'vi-VN' });
    expect(speech?.text?.startsWith(stepTitle ?? '-')).toBe(true);
    const hasVietnameseVoice = await page.evaluate(() =>
      speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().startsWith('vi')),
    );
    if (!hasVietnameseVoice) {
      await page
        .getByText('Điện thoại này chưa có giọng đọc tiếng Việt.', { exact: false })
        .waitFor();
    }
  });

  it('keeps two people apart, resumes at the exact step, and guards a profile with a PIN', async () => {
    // A second learner on the same phone sees nothing of the first one.
    await page.goto(`${stack.origin}/settings`);
    await page.getByRole('button', { name: 'Đổi người học' }).click();
    await page.getByRole('button', { name: 'Thêm người học' }).click();
    await page.getByLabel('Tên của bạn').fill('Bình');
    await page.getByRole('radio', { name: 'Con cá' }).check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: 'Khoá học' }).waitFor();
    expect(await page.getByText('Đã đạt').count()).toBe(0);
    await page.getByText('Đã học 0/4 bài').first().waitFor();

    await page.goto(`${stack.origin}${COURSE_PATH}/lessons/touch-gestures`);
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.getByText('Bước 3/').waitFor();
    await page.getByRole('link', { name: 'Học Số' }).click();
    await page.getByRole('link', { name: /Học tiếp/ }).click();
    await page.getByText('Bước 3/').waitFor();
    expect(page.url()).toContain('/lessons/touch-gestures?step=3');

    // The first learner sets a PIN; after that nobody opens that profile without it.
    await page.goto(`${stack.origin}/settings`);
    await page.getByRole('button', { name: 'Đổi người học' }).click();
    await page.getByRole('button', { name: /^Tôi/ }).click();
    await page.getByText('Đã đạt').first().waitFor();
    await page.goto(`${stack.origin}/settings`);
    await page.getByRole('button', { name: 'Đặt mã PIN' }).click();
    for (const round of [0, 1]) {
      for (const digit of '1357')
        await page.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
      if (round === 0) await page.getByText('Nhập lại mã PIN để chắc chắn').waitFor();
    }
    await page.getByText('Đã lưu mã PIN.').waitFor();
    await page.getByRole('button', { name: 'Đổi người học' }).click();
    await page.getByRole('button', { name: /^Tôi/ }).click();
    for (const digit of '0000')
      await page.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
    await page.getByText('Mã PIN chưa đúng. Hãy thử lại.').waitFor();
    await page.goto(`${stack.origin}${COURSE_PATH}`);
    expect(await page.getByRole('heading', { name: COURSE_TITLE }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Ai đang học?' }).waitFor();
    await page.getByRole('button', { name: /^Tôi/ }).click();
    for (const digit of '1357')
      await page.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
    await page.getByText('Đã đạt').first().waitFor();
  });

  it('deletes a profile with no trace left in IndexedDB', async () => {
    const before = await dumpDatabase(page);
    const binh = (before.profiles as { id: string; name: string }[]).find(
      (p) => p.name === 'Bình',
    )!;
    expect(JSON.stringify(before.resume)).toContain(binh.id);

    await page.goto(`${stack.origin}/settings`);
    await page.getByRole('button', { name: 'Đổi người học' }).click();
    await page.getByRole('button', { name: /^Bình/ }).click();
    // The picker opens the profile, then goes home: leaving before that keeps the last profile.
    await page.waitForURL(`${stack.origin}/`);
    await page.goto(`${stack.origin}/settings`);
    await page.getByRole('button', { name: 'Xoá hồ sơ này' }).click();
    await page.getByRole('button', { name: 'Xoá hẳn' }).click();
    await page.getByRole('heading', { name: 'Ai đang học?' }).waitFor();

    const after = await dumpDatabase(page);
    for (const [store, rows] of Object.entries(after)) {
      expect(JSON.stringify(rows), store).not.toContain(binh.id);
    }
    expect(after.profiles).toHaveLength(1);
    expect(await page.getByRole('button', { name: /^Bình/ }).count()).toBe(0);
  });

  async function openLockedProfile() {
    await page.goto(`${stack.origin}/profiles`);
    await page.getByRole('button', { name: /^Tôi/ }).click();
    for (const digit of '1357') {
      await page.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
    }
    await page.getByRole('heading', { name: 'Khoá học' }).waitFor();
  }

  /** Answers questions (starting new attempts as needed) until one of `kind` is on screen. */
  async function questionOfKind(kind: string) {
    await page.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    for (let i = 0; i < 3 * key.size; i += 1) {
      await page.locator('form.question, .result').first().waitFor();
      if (await page.locator('.result').isVisible()) {
        await page.getByRole('button', { name: /Làm lại|Try again/ }).click();
        continue;
      }
      const id = await page.locator('form.question').getAttribute('data-question-id');
      if (key.get(id ?? '')?.kind === kind) return;
      await answerQuestion(page, key, true);
    }
    throw new Error(`no ${kind} question`);
  }

  it('fits 320 and 360 px screens: picker, PIN, home, lesson, picture and order questions, settings', async () => {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      await page.goto(`${stack.origin}/profiles`);
      await page.getByRole('heading', { name: 'Ai đang học?' }).waitFor();
      await captureScreen(page, `${width}-profiles`);
      await page.getByRole('button', { name: /^Tôi/ }).click();
      await captureScreen(page, `${width}-pin`);
      for (const digit of '1357') {
        await page.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
      }
      await page.getByRole('heading', { name: 'Khoá học' }).waitFor();
      await captureScreen(page, `${width}-home`);
      await page.goto(`${stack.origin}${COURSE_PATH}/lessons/phone-parts`);
      await page.locator('.step-image').waitFor();
      await captureScreen(page, `${width}-lesson`);
      await questionOfKind('picture');
      await captureScreen(page, `${width}-quiz-picture`);
      await questionOfKind('order');
      await captureScreen(page, `${width}-quiz-order`);
      await page.goto(`${stack.origin}/settings`);
      await page.getByRole('heading', { name: 'Cài đặt và hồ sơ' }).waitFor();
      await captureScreen(page, `${width}-settings`);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('has no serious accessibility violation on any learning screen, in both languages, with large text and high contrast', async () => {
    await openLockedProfile();
    await page.goto(`${stack.origin}/settings`);
    await page.getByLabel('Chữ to hơn').check();
    await page.getByLabel('Tương phản cao').check();
    await expect
      .poll(() => page.evaluate(() => ({ ...document.documentElement.dataset })))
      .toMatchObject({ text: 'large', contrast: 'high' });
    const screens: [string, () => Promise<unknown>][] = [
      ['home', () => page.goto(`${stack.origin}/`)],
      ['course', () => page.goto(`${stack.origin}${COURSE_PATH}`)],
      ['lesson', () => page.goto(`${stack.origin}${COURSE_PATH}/lessons/apps-and-home-screen`)],
      ['quiz question', () => questionOfKind('order')],
      [
        'quiz feedback',
        async () => {
          await page.getByRole('button', { name: /Kiểm tra|Check/ }).click();
          await page.locator('.feedback').waitFor();
        },
      ],
      ['settings', () => page.goto(`${stack.origin}/settings`)],
      ['new profile', () => page.goto(`${stack.origin}/profiles/new`)],
      ['profiles', () => page.goto(`${stack.origin}/profiles`)],
    ];
    for (const language of ['vi', 'en']) {
      if (language === 'en') {
        await page.goto(`${stack.origin}/settings`);
        await page.getByLabel('English').check();
        await page.getByRole('heading', { name: 'Settings and profile' }).waitFor();
      }
      for (const [name, open] of screens) {
        await open();
        await page.locator('main h1').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(await seriousViolations(page), `${name} (${language})`).toEqual([]);
      }
    }
    await captureScreen(page, '360-home-large-contrast-en');
  });
});
