import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPhone } from './support/account';
import { callApi } from './support/api';
import { seriousViolations } from './support/axe';
import { firstPage, newProfileDir, openBrowser } from './support/browser';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-to-moi';
const TEAM = 'Tổ công nghệ số phường Ba Đình';

describe('a leader starts a team in the app, and a room joins with one code', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let leader: Page;
  let teamUrl = '';
  let link = '';
  let code = '';
  let qrPhoto: Buffer;

  async function phone(login: string): Promise<Page> {
    const { context, page } = await signedInPhone(stack.origin, login, PASSWORD);
    contexts.push(context);
    return page;
  }

  /** axe clean and no sideways scroll at 360 and 320 px, with a screenshot of each to look at. */
  async function checkScreen(page: Page, name: string) {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
      await captureScreen(page, `${width}-${name}`);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  }

  beforeAll(async () => {
    stack = await startStack();
    for (const [username, displayName] of [
      ['to-truong-minh', 'Anh Minh'],
      ['tnv-an', 'An'],
      ['tnv-binh', 'Bình'],
    ]) {
      await callApi(stack.origin, '/api/auth/sign-up', {
        username,
        displayName,
        password: PASSWORD,
      });
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('the leader creates the team (every mistake shown at once) and one code for many', async () => {
    leader = await phone('to-truong-minh');
    const create = leader.locator('form', { hasText: 'Tạo lớp hoặc tổ mới' });
    await create.getByRole('button', { name: 'Tạo', exact: true }).click();
    await create.getByText('Hãy nhập tên.').waitFor();
    await create.getByText('Hãy chọn xã, phường trong danh sách.').waitFor();
    expect(await create.locator('[aria-invalid="true"]').count()).toBe(2);
    await checkScreen(leader, 'org-create-errors');

    await create.getByRole('radio', { name: 'Tổ công nghệ số' }).check();
    await create.getByLabel('Tên', { exact: true }).fill(TEAM);
    await create.getByLabel('Xã, phường — Tìm xã, phường').fill('ba dinh');
    await create.getByRole('button', { name: /^Phường Ba Đình/ }).click();
    await create.getByRole('button', { name: 'Tạo', exact: true }).click();
    await leader.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await leader.getByRole('heading', { name: TEAM }).waitFor();
    teamUrl = new URL(leader.url()).pathname.replace('/orgs/', '/team/');

    // The only leader cannot step down: the server refuses and the screen says why.
    await leader.getByLabel('Vai trò của Anh Minh').selectOption('volunteer');
    await leader.getByText('Nhóm cần ít nhất một người quản lý.', { exact: false }).waitFor();
    await expect
      .poll(() => leader.getByLabel('Vai trò của Anh Minh').inputValue())
      .toBe('team_leader');

    const panel = leader.locator('section', { hasText: 'Mã tham gia' });
    await panel.getByLabel('Số người dùng được').fill('0');
    await panel.getByRole('button', { name: 'Tạo mã tham gia' }).click();
    await panel.getByText('Nhập một số từ 1 đến 500.').waitFor();
    await panel.getByLabel('Số người dùng được').fill('4');
    await panel.getByLabel('Dùng được trong').selectOption({ label: '7 ngày' });
    await panel.getByRole('button', { name: 'Tạo mã tham gia' }).click();
    await leader.locator('.join-code-qr').waitFor();
    code = (await leader.locator('.join-code-text').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    link = (await leader.locator('.join-code-link a').getAttribute('href')) ?? '';
    expect(link).toBe(`${stack.origin}/join?code=${code}`);
    await panel.getByText(/0\/4 người đã dùng/).waitFor();
    qrPhoto = await leader.locator('.join-code-qr').screenshot();
    await checkScreen(leader, 'org-roster-code');
  });

  it('one volunteer opens the QR link, another reads the QR photo with the app’s scanner', async () => {
    const an = await phone('tnv-an');
    // What a phone's own camera does with the QR: it opens the link.
    await an.goto(link);
    await an.getByRole('heading', { name: 'Tham gia lớp hoặc tổ' }).waitFor();
    expect(await an.getByLabel('Mã tham gia (ví dụ K7QP-M2XD)').inputValue()).toBe(code);
    await checkScreen(an, 'join-link');
    await an.getByRole('button', { name: 'Tham gia', exact: true }).click();
    await an.getByText(`Bạn đã vào ${TEAM}.`).waitFor();
    await an.getByRole('link', { name: `Mở ${TEAM}` }).click();
    await an.waitForURL(`${stack.origin}${teamUrl}`);
    await an.getByRole('heading', { name: 'Sổ ghi của tổ' }).waitFor();

    const binh = await phone('tnv-binh');
    await binh.goto(`${stack.origin}/join`);
    await binh.locator('.qr-reader input[type="file"]').setInputFiles({
      name: 'ma-qr.png',
      mimeType: 'image/png',
      buffer: qrPhoto,
    });
    await expect
      .poll(() => binh.getByLabel('Mã tham gia (ví dụ K7QP-M2XD)').inputValue(), {
        timeout: 20_000,
      })
      .toBe(code);
    await binh.getByRole('button', { name: 'Tham gia', exact: true }).click();
    await binh.getByText(`Bạn đã vào ${TEAM}.`).waitFor();
  });

  it('someone without an account opens the link, signs up (every mistake at once), and joins', async () => {
    const context = await openBrowser(newProfileDir());
    contexts.push(context);
    const chi = await firstPage(context);
    await chi.goto(link);
    await chi.getByText('Hãy đăng nhập hoặc tạo tài khoản trước.', { exact: false }).waitFor();
    await chi.getByRole('button', { name: 'Chưa có tài khoản? Tạo tài khoản' }).click();
    await chi.getByLabel('Tên đăng nhập (chữ không dấu, số)').fill('chi ơi');
    await chi.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    await chi.getByText('Tên đăng nhập cần 3 đến 40 chữ không dấu', { exact: false }).waitFor();
    await chi.getByText('Hãy nhập tên hiển thị (tối đa 80 ký tự).').waitFor();
    await chi.getByText('Mật khẩu cần ít nhất 8 ký tự.').waitFor();
    await checkScreen(chi, 'join-sign-up-errors');
    await chi.getByLabel('Tên đăng nhập (chữ không dấu, số)').fill('tnv-chi');
    await chi.getByLabel('Tên hiển thị').fill('Chi');
    await chi.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(PASSWORD);
    await chi.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    // Signed in, the code from the link is still there: one tap joins.
    await expect
      .poll(() => chi.getByLabel('Mã tham gia (ví dụ K7QP-M2XD)').inputValue(), {
        timeout: 20_000,
      })
      .toBe(code);
    await chi.getByRole('button', { name: 'Tham gia', exact: true }).click();
    await chi.getByText(`Bạn đã vào ${TEAM}.`).waitFor();
  });

  it('the leader opens the team from home and from the account page as a team', async () => {
    await leader.goto(`${stack.origin}/`);
    await leader
      .locator('.my-orgs')
      .getByRole('link', { name: new RegExp(TEAM) })
      .click();
    await leader.waitForURL(`${stack.origin}${teamUrl}`);
    await leader.getByRole('heading', { name: 'Sổ ghi của tổ' }).waitFor();

    await leader.goto(`${stack.origin}/account`);
    await leader
      .locator('.my-orgs')
      .getByRole('link', { name: new RegExp(TEAM) })
      .click();
    await leader.waitForURL(`${stack.origin}${teamUrl}`);
    await leader.getByRole('heading', { name: 'Sổ ghi của tổ' }).waitFor();

    // On the roster: both volunteers, the code used twice, then revoked; An made a leader.
    await leader.goto(`${stack.origin}${teamUrl.replace('/team/', '/orgs/')}`);
    for (const name of ['An', 'Bình', 'Chi']) {
      await leader.getByLabel(`Vai trò của ${name}`, { exact: true }).waitFor();
    }
    expect(await leader.getByText('Bạn không quản lý nhóm này.').count()).toBe(0);
    const panel = leader.locator('section', { hasText: 'Mã tham gia' });
    await panel.getByText(/3\/4 người đã dùng/).waitFor();
    await leader.getByLabel('Vai trò của An', { exact: true }).selectOption('team_leader');
    await leader.getByText('Đã đổi vai trò của An.').waitFor();
    await panel.getByRole('button', { name: /^Thu hồi/ }).click();
    await panel.getByText('Chưa có mã nào còn dùng được.').waitFor();
    await checkScreen(leader, 'org-roster-members');
    const roles = await stack.db.query<{ display_name: string; role: string }>(
      `SELECT a.display_name, m.role FROM memberships m JOIN accounts a ON a.id = m.account_id
       ORDER BY a.display_name`,
    );
    expect(roles).toEqual([
      { display_name: 'An', role: 'team_leader' },
      { display_name: 'Anh Minh', role: 'team_leader' },
      { display_name: 'Bình', role: 'volunteer' },
      { display_name: 'Chi', role: 'volunteer' },
    ]);
  });
});
