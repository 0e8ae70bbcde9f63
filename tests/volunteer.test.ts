import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIT_EXPORT_HEADERS } from '../src/domain/visits/exportRows';
import { signedInPhone } from './support/account';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import { readQr } from './support/qr';
import { callApi } from './support/api';
import { seriousViolations } from './support/axe';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-to-cns';
const PIN = '1357';
const TEAM = 'Tổ công nghệ số Ba Đình';
const COMMENT = 'Ghi rõ ngân hàng nào và đã mở được tài khoản chưa';

/** One visit as the volunteer logs it, in a category of the new list (with a walkthrough or not). */
interface Visit {
  name: string;
  category: string;
  walkthrough?: string;
  outcome: 'Xong' | 'Được một phần' | 'Chuyển nơi khác';
  reason?: string;
  minutes: 5 | 10 | 15 | 30;
  /** The category's name in the export. */
  exported: string;
}

const VISITS: Visit[] = [
  {
    name: 'Bà Năm',
    category: 'VNeID',
    walkthrough: 'Tạo tài khoản VNeID (mức 1) và biết mức 2 cần gì',
    outcome: 'Xong',
    minutes: 15,
    exported: 'VNeID',
  },
  {
    name: 'Ông Sáu',
    category: 'Ngân hàng, thanh toán',
    outcome: 'Xong',
    minutes: 10,
    exported: 'Ngân hàng, thanh toán',
  },
  {
    name: 'Chị Bảy',
    category: 'Nhắn tin, gọi điện',
    outcome: 'Được một phần',
    reason: 'Máy hết dung lượng',
    minutes: 30,
    exported: 'Nhắn tin, gọi điện',
  },
  {
    name: 'Cô Tám',
    category: 'Lừa đảo qua mạng',
    outcome: 'Chuyển nơi khác',
    reason: 'Chuyển công an xã',
    minutes: 15,
    exported: 'Lừa đảo qua mạng',
  },
  {
    name: 'Anh Chín',
    category: 'Cài đặt điện thoại',
    outcome: 'Xong',
    minutes: 5,
    exported: 'Cài đặt điện thoại',
  },
];
const SENT_BACK = VISITS[1]!;

describe('the volunteer’s log: unlock once a day, categories, focus, and the leader’s review', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let volunteer: Page;
  let leader: Page;
  /** The learner's profile QR, as a photo the volunteer's phone reads, and what it holds. */
  const learnerQrPhoto = 'tests/artifacts/learner-qr-photo.png';
  let learnerRef = '';

  const api = async (path: string, body?: unknown, token?: string) =>
    (await callApi(stack.origin, path, body, token)).body;

  /** axe clean and no sideways scroll at 360 and 320 px, with a screenshot of each to look at. */
  async function checkScreen(page: Page, name: string) {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
      await captureScreen(page, `${width}-${name}`);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  }

  const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

  /** Opens the team log from home (the account's password the first time on this phone). */
  async function openLog(page: Page) {
    await page.getByRole('link', { name: 'Học Số' }).click();
    await page.getByRole('link', { name: /Tổ công nghệ số/ }).click();
    await page.getByLabel('Mật khẩu tài khoản').fill(PASSWORD);
    await page.getByRole('button', { name: 'Mở sổ' }).click();
    await page.getByRole('heading', { name: TEAM }).waitFor();
  }

  async function fill(page: Page, visit: Visit, withReason = true) {
    const search = page.getByLabel('Xã, phường — Tìm xã, phường');
    if (await search.isVisible()) {
      await search.fill('ba dinh');
      await page.getByRole('button', { name: /^Phường Ba Đình/ }).click();
    }
    await group(page, 'Đã giúp việc gì')
      .getByRole('checkbox', { name: visit.category, exact: true })
      .check();
    if (visit.walkthrough) {
      await group(page, `${visit.category}: hướng dẫn nào? (không bắt buộc)`)
        .getByRole('checkbox', { name: visit.walkthrough, exact: true })
        .check();
    }
    await group(page, 'Kết quả').getByRole('radio', { name: visit.outcome, exact: true }).check();
    if (visit.reason && withReason) await page.getByLabel('Vì sao chưa xong').fill(visit.reason);
    await group(page, 'Mất bao lâu')
      .getByRole('radio', { name: `${visit.minutes} phút`, exact: true })
      .check();
    await page.getByLabel('Tên gọi hoặc chữ viết tắt (không bắt buộc)').fill(visit.name);
    const village = page.getByLabel('Thôn, tổ dân phố');
    if (!(await village.inputValue())) await village.fill('Tổ 7');
    await page
      .getByRole('checkbox', { name: 'Người được giúp đồng ý cho ghi lại', exact: true })
      .check();
  }

  beforeAll(async () => {
    stack = await startStack();
    const signUp = async (username: string, displayName: string) =>
      (await api('/api/auth/sign-up', {
        username,
        displayName,
        password: PASSWORD,
      })) as unknown as { accessToken: string };
    const lead = await signUp('to-truong-ha', 'Anh Hà');
    const lan = await signUp('tnv-lan', 'Chị Lan');
    const team = await api(
      '/api/orgs',
      { kind: 'team', name: TEAM, communeCode: '00004' },
      lead.accessToken,
    );
    const code = await api(
      `/api/orgs/${String(team.id)}/join-codes`,
      { role: 'volunteer' },
      lead.accessToken,
    );
    await api('/api/join', { code: code.code }, lan.accessToken);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('a volunteer opens the log once a day with the password; after a reload, the PIN', async () => {
    ({ page: volunteer } = await signedInPhone(stack.origin, 'tnv-lan', PASSWORD).then((p) => {
      contexts.push(p.context);
      return p;
    }));
    await volunteer.goto(`${stack.origin}/settings`);
    await volunteer.getByRole('button', { name: 'Đặt mã PIN' }).click();
    for (const round of [0, 1]) {
      for (const digit of PIN)
        await volunteer.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
      if (round === 0) await volunteer.getByText('Nhập lại mã PIN để chắc chắn').waitFor();
    }
    await volunteer.getByText('Đã lưu mã PIN.').waitFor();
    await openLog(volunteer);

    // A reload drops the key from memory: the day's unlock reopens it with the profile's PIN.
    await volunteer.goto(`${stack.origin}/team`);
    await volunteer.getByRole('heading', { name: 'Sổ ghi của tổ' }).waitFor();
    const pin = volunteer.getByLabel('Mã PIN của hồ sơ (4 số)');
    await pin.waitFor();
    expect(await volunteer.getByLabel('Mật khẩu tài khoản').count()).toBe(0);
    await pin.fill('0000');
    await volunteer.getByRole('button', { name: 'Mở sổ' }).click();
    await volunteer.getByText('Mã PIN chưa đúng.').waitFor();
    await checkScreen(volunteer, 'volunteer-unlock-pin');
    await pin.fill(PIN);
    await volunteer.getByRole('button', { name: 'Mở sổ' }).click();
    await volunteer.getByRole('heading', { name: TEAM }).waitFor();
  });

  it('a learner shows their profile QR on their own phone', async () => {
    const context = await openBrowser(newProfileDir());
    contexts.push(context);
    const learner = await firstPage(context);
    await learner.goto(`${stack.origin}/settings`);
    await waitForServiceWorker(learner);
    await learner.getByRole('button', { name: 'Hiện mã QR của tôi' }).click();
    const image = learner.locator('section', { hasText: 'Mã QR của tôi' }).getByRole('img');
    const text = await readQr(image);
    // Minimal: the profile's random id on that phone and the name it goes by, nothing else.
    expect(text).toMatch(/^HSL1:[0-9a-f-]{36}:/);
    learnerRef = text.split(':')[1]!;
    await checkScreen(learner, 'learner-profile-qr');
    mkdirSync('tests/artifacts', { recursive: true });
    await image.screenshot({ path: learnerQrPhoto });
  });

  it('logs 5 visits across the new categories; a missing reason takes the focus', async () => {
    for (const visit of VISITS) {
      await volunteer.getByRole('link', { name: 'Ghi lượt mới' }).click();
      await volunteer.getByRole('heading', { name: 'Ghi lượt hỗ trợ' }).waitFor();
      if (visit === VISITS[0]) {
        // The person helped has the app: the volunteer reads their profile QR from a photo.
        const scan = volunteer.locator('fieldset', {
          hasText: 'Người được giúp có ứng dụng Học Số?',
        });
        await scan.locator('input[type="file"]').setInputFiles(learnerQrPhoto);
        await scan.getByText('Đã điền tên và mã học viên từ mã QR.').waitFor();
        await volunteer.getByText('Thêm thông tin').click();
        expect(await volunteer.getByLabel('Mã học viên (từ mã QR hồ sơ)').inputValue()).toBe(
          learnerRef,
        );
      }
      if (visit.reason && visit.outcome === 'Được một phần') {
        await fill(volunteer, visit, false);
        await volunteer.getByRole('button', { name: 'Hoàn tất' }).click();
        const reason = volunteer.getByLabel('Vì sao chưa xong');
        await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
        // Scrolled to: the field is inside the phone's screen, not below the buttons.
        const box = (await reason.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(740);
        expect(await reason.getAttribute('aria-invalid')).toBe('true');
        await checkScreen(volunteer, 'volunteer-missing-reason');
        await reason.fill(visit.reason);
      } else {
        await fill(volunteer, visit);
        if (visit === VISITS[0]) await checkScreen(volunteer, 'volunteer-categories');
      }
      await volunteer.getByRole('button', { name: 'Hoàn tất' }).click();
      await volunteer.getByRole('link', { name: 'Ghi lượt mới' }).waitFor();
    }
    await volunteer.getByText('Đã gửi hết.').waitFor({ timeout: 60_000 });
    expect(await volunteer.locator('.visit-list .status-sent').count()).toBe(5);
  });

  it('the leader sends one back with a comment and approves the rest', async () => {
    const phone = await signedInPhone(stack.origin, 'to-truong-ha', PASSWORD);
    contexts.push(phone.context);
    leader = phone.page;
    await openLog(leader);
    await leader.getByRole('link', { name: 'Các lượt cần xem' }).click();
    const items = leader.locator('.review-list > li');
    await expect.poll(() => items.count()).toBe(5);
    for (const visit of VISITS) {
      const item = items.filter({ hasText: visit.name });
      if (visit === SENT_BACK) {
        await item.getByRole('button', { name: 'Trả lại' }).click();
        await item.getByRole('button', { name: 'Gửi trả lại' }).click();
        await item.getByText('Hãy ghi cần sửa gì để người ghi biết.').waitFor();
        await item.getByLabel('Cần sửa gì (người ghi sẽ đọc)').fill(COMMENT);
        await item.getByRole('button', { name: 'Gửi trả lại' }).click();
        await item.locator('.status-sent_back').waitFor();
      } else {
        await item.getByRole('button', { name: 'Duyệt' }).click();
        await item.locator('.status-approved').waitFor();
      }
    }
    await expect
      .poll(
        async () =>
          (await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM visit_reviews'))[0]
            ?.n,
        { timeout: 60_000 },
      )
      .toBe(5);
    await leader.getByText('(chờ gửi)').first().waitFor({ state: 'detached' });
    await checkScreen(leader, 'leader-review');
  });

  it('the volunteer sees the comment, on the visit and as a count on the log', async () => {
    await volunteer.getByRole('button', { name: 'Gửi lên máy chủ' }).click();
    await volunteer
      .getByText(
        '1 lượt bị tổ trưởng trả lại. Mở lượt có nhãn “Bị trả lại” để đọc nhận xét và sửa.',
      )
      .waitFor({ timeout: 60_000 });
    expect(await volunteer.locator('.visit-list .status-sent_back').count()).toBe(1);
    expect(await volunteer.locator('.visit-list .status-approved').count()).toBe(4);
    await checkScreen(volunteer, 'volunteer-sent-back-list');
    await volunteer.locator('.visit-list a', { hasText: SENT_BACK.name }).click();
    await volunteer.getByText(COMMENT).waitFor();
    await volunteer.getByText('Anh Hà trả lại bản 1:').waitFor();
    await checkScreen(volunteer, 'volunteer-comment');
  });

  it('the XLSX export has names, category names, local times and date cells', async () => {
    // A reload locks the log; a profile without a PIN reopens it with the account's password.
    await leader.goto(`${stack.origin}/team`);
    await leader.getByLabel('Mật khẩu tài khoản').fill(PASSWORD);
    await leader.getByRole('button', { name: 'Mở sổ' }).click();
    await leader.getByRole('link', { name: 'Số liệu của tổ' }).click();
    await leader.locator('table.figures').first().waitFor();
    const [file] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('button', { name: 'Tải về Excel' }).click(),
    ]);
    const sheet = await readSheet(readFileSync((await file.path())!));
    expect(sheet[0]).toEqual(VISIT_EXPORT_HEADERS);
    const rows = sheet
      .slice(1)
      .map((row) => Object.fromEntries(row.map((c, i) => [String(sheet[0]![i]), c])));
    expect(rows).toHaveLength(5);
    const byName = new Map(rows.map((r) => [r['Tên hoặc chữ viết tắt'], r]));
    for (const visit of VISITS) {
      const row = byName.get(visit.name)!;
      expect(row['Nhóm việc']).toBe(visit.exported);
      expect(row['Xã, phường']).toBe('Phường Ba Đình');
      expect(row['Tình nguyện viên']).toBe('Chị Lan');
      expect(row['Ngày giúp']).toBeInstanceOf(Date);
      // Times are Vietnam's wall clock (a spreadsheet knows no time zone): UTC+7 of now.
      const recorded = row['Ghi lúc (giờ Việt Nam)'] as unknown as Date;
      expect(recorded).toBeInstanceOf(Date);
      expect(Math.abs(recorded.getTime() - 7 * 3_600_000 - Date.now())).toBeLessThan(15 * 60_000);
    }
    expect(byName.get(VISITS[0]!.name)!['Dịch vụ']).toBe(`Hướng dẫn: ${VISITS[0]!.walkthrough!}`);
    expect(byName.get(SENT_BACK.name)!['Dịch vụ']).toBe('Ngân hàng, thanh toán');
    expect(byName.get(VISITS[0]!.name)!['Mã người học']).toBe(learnerRef);
    expect(byName.get('Chị Bảy')!['Lý do']).toBe('Máy hết dung lượng');
  });
});
