import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../src/domain/vietnamTime';
import { signedInPhone } from './support/account';
import { callApi } from './support/api';
import { seriousViolations } from './support/axe';
import { COURSE_PATH, COURSE_TITLE, waitUntilSent } from './support/learner';
import { answerKey, answerQuestion } from './support/quiz';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-to-moi';
const DAY_MS = 24 * 60 * 60 * 1000;
const COMMUNE = '00004';
const WALKTHROUGH_TITLE = 'Tạo tài khoản VNeID (mức 1) và biết mức 2 cần gì';

/** "dd/mm" of a day, as the learner's home shows a due date. */
const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

describe('a teacher assigns a course with a due date; the learner sees it first, offline too', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let classId = '';
  let teacher: Page;
  let learner: Page;
  const due = vietnamDay(new Date(Date.now() + 5 * DAY_MS));
  const heading = `Cô Hà giao: ${COURSE_TITLE} — hạn ${dayMonth(due)}`;

  async function phone(login: string): Promise<Page> {
    const { context, page } = await signedInPhone(stack.origin, login, PASSWORD);
    contexts.push(context);
    return page;
  }

  /** axe clean and no sideways scroll at 360 and 320 px, with a screenshot of each to look at. */
  async function checkScreen(page: Page, name: string) {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      await captureScreen(page, `${width}-${name}`);
      expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(sideways, `${name} scrolls sideways at ${width}`).toBe(false);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  }

  beforeAll(async () => {
    stack = await startStack();
    const signUp = async (username: string, displayName: string) =>
      String(
        (
          await callApi(stack.origin, '/api/auth/sign-up', {
            username,
            displayName,
            password: PASSWORD,
          })
        ).body.accessToken,
      );
    const teacherToken = await signUp('co-ha', 'Cô Hà');
    const learnerToken = await signUp('hoc-vien-lan', 'Lan');
    const created = await callApi(
      stack.origin,
      '/api/orgs',
      { kind: 'class', name: 'Lớp kỹ năng số 7A', communeCode: COMMUNE },
      teacherToken,
    );
    classId = String(created.body.id);
    const joinCode = await callApi(
      stack.origin,
      `/api/orgs/${classId}/join-codes`,
      { role: 'learner' },
      teacherToken,
    );
    const joined = await callApi(
      stack.origin,
      '/api/join',
      { code: joinCode.body.code },
      learnerToken,
    );
    expect(joined.status).toBe(200);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('the teacher assigns from the class screen; a past due date is refused beside the field', async () => {
    teacher = await phone('co-ha');
    await teacher.goto(`${stack.origin}/orgs/${classId}`);
    await teacher.getByRole('link', { name: 'Giao bài' }).click();
    const form = teacher.locator('form', { hasText: 'Giao cho' });
    await form.waitFor();
    await form.getByLabel('Bài').selectOption({ label: `Khóa học: ${COURSE_TITLE}` });
    await form.getByLabel('Giao cho').selectOption({ label: 'Cả lớp' });
    await form.getByLabel('Hạn (không bắt buộc)').fill('2020-01-01');
    await form.getByText('Hạn không được trước hôm nay.', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Giao bài' }).click();
    expect(await teacher.locator('li.card', { hasText: COURSE_TITLE }).count()).toBe(0);
    await checkScreen(teacher, 'assign-past-due');

    // One learner, picked from the class's roster (online), with no due date.
    await form.getByLabel('Bài').selectOption({ label: `Hướng dẫn: ${WALKTHROUGH_TITLE}` });
    await form.getByLabel('Giao cho').selectOption({ label: 'Lan' });
    await form.getByLabel('Hạn (không bắt buộc)').fill('');
    await form.getByRole('button', { name: 'Giao bài' }).click();
    await teacher.locator('li.card', { hasText: WALKTHROUGH_TITLE }).getByText('Lan').waitFor();
    const stored = async () =>
      (await stack.db.query(`SELECT 1 FROM assignments WHERE organisation_id = $1`, [classId]))
        .length;
    await expect.poll(stored, { timeout: 30_000 }).toBe(1);

    // Offline, the screen opens from the phone and the assignment waits for the connection.
    await teacher.context().setOffline(true);
    await teacher.reload();
    await form.waitFor();
    await teacher.getByText('Đang không có mạng', { exact: false }).waitFor();
    // The class's learners as last seen online (kept for attendance) can still be picked.
    await expect
      .poll(() => form.getByLabel('Giao cho').locator('option').allTextContents())
      .toEqual(['Cả lớp', 'Lan']);
    await form.getByLabel('Giao cho').selectOption({ label: 'Cả lớp' });
    await form.getByLabel('Bài').selectOption({ label: `Khóa học: ${COURSE_TITLE}` });
    await form.getByLabel('Hạn (không bắt buộc)').fill(due);
    await form.getByRole('button', { name: 'Giao bài' }).click();
    await teacher.getByText('Đã giao.', { exact: false }).waitFor();
    const card = teacher.locator('li.card', { hasText: COURSE_TITLE });
    await card.getByText(`hạn ${due.split('-').reverse().join('/')}`).waitFor();
    await card.getByText('Chưa gửi', { exact: false }).waitFor();
    await checkScreen(teacher, 'assign-offline');
    expect(await stored()).toBe(1);

    // Sent by the sync engine once online, not by the screen.
    await teacher.context().setOffline(false);
    await expect.poll(stored, { timeout: 30_000 }).toBe(2);
    await card.getByText('Chưa gửi', { exact: false }).waitFor({ state: 'detached' });
    await checkScreen(teacher, 'assign-list');
  });

  it('the learner’s phone syncs and shows it first on home, offline too; learning turns it done', async () => {
    learner = await phone('hoc-vien-lan');
    await learner.goto(`${stack.origin}/`);
    const assigned = learner.locator('.assigned-card', { hasText: heading });
    await assigned.waitFor({ timeout: 30_000 });
    await assigned.getByText('Chưa bắt đầu').waitFor();
    // The one with a due date first, then the one for Lan alone without a due date.
    expect(await learner.locator('.assigned-card .card-title').allTextContents()).toEqual([
      heading,
      `Cô Hà giao: ${WALKTHROUGH_TITLE}`,
    ]);
    // First on the home screen: nothing of the screen's own comes before it.
    const first = await learner.locator('main > *').first().getAttribute('class');
    expect(first).toContain('assigned');
    await checkScreen(learner, 'home-assigned');

    await learner.context().setOffline(true);
    await learner.reload();
    await assigned.waitFor();
    await assigned.click();
    await learner.waitForURL(`${stack.origin}${COURSE_PATH}`);
    const key = answerKey('smartphone-basics');
    await learner.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    for (let i = 0; i < key.size; i += 1) await answerQuestion(learner, key, true);
    await learner.goto(`${stack.origin}/`);
    const today = vietnamDay(new Date()).split('-').reverse().join('/');
    await assigned.getByText(`Đã xong ngày ${today}`).waitFor();
    await checkScreen(learner, 'home-assigned-done');
    await learner.context().setOffline(false);
    // The teacher's screen reads what has reached the server.
    await waitUntilSent(learner);
  });

  it('the teacher sees where each learner stands, from what has synced, then withdraws', async () => {
    await teacher.reload();
    const progress = teacher.locator('section', { hasText: 'Tiến độ của học viên' });
    await progress
      .getByText('Theo những gì điện thoại của học viên đã đồng bộ', { exact: false })
      .waitFor();
    const course = progress.locator('details', { hasText: COURSE_TITLE });
    await course.getByText('1/1 đã xong').click();
    const today = vietnamDay(new Date()).split('-').reverse().join('/');
    await course
      .getByText(`Lan: đã xong ngày ${today} (đồng bộ lần cuối`, { exact: false })
      .waitFor();
    await progress
      .locator('details', { hasText: WALKTHROUGH_TITLE })
      .getByText('0/1 đã xong')
      .waitFor();
    await checkScreen(teacher, 'assign-progress');

    const card = teacher.locator('li.card', { hasText: COURSE_TITLE });
    await card.getByRole('button', { name: 'Thu hồi' }).click();
    await card.waitFor({ state: 'detached' });
    await teacher.locator('li.card', { hasText: WALKTHROUGH_TITLE }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await stack.db.query(
              `SELECT 1 FROM assignments WHERE organisation_id = $1 AND action = 'withdraw'`,
              [classId],
            )
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
    await learner.reload();
    await learner
      .getByRole('link', { name: new RegExp(COURSE_TITLE) })
      .first()
      .waitFor();
    // The walkthrough given to Lan alone stands.
    await expect
      .poll(() => learner.locator('.assigned-card .card-title').allTextContents(), {
        timeout: 30_000,
      })
      .toEqual([`Cô Hà giao: ${WALKTHROUGH_TITLE}`]);
  });
});
