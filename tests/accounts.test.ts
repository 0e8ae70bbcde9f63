import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { callApi } from './support/api';
import { waitForServiceWorker } from './support/browser';
import { COURSE_PATH, finishLesson, openPhone } from './support/learner';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-cua-Lan';

describe('one learner, two phones, a class and its teacher', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let teacher: { token: string; classId: string };

  const api = (path: string, body?: unknown, token?: string) =>
    callApi(stack.origin, path, body, token);

  async function signUp(username: string, displayName: string) {
    const { body } = await api('/api/auth/sign-up', { username, displayName, password: PASSWORD });
    return body.accessToken as unknown as string;
  }

  async function phone(): Promise<Page> {
    const page = await openPhone(stack.origin, contexts);
    return page;
  }

  async function openAccount(page: Page) {
    await page.goto(`${stack.origin}/settings`);
    await page.getByRole('link', { name: 'Tài khoản và lớp học' }).click();
    await page.getByRole('heading', { name: 'Tài khoản', exact: true }).waitFor();
  }

  beforeAll(async () => {
    stack = await startStack();
    const token = await signUp('co-giao-hoa', 'Cô Hoa');
    const created = await api(
      '/api/orgs',
      { kind: 'class', name: 'Lớp kỹ năng số', communeCode: '00004' },
      token,
    );
    teacher = { token, classId: created.body.id as unknown as string };
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('phone A: learns offline, then signs up, joins the class and syncs', async () => {
    const page = await phone();
    await waitForServiceWorker(page);
    await page.context().setOffline(true);
    await page.goto(`${stack.origin}${COURSE_PATH}`);
    await page.getByRole('link', { name: 'Bắt đầu học' }).click();
    await finishLesson(page);
    await finishLesson(page);
    await page.context().setOffline(false);
    await page.getByText(/^Đã đồng bộ lúc/).waitFor({ timeout: 60_000 });

    await openAccount(page);
    expect(await seriousViolations(page), 'sign-in form').toEqual([]);
    await page.getByRole('button', { name: 'Chưa có tài khoản? Tạo tài khoản' }).click();
    await page.getByLabel('Tên đăng nhập (chữ không dấu, số)').fill('lan-hoc');
    await page.getByLabel('Tên hiển thị').fill('Lan');
    await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    await page.getByText('Đã đăng nhập: Lan').waitFor();

    const code = (
      await api(`/api/orgs/${teacher.classId}/join-codes`, { role: 'learner' }, teacher.token)
    ).body.code as unknown as string;
    await page.getByLabel('Mã tham gia (ví dụ K7QP-M2XD)').fill(code);
    await page.getByRole('button', { name: 'Tham gia', exact: true }).click();
    await page.getByText('Bạn đã vào Lớp kỹ năng số.').waitFor();
    await page
      .locator('.my-orgs')
      .getByRole('link', { name: /Lớp kỹ năng số/ })
      .waitFor();
    expect(await seriousViolations(page), 'signed in').toEqual([]);
    await page.screenshot({ path: 'tests/artifacts/360-account.png', fullPage: true });

    // Both lessons, sent before signing in, now belong to the account.
    await expect
      .poll(async () => {
        const rows = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM events e JOIN accounts a ON e.owner_id = 'account:' || a.id
           WHERE a.username = 'lan-hoc'`,
        );
        return rows[0]?.n;
      })
      .toBe(2);
  });

  it('phone B: signing in brings back the same progress', async () => {
    const page = await phone();
    await page.getByText('Đã học 0/4 bài').first().waitFor();
    await openAccount(page);
    await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('lan-hoc');
    await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByText('Đã đăng nhập: Lan').waitFor();
    await page.getByRole('link', { name: 'Học Số' }).click();
    await page.getByText('Đã học 2/4 bài').first().waitFor({ timeout: 30_000 });
  });

  it('the teacher sees the learner’s progress in the class; another teacher does not', async () => {
    const page = await phone();
    await openAccount(page);
    await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('co-giao-hoa');
    await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('link', { name: /Lớp kỹ năng số/ }).click();
    await page.getByRole('heading', { name: 'Lớp kỹ năng số' }).waitFor();
    await page.getByRole('heading', { name: 'Thành viên' }).waitFor();
    // The learner's lessons; the teacher is listed as such, and never with lessons of her own.
    await page.locator('.member-list li', { hasText: 'Lan' }).getByText('2 bài').waitFor();
    await page.locator('.member-list li', { hasText: 'Cô Hoa' }).getByText('Giáo viên').waitFor();

    await page.getByRole('button', { name: 'Tạo mã tham gia' }).click();
    await page.locator('.join-code-qr').waitFor();
    expect(await page.locator('.join-code-text').textContent()).toMatch(
      /^[A-Z2-9]{4}-[A-Z2-9]{4}$/,
    );
    expect(await seriousViolations(page), 'class').toEqual([]);
    await page.screenshot({ path: 'tests/artifacts/360-class.png', fullPage: true });

    const stranger = await signUp('thay-giao-khac', 'Thầy Nam');
    const refused = await api(`/api/orgs/${teacher.classId}/progress`, undefined, stranger);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Lan');
  });
});
