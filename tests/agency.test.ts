import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import {
  courseStandings,
  exemptionsOf,
  isProgramme,
  programmeStanding,
  standingAssignments,
} from '../src/domain/assignments';
import { vietnamDay } from '../src/domain/vietnamTime';
import { COMPLIANCE_EXPORT_HEADERS, COMPLIANCE_STATUS_WORDS } from '../src/domain/compliance';
import {
  applyEvent,
  emptyProgress,
  isCourseEvent,
  type CourseProgress,
} from '../src/domain/progress';
import type { AssignmentRecord, LearningEvent } from '../src/protocol';
import { eventOfRow, type EventRecord } from '../server/services/events';
import { signedInPhone } from './support/account';
import { waitForServiceWorker } from './support/browser';
import { dumpDatabase } from './support/indexeddb';
import { openPhone } from './support/learner';
import { readQr } from './support/qr';
import { callApi } from './support/api';
import { seriousViolations } from './support/axe';
import { answerKey, answerQuestion } from './support/quiz';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-to-moi';
const DAY_MS = 24 * 60 * 60 * 1000;
const COMMUNE = '00004';
const UNITS = ['Văn phòng', 'Phòng Tư pháp', 'Phòng Kinh tế'];
const UNIT = UNITS[1]!;
const COURSES = [
  {
    id: 'digital-government-work',
    title: 'Chính quyền số: các nền tảng dùng chung trong công việc',
  },
  { id: 'e-documents-signatures', title: 'Văn bản điện tử và chữ ký số' },
];
const OFFICIALS_HEADING = 'Dành cho cán bộ, công chức, viên chức';
const PROGRAMME = 'Kỹ năng số cơ bản cho cán bộ, công chức — 2026';
const STAFF = Array.from({ length: 50 }, (_, i) => ({
  number: `CB${String(i + 1).padStart(3, '0')}`,
  name: `Nguyễn Thị Cán Bộ ${i + 1}`,
  unit: UNITS[i % 3]!,
  position: i % 10 === 1 ? 'Trưởng phòng' : 'Chuyên viên',
}));
/** dd/mm/yyyy of a day. */
const dmy = (day: string) => day.split('-').reverse().join('/');

async function staffXlsx(): Promise<Buffer> {
  const header = ['Số hiệu', 'Họ và tên', 'Phòng ban', 'Chức vụ', 'Số điện thoại'];
  const rows = STAFF.map((s) => [s.number, s.name, s.unit, s.position, '']);
  return writeXlsxFile([header, ...rows]).toBuffer();
}

describe('an agency imports 50 staff, assigns a programme to a unit and reads who finished', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let agencyId = '';
  let admin: Page;
  const cards = new Map<string, { username: string; password: string }>();
  const due = vietnamDay(new Date(Date.now() + 10 * DAY_MS));

  async function phone(login: string, password = PASSWORD): Promise<Page> {
    const { context, page } = await signedInPhone(stack.origin, login, password);
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
    const signUp = await callApi(stack.origin, '/api/auth/sign-up', {
      username: 'qt-so-noi-vu',
      displayName: 'Chị Mai',
      password: PASSWORD,
    });
    const token = String(signUp.body.accessToken);
    const adminId = String((signUp.body.account as unknown as { id: string }).id);
    // Agencies are created by a system administrator: the admin is one for a moment.
    await stack.db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [adminId]);
    const created = await callApi(
      stack.origin,
      '/api/orgs',
      { kind: 'agency', name: 'Sở Nội vụ', communeCode: COMMUNE },
      token,
    );
    await stack.db.query(`UPDATE accounts SET is_system_admin = false WHERE id = $1`, [adminId]);
    agencyId = String(created.body.id);
  });

  afterAll(async () => {
    vi.useRealTimers();
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('the admin imports 50 staff in 3 units from an Excel file and gets their cards', async () => {
    admin = await phone('qt-so-noi-vu');
    await admin.goto(`${stack.origin}/orgs/${agencyId}`);
    await admin.getByRole('heading', { name: 'Nhập danh sách cán bộ' }).waitFor();
    await admin.getByLabel('Chọn tệp danh sách').setInputFiles({
      name: 'can-bo.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await staffXlsx(),
    });
    await admin.getByText('Tệp can-bo.xlsx có 50 cán bộ, không có lỗi.').waitFor();
    await checkScreen(admin, 'agency-import-ready');
    await admin.getByRole('button', { name: 'Nhập 50 cán bộ vào cơ quan' }).click();
    await admin.waitForURL(/\/cards$/);
    const cardList = admin.locator('.sign-in-card');
    await expect.poll(() => cardList.count()).toBe(50);
    for (let i = 0; i < 50; i += 1) {
      const card = cardList.nth(i);
      const name = await card.locator('.sign-in-card-name').innerText();
      cards.set(name, {
        username: await card.locator('dd').nth(0).innerText(),
        password: await card.locator('dd').nth(1).innerText(),
      });
    }
    await admin.getByText(`Số hiệu CB002 — ${UNIT}`).waitFor();
    await admin.getByText('Mật khẩu của 50 cán bộ chỉ hiện lần này', { exact: false }).waitFor();
    await admin.getByRole('link', { name: 'Về cơ quan' }).waitFor();
    await checkScreen(admin, 'agency-cards');
    const units = await stack.db.query<{ name: string }>(
      `SELECT name FROM agency_units WHERE organisation_id = $1 ORDER BY name`,
      [agencyId],
    );
    expect(units.map((u) => u.name)).toEqual([...UNITS].sort((a, b) => a.localeCompare(b)));
  });

  it('the admin assigns a two-course programme to one unit with a due date', async () => {
    await admin.goto(`${stack.origin}/orgs/${agencyId}/assignments`);
    const form = admin.locator('form', { hasText: 'Giao chương trình bắt buộc' });
    await form.getByLabel('Tên chương trình').fill(PROGRAMME);
    // The officials' courses come ticked; keep the two of this programme.
    const boxes = form.locator('input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i += 1) {
      const label = await boxes.nth(i).locator('xpath=..').innerText();
      const wanted = COURSES.some((c) => c.title === label.trim());
      if ((await boxes.nth(i).isChecked()) !== wanted) await boxes.nth(i).click();
    }
    // Each staff member can be given a programme alone, too.
    await expect
      .poll(() => form.getByRole('option', { name: /^Một người: / }).count())
      .toBe(STAFF.length);
    await form.getByLabel('Giao cho').selectOption({ label: `Phòng ban: ${UNIT}` });
    await form.getByLabel('Hạn hoàn thành').fill(due);
    await checkScreen(admin, 'agency-programme-form');
    await form.getByRole('button', { name: 'Giao chương trình' }).click();
    await form.getByText('Đã giao.', { exact: false }).waitFor();
    await expect
      .poll(
        async () =>
          (await stack.db.query(`SELECT 1 FROM assignments WHERE organisation_id = $1`, [agencyId]))
            .length,
        { timeout: 30_000 },
      )
      .toBe(1);
  });

  /** The three staff of the unit who learn: all of it, half of it, nothing. */
  const unitStaff = STAFF.filter((s) => s.unit === UNIT);
  const [finisher, midway, idle] = unitStaff as [
    (typeof STAFF)[number],
    (typeof STAFF)[number],
    (typeof STAFF)[number],
  ];

  /** The finisher's phone, kept for the programme certificate. */
  let finisherPhone: Page;

  async function takeQuiz(page: Page, courseId: string) {
    const key = answerKey(courseId);
    await page.goto(`${stack.origin}/courses/${courseId}/quiz`);
    for (let i = 0; i < key.size; i += 1) await answerQuestion(page, key, true);
  }

  it('three staff see it first on home, learn offline to different stages and sync', async () => {
    const title = `Bắt buộc — hạn ${dmy(due).slice(0, 5)}: ${PROGRAMME}`;
    for (const member of [finisher, midway, idle]) {
      const card = cards.get(member.name)!;
      const page = await phone(card.username, card.password);
      await page.goto(`${stack.origin}/`);
      const assigned = page.locator('.assigned-card', { hasText: title });
      await assigned.waitFor({ timeout: 30_000 });
      await assigned.getByText(`Còn 2 khoá: ${COURSES.map((c) => c.title).join(', ')}`).waitFor();
      if (member === finisher) {
        // An official's home: the programme, then the officials' courses; no citizen next step.
        // Read again until home knows the person is staff: until then the officials' courses
        // are drawn where a citizen sees them, after the others, and the next step may show.
        const headings = () => page.locator('main h1, main h2').allInnerTexts();
        await expect
          .poll(async () => {
            const order = await headings();
            const officials = order.indexOf(OFFICIALS_HEADING);
            return officials >= 0 && officials < order.indexOf('Khoá học');
          })
          .toBe(true);
        expect((await headings()).indexOf('Bài được giao')).toBe(0);
        await expect.poll(() => page.getByText('Bước tiếp theo').count()).toBe(0);
        await checkScreen(page, 'agency-staff-home');
      }
      await page.context().setOffline(true);
      await page.reload();
      await assigned.waitFor();
      if (member === finisher) {
        finisherPhone = page;
        await takeQuiz(page, COURSES[0]!.id);
        await takeQuiz(page, COURSES[1]!.id);
        await page.goto(`${stack.origin}/`);
        await assigned.getByText(`Đã xong ngày ${dmy(vietnamDay(new Date()))}`).waitFor();
        await checkScreen(page, 'agency-staff-done');
      } else if (member === midway) {
        await takeQuiz(page, COURSES[0]!.id);
        await page.goto(`${stack.origin}/`);
        await assigned.getByText(`Còn 1 khoá: ${COURSES[1]!.title}`).waitFor();
      }
      await page.context().setOffline(false);
    }
    // Synced by the engine once online: the finisher's and the midway's quizzes reach the server.
    await expect
      .poll(
        async () =>
          (
            await stack.db.query(
              `SELECT 1 FROM events WHERE type = 'quiz.completed' AND (payload->>'passed')::boolean`,
            )
          ).length,
        { timeout: 60_000 },
      )
      .toBe(3);
    // Three phones learning one after another: on a loaded machine it takes about 3 minutes.
  }, 300_000);

  it('the finisher asks offline for the programme certificate; signed online, it verifies offline by QR on another phone', async () => {
    const page = finisherPhone;
    await page.context().setOffline(true);
    await page.goto(`${stack.origin}/certificates`);
    await page.getByRole('heading', { name: 'Chương trình bắt buộc đã xong' }).waitFor();
    const form = page.locator('form', { hasText: PROGRAMME });
    await form.getByLabel('Tên in trên chứng chỉ').fill(finisher.name);
    await checkScreen(page, 'agency-programme-request');
    await form.getByRole('button', { name: 'Nhận chứng chỉ' }).click();
    await page.getByText('Đang chờ ký', { exact: true }).waitFor();
    await page.getByRole('heading', { name: PROGRAMME }).waitFor();

    // Online again: the account's engine sends the request, the server checks and signs.
    await page.context().setOffline(false);
    await page.locator('.certificate-qr').waitFor({ timeout: 60_000 });
    await page.getByText('đã hoàn thành chương trình').waitFor();
    await page.locator('.certificate-holder', { hasText: finisher.name }).waitFor();
    await checkScreen(page, 'agency-programme-certificate');
    const link = await readQr(page.locator('.certificate-qr'));
    const stored = await stack.db.query<{ id: string; assignment_id: string }>(
      `SELECT id, assignment_id FROM certificates WHERE assignment_id IS NOT NULL`,
    );
    expect(stored).toHaveLength(1);
    const dump = (await dumpDatabase(page)).certificates as { certificateId?: string }[];
    expect(dump.map((c) => c.certificateId)).toContain(stored[0]!.id);

    // Another phone that opened the app once checks it with no connection at all.
    const verifier = await openPhone(stack.origin, contexts);
    await waitForServiceWorker(verifier);
    await expect
      .poll(async () => (await dumpDatabase(verifier)).issuerKeys?.length ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await verifier.context().setOffline(true);
    await verifier.goto(`${stack.origin}/verify`);
    await verifier.getByLabel('Mã chứng chỉ (bắt đầu bằng HS1:)').fill(link);
    await verifier.getByRole('button', { name: 'Kiểm tra mã' }).click();
    await verifier.getByRole('heading', { name: 'Chứng chỉ thật' }).waitFor({ timeout: 30_000 });
    await verifier.locator('.verify-claims', { hasText: finisher.name }).waitFor();
    await verifier.locator('.verify-claims', { hasText: PROGRAMME }).waitFor();
    await checkScreen(verifier, 'agency-programme-verified');
  });

  /** What the report must say, computed here from the raw records the server holds. */
  async function expectedRows(now: Date) {
    const records = await stack.db.query<{ record: AssignmentRecord }>(
      `SELECT record FROM assignments WHERE organisation_id = $1 ORDER BY seq`,
      [agencyId],
    );
    const programme = standingAssignments(records, null)
      .map((r) => r.record)
      .find(isProgramme)!;
    const exempted = exemptionsOf(records).get(programme.id) ?? new Map<string, string>();
    const people = await stack.db.query<{
      account_id: string;
      staff_number: string;
      display_name: string;
    }>(
      `SELECT s.account_id, s.staff_number, a.display_name FROM agency_staff s
       JOIN accounts a ON a.id = s.account_id JOIN agency_units u ON u.id = s.unit_id
       WHERE s.organisation_id = $1 AND u.name = $2 ORDER BY s.staff_number`,
      [agencyId, UNIT],
    );
    const events = await stack.db.query<EventRecord & { owner_id: string }>(
      `SELECT * FROM events ORDER BY server_seq`,
    );
    return people.map((person) => {
      const courses = new Map<string, CourseProgress>();
      for (const row of events.filter((e) => e.owner_id === `account:${person.account_id}`)) {
        const event: LearningEvent = eventOfRow(row);
        if (!isCourseEvent(event)) continue;
        const id = event.payload.courseId;
        courses.set(id, applyEvent(courses.get(id) ?? emptyProgress('', id), event));
      }
      const standing = programmeStanding(
        programme,
        courseStandings(courses),
        exempted.get(person.account_id),
        vietnamDay(now),
      );
      return {
        number: person.staff_number,
        name: person.display_name,
        status: COMPLIANCE_STATUS_WORDS[standing.status.kind],
        done: standing.done,
        total: standing.total,
      };
    });
  }

  async function reportXlsx(): Promise<unknown[][]> {
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: /Excel/ }).click(),
    ]);
    return readSheet(await readFile((await download.path())!));
  }

  async function openReport(unitFilter = true) {
    await admin.goto(`${stack.origin}/orgs/${agencyId}/compliance`);
    await admin.getByRole('heading', { name: 'Tiến độ học bắt buộc' }).waitFor();
    await admin.getByText('Theo những gì điện thoại', { exact: false }).waitFor();
    if (unitFilter) {
      await admin.getByLabel('Phòng ban').selectOption({ label: UNIT });
      await expect.poll(() => admin.locator('.compliance-card').count()).toBe(unitStaff.length);
    }
  }

  const sheetRows = (cells: unknown[][]) =>
    cells.slice(1).map((row) => ({
      number: row[0],
      name: row[1],
      status: row[7],
      done: row[8],
      total: row[9],
    }));

  it('the report and its Excel file equal what the raw records give', async () => {
    await openReport();
    await admin.getByText('Đã xong: 1').waitFor();
    await admin.getByText('Đang học: 1').waitFor();
    await admin.getByText(`Chưa bắt đầu: ${unitStaff.length - 2}`).waitFor();
    await checkScreen(admin, 'agency-report');
    const cells = await reportXlsx();
    expect(cells[0]).toEqual([...COMPLIANCE_EXPORT_HEADERS]);
    const expected = await expectedRows(new Date());
    expect(sheetRows(cells)).toEqual(expected);
    // The finisher's certificate: its day of issue and the link its QR holds.
    const finisherRow = cells.find((row) => row[0] === finisher.number)!;
    expect(finisherRow.slice(-2)).toEqual([
      new Date(`${vietnamDay(new Date())}T00:00:00Z`),
      expect.stringMatching(/\/V\/[A-Z2-7]+$/),
    ]);
    expect(cells.find((row) => row[0] === midway.number)!.slice(-2)).toEqual([null, null]);
    expect(expected.map((r) => r.status).filter((s) => s !== 'Chưa bắt đầu')).toEqual([
      'Đã xong',
      'Đang học',
    ]);
  });

  it('an exemption shows as exempt, and past the due date the unfinished are overdue', async () => {
    const card = admin.locator('.compliance-card', { hasText: idle.name });
    await card.getByRole('button', { name: `Miễn cho ${idle.name}` }).click();
    await card.getByLabel('Lý do miễn').fill('Nghỉ thai sản');
    await card.getByRole('button', { name: 'Lưu miễn' }).click();
    await card.getByText('Đã lưu.', { exact: false }).waitFor();
    await admin.getByRole('button', { name: 'Đồng bộ' }).click();
    await expect
      .poll(
        async () =>
          (await stack.db.query(`SELECT 1 FROM assignments WHERE action = 'exempt'`)).length,
        { timeout: 30_000 },
      )
      .toBe(1);
    await openReport();
    await admin.getByText('Được miễn: 1').waitFor();
    await card.getByText('Lý do miễn: Nghỉ thai sản').waitFor();

    // The server's clock (and the admin phone's) moves past the due date: only Date is faked.
    const later = new Date(Date.parse(`${due}T09:00:00+07:00`) + DAY_MS);
    vi.useFakeTimers({ toFake: ['Date'], now: later });
    await admin.clock.setFixedTime(later);
    await openReport();
    await admin.getByText(`Quá hạn: ${unitStaff.length - 2}`).waitFor();
    await admin.getByText('Đã xong: 1').waitFor();
    await admin.getByText('Được miễn: 1').waitFor();
    await checkScreen(admin, 'agency-report-overdue');
    const cells = await reportXlsx();
    expect(sheetRows(cells)).toEqual(await expectedRows(later));
    vi.useRealTimers();
  });

  it('a system admin gives Hà Nội to a province admin, who sees the agency’s figures only', async () => {
    const signUp = async (username: string, displayName: string) => {
      const response = await callApi(stack.origin, '/api/auth/sign-up', {
        username,
        displayName,
        password: PASSWORD,
      });
      return String((response.body.account as unknown as { id: string }).id);
    };
    const sysAdminId = await signUp('quan-tri-he-thong', 'Anh Quản Trị');
    await stack.db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [sysAdminId]);
    await signUp('qt-tinh-ha-noi', 'Chị Lan');
    const sysAdmin = await phone('quan-tri-he-thong');
    await sysAdmin.goto(`${stack.origin}/admin`);
    const form = sysAdmin.getByRole('form', { name: 'Giao quản trị tỉnh' });
    await form.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('qt-tinh-ha-noi');
    await form.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Thành phố Hà Nội' });
    await form.getByRole('button', { name: 'Giao tỉnh cho người này' }).click();
    await form.getByText('Đã giao Thành phố Hà Nội cho Chị Lan.').waitFor();
    await form.scrollIntoViewIfNeeded();
    await checkScreen(sysAdmin, 'admin-province-granted');

    // What the test computes from the raw records: the unit's people, by status.
    const rows = await expectedRows(new Date());
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    const expected = {
      staff: rows.length,
      not_started: count(COMPLIANCE_STATUS_WORDS.not_started),
      in_progress: count(COMPLIANCE_STATUS_WORDS.in_progress),
      done: count(COMPLIANCE_STATUS_WORDS.done),
      overdue: count(COMPLIANCE_STATUS_WORDS.overdue),
      exempt: count(COMPLIANCE_STATUS_WORDS.exempt),
    };
    expect(expected).toMatchObject({ done: 1, in_progress: 1, exempt: 1, overdue: 0 });
    const percent = `${Math.floor((expected.done * 100) / (expected.staff - expected.exempt))}%`;

    const provinceAdmin = await phone('qt-tinh-ha-noi');
    await provinceAdmin.goto(`${stack.origin}/account`);
    await provinceAdmin
      .getByRole('link', { name: /Tiến độ học bắt buộc — Thành phố Hà Nội/ })
      .click();
    await provinceAdmin
      .getByRole('heading', { name: 'Tiến độ học bắt buộc — Thành phố Hà Nội' })
      .waitFor();
    const card = provinceAdmin.locator(`[data-agency="${agencyId}"]`);
    await card.getByRole('heading', { name: PROGRAMME }).waitFor();
    const shown = async (key: string) =>
      (await card.locator(`dd[data-count="${key}"]`).first().textContent())?.trim();
    for (const [key, value] of Object.entries(expected)) {
      expect(await shown(key), key).toBe(String(value));
    }
    expect(await shown('percentDone')).toBe(percent);
    // One unit reached; its figures are the agency's. No name anywhere on the screen.
    await card.getByText('Từng phòng ban').click();
    await card.getByText(UNIT, { exact: true }).waitFor();
    const body = await provinceAdmin.locator('main').innerText();
    expect(body).not.toContain('Nguyễn Thị Cán Bộ');
    expect(body).not.toContain('CB0');
    await checkScreen(provinceAdmin, 'province-rollup');

    // The system admin reaches the nation, and Hà Nội from it.
    await sysAdmin.goto(`${stack.origin}/account`);
    await sysAdmin.getByRole('link', { name: /Tiến độ học bắt buộc cả nước/ }).click();
    const haNoi = sysAdmin.locator('[data-province="01"]');
    await haNoi.getByText('1 cơ quan').waitFor();
    expect((await haNoi.locator('dd[data-count="done"]').textContent())?.trim()).toBe(
      String(expected.done),
    );
    await checkScreen(sysAdmin, 'national-rollup');
    await haNoi.getByRole('link', { name: /Xem từng cơ quan/ }).click();
    await sysAdmin.locator(`[data-agency="${agencyId}"]`).waitFor();
  });
});
