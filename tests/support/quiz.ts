import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compileContent } from '../../scripts/content/compile';
import type { Question } from '../../src/protocol';

/** The answer key of every question, read from the same content the build compiled. */
export function answerKey(courseId: string): Map<string, Question> {
  const packs = compileContent(process.env.CONTENT_DIR ?? resolve('content'));
  const course = packs.flatMap((p) => p.pack.courses).find((c) => c.id === courseId);
  if (!course) throw new Error(`no course ${courseId}`);
  return new Map(course.quiz.questions.map((q) => [q.id, q]));
}

async function currentOrder(page: Page): Promise<string[]> {
  return page
    .locator('.order-item')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.optionId ?? ''));
}

/** Moves the put-in-order items with their "up" buttons until they read `target`. */
async function arrange(page: Page, target: string[]): Promise<void> {
  for (let position = 0; position < target.length; position += 1) {
    let index = (await currentOrder(page)).indexOf(target[position]!);
    while (index > position) {
      await page
        .locator(`.order-item[data-option-id="${target[position]}"] .order-move`)
        .first()
        .click();
      index -= 1;
    }
  }
}

/**
 * Answers the question on screen, rightly or wrongly, and checks it: resolves once its feedback
 * shows. Returns the question's id.
 */
export async function checkAnswer(page: Page, key: Map<string, Question>, right: boolean) {
  const id = await page.locator('form.question').getAttribute('data-question-id');
  const question = key.get(id ?? '');
  if (!question) throw new Error(`unknown question ${id}`);
  if (question.kind === 'order') {
    await arrange(page, right ? question.answer : [...question.answer].reverse());
  } else {
    const wrong = question.options.find((o) => !question.answer.includes(o.id))!.id;
    for (const option of right ? question.answer : [wrong]) {
      await page.locator(`form.question input[value="${option}"]`).check();
    }
  }
  await page.getByRole('button', { name: /^(Kiểm tra|Check)$/ }).click();
  await page.locator('.feedback').waitFor();
  return question.id;
}

/**
 * Answers the question on screen, rightly or wrongly, checks it and moves on.
 * Returns the question's id.
 */
export async function answerQuestion(page: Page, key: Map<string, Question>, right: boolean) {
  const id = await checkAnswer(page, key, right);
  await page
    .getByRole('button', { name: /Câu tiếp theo|Xem kết quả|Next question|See your result/ })
    .click();
  // The next question (or the result) replaces this one's feedback; answer nothing stale.
  await page.locator('.feedback').waitFor({ state: 'detached' });
  return id;
}
