import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../server/testkit/adminCommand';
import { signedInPhone } from './support/account';
import { seriousViolations } from './support/axe';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import { readQr } from './support/qr';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const ADMIN_PASSWORD = 'mat-khau-quan-tri';
const PASSWORD = 'mat-khau-cua-to';
const NEW_PASSWORD = 'mat-khau-moi-cua-an';
const TEAM = 'Tổ công nghệ số Ngọc Hà';
const AGENCY = 'Sở Văn hóa mẫu';

describe('everyone does their job from the app: admin, leader, and a member who forgot', () => {
  let folder: string;
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let leader: Page;
  let joinLink = '';
  let resetCode = '';
  let an: Page;

  /** axe clean and no sideways scroll at 360 and 320 px, with a screenshot of each to look at. */
  async function checkScreen(page: Page, name: string) {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
      await captureScreen(page, `${width}-${name}`);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  }

  /** A fresh phone on the account screen, signed out. */
  async function accountScreen(): Promise<Page> {
    const context = await openBrowser(newProfileDir());
    contexts.push(context);
    const page = await firstPage(context);
    await page.goto(`${stack.origin}/settings`);
    await waitForServiceWorker(page);
    await page.getByRole('link', { name: 'Tài khoản và lớp học' }).click();
    return page;
  }

  async function signUp(username: string, displayName: string): Promise<Page> {
    const page = await accountScreen();
    await page.getByRole('button', { name: 'Chưa có tài khoản? Tạo tài khoản' }).click();
    await page.getByLabel('Tên đăng nhập (chữ không dấu, số)').fill(username);
    await page.getByLabel('Tên hiển thị').fill(displayName);
    await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    await page.getByText(/^Đã đăng nhập/).waitFor();
    return page;
  }

  const formOf = (page: Page, heading: string) =>
    page.locator('form', { has: page.getByRole('heading', { name: heading }) });

  beforeAll(async () => {
    // An empty server: its first system administrator comes from the documented command.
    folder = await mkdtemp(join(tmpdir(), 'hoc-so-admin-'));
    const dataDir = join(folder, 'pglite');
    const made = await runAdminCommand(
      ['create', 'quan-tri'],
      { DATA_DIR: dataDir },
      `${ADMIN_PASSWORD}\n`,
    );
    expect(made.code, made.output).toBe(0);
    stack = await startStack(resolve('dist'), dataDir);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('the admin signs in, creates an agency and names a commune official', async () => {
    const official = await signUp('can-bo-ngoc-ha', 'Chị Hoa');
    let context: BrowserContext;
    ({ context, page: admin } = await signedInPhone(stack.origin, 'quan-tri', ADMIN_PASSWORD));
    contexts.push(context);
    await admin.getByRole('link', { name: /^Quản trị hệ thống/ }).click();
    await admin.getByRole('heading', { name: 'Quản trị hệ thống', level: 1 }).waitFor();

    const agency = formOf(admin, 'Tạo cơ quan');
    await agency.getByRole('button', { name: 'Tạo cơ quan' }).click();
    await agency.getByText('Hãy nhập tên cơ quan (tối đa 120 ký tự).').waitFor();
    await agency.getByText('Hãy chọn xã, phường nơi cơ quan đặt trụ sở.').waitFor();
    await checkScreen(admin, 'admin-agency-errors');
    await agency.getByLabel('Tên cơ quan').fill(AGENCY);
    await agency.getByLabel('Xã, phường — Tìm xã, phường').fill('ba dinh');
    await agency.getByRole('button', { name: /^Phường Ba Đình/ }).click();
    await agency.getByRole('button', { name: 'Tạo cơ quan' }).click();
    await agency.getByText(`Đã tạo cơ quan ${AGENCY}.`, { exact: false }).waitFor();

    const naming = formOf(admin, 'Giao cán bộ xã');
    await naming.getByLabel('Tên đăng nhập hoặc số điện thoại của cán bộ').fill('khong-co-ai');
    await naming.getByLabel('Xã, phường — Tìm xã, phường').fill('ngoc ha');
    await naming.getByRole('button', { name: /^Phường Ngọc Hà/ }).click();
    await naming.getByRole('button', { name: 'Giao xã cho cán bộ này' }).click();
    await naming
      .getByText('Không có tài khoản nào với tên đăng nhập này.', { exact: false })
      .waitFor();
    await naming.getByLabel('Tên đăng nhập hoặc số điện thoại của cán bộ').fill('can-bo-ngoc-ha');
    await naming.getByRole('button', { name: 'Giao xã cho cán bộ này' }).click();
    await naming.getByText('Đã giao xã cho Chị Hoa.').waitFor();

    await admin.getByRole('button', { name: 'Đổi khoá ký' }).click();
    await admin.getByRole('button', { name: 'Chắc chắn đổi khoá ký' }).click();
    await admin.getByText(/^Đã đổi khoá ký\. Khoá mới: k/).waitFor();
    // The log on the same page reads again after each action: the rotation is now its newest.
    await admin
      .locator('.audit-entry')
      .first()
      .filter({ hasText: 'Đổi khoá ký chứng nhận' })
      .waitFor();
    await checkScreen(admin, 'admin-screen');

    // The official finds their commune on their account page.
    await official.reload();
    await official.getByRole('link', { name: /^Số liệu Phường Ngọc Hà/ }).waitFor();
    // The agency is the admin's to run, from their account page.
    await admin.goto(`${stack.origin}/account`);
    await admin
      .locator('.my-orgs')
      .getByRole('link', { name: new RegExp(AGENCY) })
      .waitFor();
  });

  it('a leader starts a team, the admin approves it, and three volunteers join by its QR', async () => {
    leader = await signUp('to-truong-minh', 'Anh Minh');
    const create = leader.locator('form', { hasText: 'Tạo lớp hoặc tổ mới' });
    await create.getByRole('radio', { name: 'Tổ công nghệ số' }).check();
    await create.getByLabel('Tên', { exact: true }).fill(TEAM);
    await create.getByLabel('Xã, phường — Tìm xã, phường').fill('ngoc ha');
    await create.getByRole('button', { name: /^Phường Ngọc Hà/ }).click();
    await create.getByRole('button', { name: 'Tạo', exact: true }).click();
    await leader.getByRole('heading', { name: TEAM }).waitFor();
    const panel = leader.locator('section', { hasText: 'Mã tham gia' });
    await panel.getByLabel('Số người dùng được').fill('3');
    await panel.getByRole('button', { name: 'Tạo mã tham gia' }).click();
    // The link is what the QR holds: read from the QR's own pixels, as a phone's camera would.
    joinLink = await readQr(leader.locator('img.join-code-qr'));
    expect(joinLink).toMatch(/\/join\?code=/);
    expect(await leader.locator('.join-code-link a').getAttribute('href')).toBe(joinLink);
    await checkScreen(leader, 'leader-join-qr');

    // The team counts in Ngọc Hà's figures once approved: the admin does it from the admin
    // screen, which lists every team waiting, each with its commune.
    await admin.goto(`${stack.origin}/admin`);
    const pending = admin.locator('section', {
      has: admin.getByRole('heading', { name: 'Tổ chờ duyệt' }),
    });
    await pending.getByText(TEAM).waitFor();
    await pending.getByText(/Phường Ngọc Hà ·/).waitFor();
    await checkScreen(admin, 'admin-team-approval');
    await pending.getByRole('button', { name: 'Duyệt tổ này' }).click();
    await admin.getByRole('heading', { name: 'Tổ chờ duyệt' }).waitFor({ state: 'detached' });

    for (const [username, name] of [
      ['tnv-an', 'An'],
      ['tnv-binh', 'Bình'],
      ['tnv-chi', 'Chi'],
    ] as const) {
      const volunteer = await signUp(username, name);
      await volunteer.goto(joinLink);
      await volunteer.getByRole('button', { name: 'Tham gia', exact: true }).click();
      await volunteer.getByText(`Bạn đã vào ${TEAM}.`).waitFor();
    }
    await leader.reload();
    for (const name of ['An', 'Bình', 'Chi']) {
      await leader
        .getByRole('button', { name: `Tạo mã đặt lại mật khẩu cho ${name}`, exact: true })
        .waitFor();
    }
  });

  it('the volunteer forgets their password; the leader gives a code; they sign in again', async () => {
    await leader.reload();
    await leader
      .getByRole('button', { name: 'Tạo mã đặt lại mật khẩu cho An', exact: true })
      .click();
    // None for the leader: they are signed in, they know their password.
    expect(await leader.getByRole('button', { name: /cho Anh Minh$/ }).count()).toBe(0);
    resetCode = (await leader.locator('.reset-code-text').textContent()) ?? '';
    expect(resetCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await leader.getByText('Đưa hoặc đọc mã này cho An.', { exact: false }).waitFor();
    await checkScreen(leader, 'roster-reset-code');

    // A new phone: the old password is gone from memory.
    an = await accountScreen();
    await an.getByRole('button', { name: 'Quên mật khẩu?' }).click();
    const form = formOf(an, 'Đặt lại mật khẩu');
    await form.getByRole('button', { name: 'Lưu mật khẩu mới và đăng nhập' }).click();
    // Every mistake at once, beside its field.
    await form.getByText('Hãy nhập tên đăng nhập hoặc số điện thoại.').waitFor();
    await form.getByText('Mã gồm 8 chữ và số, ví dụ K7QP-M2XD.').waitFor();
    await form.getByText('Mật khẩu cần ít nhất 8 ký tự.').waitFor();
    expect(await form.locator('[aria-invalid="true"]').count()).toBe(3);
    await checkScreen(an, 'reset-password-errors');
    await form.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('tnv-an');
    await form.getByLabel('Mã đặt lại (ví dụ K7QP-M2XD)').fill('AAAA-AAAA');
    await form.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Lưu mật khẩu mới và đăng nhập' }).click();
    await form.getByText('Hãy xin một mã mới.', { exact: false }).waitFor();
    await form.getByLabel('Mã đặt lại (ví dụ K7QP-M2XD)').fill(resetCode.toLowerCase());
    await form.getByRole('button', { name: 'Lưu mật khẩu mới và đăng nhập' }).click();
    await an.getByText('Đã đăng nhập: An').waitFor();
    await an
      .locator('.my-orgs')
      .getByRole('link', { name: new RegExp(TEAM) })
      .waitFor();
    await checkScreen(an, 'reset-password-signed-in');
  });

  it('a forgotten PIN is taken off by the account owner, with the account password', async () => {
    await an.goto(`${stack.origin}/settings`);
    await an.getByRole('button', { name: 'Đặt mã PIN' }).click();
    for (const round of [0, 1]) {
      for (const digit of '2468')
        await an.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
      if (round === 0) await an.getByText('Nhập lại mã PIN để chắc chắn').waitFor();
    }
    await an.getByText('Đã lưu mã PIN.').waitFor();
    await an.getByRole('button', { name: 'Đổi người học' }).click();
    await an.getByRole('button', { name: /^An/ }).click();
    await an.getByRole('button', { name: 'Quên mã PIN?' }).click();
    const form = formOf(an, 'Mở bằng tài khoản');
    await form.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('tnv-an');
    await form.getByLabel('Mật khẩu tài khoản').fill(PASSWORD);
    await form.getByRole('button', { name: 'Bỏ mã PIN và mở hồ sơ' }).click();
    await form.getByText('Tên đăng nhập hoặc mật khẩu chưa đúng.').waitFor();
    await checkScreen(an, 'forgot-pin');
    await form.getByLabel('Mật khẩu tài khoản').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Bỏ mã PIN và mở hồ sơ' }).click();
    await an.waitForURL(`${stack.origin}/`);
    await an.goto(`${stack.origin}/settings`);
    await an.getByRole('button', { name: 'Đặt mã PIN' }).waitFor();
  });

  it('the admin sees the reset in the audit log, with ids and times only', async () => {
    await admin.goto(`${stack.origin}/admin`);
    const log = admin.locator('section', {
      has: admin.getByRole('heading', { name: 'Nhật ký hoạt động' }),
    });
    await log.getByLabel('Loại hoạt động').selectOption({ label: 'Đặt lại mật khẩu' });
    await log.locator('.audit-entry').first().waitFor();
    const entries = await log.locator('.audit-entry').allTextContents();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(
      /^Đặt lại mật khẩu\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}Người làm: [0-9a-f-]{36}/,
    );
    await log.getByLabel('Loại hoạt động').selectOption({ label: 'Tạo mã đặt lại mật khẩu' });
    await expect.poll(() => log.locator('.audit-entry').count()).toBe(1);
    await log.getByLabel('Loại hoạt động').selectOption({ label: 'Tất cả' });
    await log.locator('.audit-entry').nth(5).waitFor();
    const text = (await log.locator('.audit-log').textContent()) ?? '';
    for (const personal of ['An', 'Minh', 'Hoa', 'tnv-an', 'quan-tri', TEAM, AGENCY]) {
      expect(text).not.toContain(personal);
    }
    await checkScreen(admin, 'admin-audit');
  });
});
