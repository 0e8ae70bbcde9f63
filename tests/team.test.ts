import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_LABELS, VISIT_EXPORT_HEADERS } from '../src/domain/visits/exportRows';
import { signedInPhone } from './support/account';
import { callApi } from './support/api';
import { seriousViolations } from './support/axe';
import { dumpDatabase } from './support/indexeddb';
import { COURSE_TITLE } from './support/learner';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';
import {
  expectedFigures,
  fillVisit,
  logVisit,
  readDashboard,
  twentyVisits,
  type VisitSpec,
} from './support/team';

const PASSWORD = 'mat-khau-to-cns';
const TEAM = 'Tổ công nghệ số Ba Đình';
const visits = twentyVisits('2026-11-20', '2026-10-15');
const finalized = visits.filter((v) => !v.draft);
const X = visits[0]!;

describe('community tech team: a volunteer on two phones, and the team leader', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let volunteerId = '';
  let phoneA: Page;

  const api = async (path: string, body?: unknown, token?: string) =>
    (await callApi(stack.origin, path, body, token)).body;

  async function signUp(username: string, displayName: string) {
    const body = await api('/api/auth/sign-up', { username, displayName, password: PASSWORD });
    return {
      token: body.accessToken as unknown as string,
      id: (body.account as unknown as { id: string }).id,
    };
  }

  /** A phone signed in to the account, with the team log open (made under the account's password). */
  async function phone(login: string): Promise<Page> {
    const { context, page } = await signedInPhone(stack.origin, login, PASSWORD);
    contexts.push(context);
    await page.getByRole('link', { name: 'Học Số' }).click();
    await page.getByRole('link', { name: /Tổ công nghệ số/ }).click();
    await page.getByLabel('Mật khẩu tài khoản').fill(PASSWORD);
    await page.getByRole('button', { name: 'Mở sổ' }).click();
    await page.getByRole('heading', { name: TEAM }).waitFor();
    return page;
  }

  const visitLink = (page: Page, spec: VisitSpec) =>
    page.locator('.visit-list a', { hasText: new RegExp(`· ${spec.name}(?!\\d)`) });

  beforeAll(async () => {
    stack = await startStack();
    const leader = await signUp('to-truong-hai', 'Anh Hải');
    const volunteer = await signUp('tnv-lan', 'Chị Lan');
    volunteerId = volunteer.id;
    const team = await api(
      '/api/orgs',
      { kind: 'team', name: TEAM, communeCode: '00004' },
      leader.token,
    );
    const code = await api(`/api/orgs/${team.id}/join-codes`, { role: 'volunteer' }, leader.token);
    await api('/api/join', { code: code.code }, volunteer.token);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('phone A logs 20 visits offline: drafts and finalized, personal fields sealed at rest', async () => {
    phoneA = await phone('tnv-lan');
    expect(await seriousViolations(phoneA), 'empty list').toEqual([]);
    await phoneA.context().setOffline(true);
    for (const [i, spec] of visits.entries()) {
      if (i === 1) {
        // The form as a volunteer sees it at the door: looked at, and checked with axe.
        await phoneA.getByRole('link', { name: 'Ghi lượt mới' }).click();
        await fillVisit(phoneA, spec);
        expect(await seriousViolations(phoneA), 'log form').toEqual([]);
        await captureScreen(phoneA, '360-team-form');
        await phoneA.getByRole('button', { name: 'Hoàn tất' }).click();
        await phoneA.getByRole('link', { name: 'Ghi lượt mới' }).waitFor();
      } else {
        await logVisit(phoneA, spec);
      }
    }
    await phoneA.getByText(`${finalized.length} lượt chờ gửi`).waitFor();
    expect(await phoneA.locator('.visit-list .status-draft').count()).toBe(4);
    expect(await phoneA.locator('.visit-list .status-waiting').count()).toBe(16);

    const raw = JSON.stringify(await dumpDatabase(phoneA));
    for (const spec of visits) {
      for (const secret of [spec.name, spec.phone, spec.note, spec.reason, spec.village]) {
        if (secret) expect(raw).not.toContain(secret);
      }
    }
    expect(raw).not.toContain('Tày');
    expect(raw).not.toContain(PASSWORD);
    expect(await seriousViolations(phoneA), 'list with drafts').toEqual([]);
    await captureScreen(phoneA, '360-team-list');
  });

  it('phone A syncs when the connection returns; every finalized visit is sent', async () => {
    await phoneA.context().setOffline(false);
    await phoneA.getByText('Đã gửi hết.').waitFor({ timeout: 60_000 });
    expect(await phoneA.locator('.visit-list .status-sent').count()).toBe(16);
    const rows = await stack.db.query<{ n: number }>(
      'SELECT count(DISTINCT visit_id)::int AS n FROM team_visit_versions',
    );
    expect(rows[0]?.n).toBe(16);
  });

  it('phone B gets the same records, amends one; phone A amends it too, offline: a conflict', async () => {
    const phoneB = await phone('tnv-lan');
    await phoneB.getByRole('button', { name: 'Gửi lên máy chủ' }).click();
    await expect.poll(() => phoneB.locator('.visit-list .status-sent').count()).toBe(16);
    await visitLink(phoneB, X).click();
    await phoneB.getByRole('button', { name: 'Sửa' }).click();
    await phoneB.getByRole('heading', { name: 'Sửa lượt hỗ trợ (bản 2)' }).waitFor();
    await phoneB
      .getByRole('group', { name: 'Mất bao lâu' })
      .getByRole('radio', { name: '30 phút' })
      .check();
    await phoneB.getByRole('button', { name: 'Hoàn tất' }).click();
    await phoneB.getByText('Đã gửi hết.').waitFor({ timeout: 60_000 });

    await phoneA.context().setOffline(true);
    await visitLink(phoneA, X).click();
    await phoneA.getByRole('button', { name: 'Sửa' }).click();
    await phoneA
      .getByRole('group', { name: 'Kết quả' })
      .getByRole('radio', { name: 'Được một phần' })
      .check();
    await phoneA.getByLabel('Vì sao chưa xong').fill('Chưa mang căn cước');
    await phoneA.getByRole('button', { name: 'Hoàn tất' }).click();
    await phoneA.getByText('1 lượt chờ gửi').waitFor();
    await phoneA.context().setOffline(false);
    await visitLink(phoneA, X).locator('.status-conflict').waitFor({ timeout: 60_000 });
  });

  it('the leader’s dashboard equals the figures counted from the raw records', async () => {
    const leader = await phone('to-truong-hai');
    await leader.getByRole('link', { name: 'Số liệu của tổ' }).click();
    await leader.getByText(/^Số liệu tính đến lần đồng bộ lúc \d\d:\d\d$/).waitFor();
    // Phone B's amendment reached the server first, so it is the head until the leader chooses.
    const withB = finalized.map((v) => (v === X ? { ...X, minutes: 30 } : v));
    expect(await readDashboard(leader)).toEqual(expectedFigures(withB, volunteerId));
    expect(await leader.locator('[data-total="openConflicts"]').textContent()).toBe('1');
    expect(await seriousViolations(leader), 'dashboard').toEqual([]);
    await captureScreen(leader, '360-team-dashboard');

    await leader.goBack();
    await leader.getByRole('link', { name: 'Bản sửa trùng nhau' }).click();
    const sides = leader.locator('.conflict-side');
    await expect.poll(() => sides.count()).toBe(2);
    await sides.filter({ hasText: 'Chưa mang căn cước' }).getByText('Được một phần').waitFor();
    expect(await seriousViolations(leader), 'conflicts').toEqual([]);
    await captureScreen(leader, '360-team-conflicts');
    await sides
      .filter({ hasText: 'Chưa mang căn cước' })
      .getByRole('button', { name: 'Chọn bản này' })
      .click();
    await leader.getByText('Đã chọn. Bản còn lại được giữ trong lịch sử.').waitFor();
    await leader.getByText('Không có bản sửa trùng nhau nào.').waitFor();

    await leader.goBack();
    await leader.getByRole('link', { name: 'Số liệu của tổ' }).click();
    const withA = finalized.map((v) =>
      v === X ? { ...X, outcome: 'partly' as const, reason: 'Chưa mang căn cước' } : v,
    );
    expect(await readDashboard(leader)).toEqual(expectedFigures(withA, volunteerId));

    // The exports hold exactly the sixteen records, with the chosen version of the amended one.
    const expectedRows = withA
      .map((v) => [
        v.name,
        v.village,
        v.minutes,
        v.phone ?? '',
        OUTCOME_LABELS[v.outcome],
        v.reason ?? '',
      ])
      .sort();
    const project = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) => [
          r['Tên hoặc chữ viết tắt'],
          r['Thôn/tổ'],
          Number(r['Số phút']),
          String(r['Số điện thoại'] ?? ''),
          r['Kết quả'],
          String(r['Lý do'] ?? ''),
        ])
        .sort();
    const download = async (name: string) => {
      const [file] = await Promise.all([
        leader.waitForEvent('download'),
        leader.getByRole('button', { name }).click(),
      ]);
      return readFileSync((await file.path())!);
    };
    const csv = parse(await download('Tải về CSV'), { bom: true }) as string[][];
    expect(csv[0]).toEqual(VISIT_EXPORT_HEADERS);
    const csvRows = csv
      .slice(1)
      .map((row) => Object.fromEntries(row.map((c, i) => [csv[0]![i], c])));
    expect(csvRows).toHaveLength(16);
    expect(project(csvRows)).toEqual(expectedRows);
    const sheet = await readSheet(await download('Tải về Excel'));
    expect(sheet[0]).toEqual(VISIT_EXPORT_HEADERS);
    const xlsxRows = sheet
      .slice(1)
      .map((row) => Object.fromEntries(row.map((c, i) => [String(sheet[0]![i]), c ?? ''])));
    expect(project(xlsxRows)).toEqual(expectedRows);
    expect(xlsxRows.find((r) => r['Tên hoặc chữ viết tắt'] === X.name)?.['Phiên bản']).toBe(2);
    expect(csvRows.every((r) => /^\d\d\/\d\d\/2026$/.test(r['Ngày giúp']!))).toBe(true);

    // Last month only (as of 29 November 2026): the figures and the export hold just those days.
    await leader.clock.setFixedTime(new Date('2026-11-29T10:00:00+07:00'));
    await leader.getByLabel('Thời gian').selectOption({ label: 'Tháng trước' });
    const october = withA.filter((v) => v.date.startsWith('2026-10'));
    await expect
      .poll(() => leader.locator('[data-total="total"]').textContent())
      .toBe(String(october.length));
    expect(await readDashboard(leader)).toEqual(expectedFigures(october, volunteerId));
    const octoberCsv = parse(await download('Tải về CSV'), { bom: true }) as string[][];
    expect(
      octoberCsv.slice(1).map((row) => row[VISIT_EXPORT_HEADERS.indexOf('Ngày giúp')]),
    ).toEqual(october.map(() => '15/10/2026'));
    await captureScreen(leader, '360-team-dashboard-last-month');

    // Each volunteer's activity, and a join code with its QR for new members, on the roster
    // every kind of organisation shares.
    await leader.goBack();
    await leader.getByRole('link', { name: 'Thành viên và mã tham gia' }).click();
    await leader
      .locator('.member-list li', { hasText: 'Chị Lan' })
      .getByText(/16 lượt/)
      .waitFor();
    await leader.getByRole('button', { name: 'Tạo mã tham gia' }).click();
    await leader.locator('.join-code-qr').waitFor();
    expect(await leader.locator('.join-code-text').textContent()).toMatch(
      /^[A-Z2-9]{4}-[A-Z2-9]{4}$/,
    );
    expect(await seriousViolations(leader), 'roster').toEqual([]);
    await leader.goBack();
    await leader.getByRole('link', { name: 'Các lượt cần xem' }).click();
    await expect.poll(() => leader.locator('.review-list > li').count()).toBe(16);
    expect(await seriousViolations(leader), 'review').toEqual([]);
  });

  it('a wrong password cannot open the log; signing out leaves no team data', async () => {
    await phoneA.getByRole('button', { name: 'Khóa sổ' }).click();
    await phoneA.getByLabel('Mật khẩu tài khoản').fill('sổ của ai đó');
    await phoneA.getByRole('button', { name: 'Mở sổ' }).click();
    await phoneA.getByText('Mật khẩu chưa đúng.').waitFor();
    expect(await phoneA.locator('.visit-list').count()).toBe(0);
    expect(await seriousViolations(phoneA), 'unlock').toEqual([]);
    await phoneA.getByLabel('Mật khẩu tài khoản').fill(PASSWORD);
    await phoneA.getByRole('button', { name: 'Mở sổ' }).click();
    await phoneA.getByRole('heading', { name: TEAM }).waitFor();
    expect(await phoneA.locator('.visit-list .status-draft').count()).toBe(4);

    await phoneA.goto(`${stack.origin}/account`);
    await phoneA.getByRole('button', { name: 'Đăng xuất trên máy này' }).click();
    await phoneA.getByLabel('Tên đăng nhập hoặc số điện thoại').waitFor();
    const dump = await dumpDatabase(phoneA);
    for (const table of ['teamVaults', 'teamMemberships', 'visitDrafts', 'visitVersions']) {
      expect(dump[table], table).toEqual([]);
    }
    expect(JSON.stringify(dump)).not.toContain(TEAM);
    await phoneA.goto(stack.origin);
    await phoneA
      .getByRole('link', { name: new RegExp(COURSE_TITLE) })
      .first()
      .waitFor();
    expect(await phoneA.getByRole('link', { name: /Tổ công nghệ số/ }).count()).toBe(0);
  });
});
