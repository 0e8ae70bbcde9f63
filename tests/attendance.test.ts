import { parse } from 'csv-parse/sync';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src/protocol';
import { signedInPhone } from './support/account';
import { callApi, teacherWithClass } from './support/api';
import { seriousViolations } from './support/axe';
import { dumpDatabase } from './support/indexeddb';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-co-giao';
const CLASS = 'Lớp 7B Trường THCS Kim Liên';
const ROOM = 40;
const TOPIC = 'Dùng Zalo an toàn';
const name = (i: number) => `Lê Thị Học Viên ${String(i).padStart(2, '0')}`;

/** The three exceptions of the day, and how many taps each takes from "present". */
const EXCEPTIONS = [
  { learner: name(3), status: 'absent', word: 'Vắng', taps: 1 },
  { learner: name(17), status: 'late', word: 'Đi muộn', taps: 2 },
  { learner: name(38), status: 'excused', word: 'Vắng có phép', taps: 3 },
] as const;

describe('a teacher takes attendance for 40 offline, in at most 10 taps', () => {
  let stack: Stack;
  let context: BrowserContext;
  let teacher: Page;
  let classId = '';
  let teacherToken = '';
  let taps = 0;
  let day = '';

  /** Every tap of the teacher goes through here, so the test can count them. */
  async function tap(target: Locator) {
    taps += 1;
    await target.click();
  }

  const learnerButton = (page: Page, learner: string) =>
    page.locator('.mark-button').filter({ has: page.getByText(learner, { exact: true }) });

  /** axe clean and no sideways scroll at 360 and 320 px, with a screenshot of each to look at. */
  async function checkScreen(page: Page, screen: string) {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      expect(await seriousViolations(page), `${screen} at ${width}`).toEqual([]);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(sideways, `${screen} scrolls sideways at ${width}`).toBe(false);
      await captureScreen(page, `${width}-${screen}`);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  }

  async function marksOnServer() {
    return stack.db.query<{ display_name: string; status: string; pushed_by: string }>(
      `SELECT a.display_name, m.status, m.pushed_by FROM attendance_marks m
       JOIN accounts a ON a.id = m.learner_id WHERE m.class_id = $1 ORDER BY m.seq`,
      [classId],
    );
  }

  async function download(format: 'csv' | 'xlsx', month: string): Promise<Buffer> {
    const response = await fetch(
      `${stack.origin}/api/orgs/${classId}/attendance.${format}?month=${month}`,
      {
        headers: {
          authorization: `Bearer ${teacherToken}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
      },
    );
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  beforeAll(async () => {
    stack = await startStack();
    ({ token: teacherToken, classId } = await teacherWithClass(
      stack.origin,
      { username: 'co-giao-lan', displayName: 'Cô Lan', password: PASSWORD },
      CLASS,
    ));
    const rows = Array.from({ length: ROOM }, (_, i) => ({
      row: i + 2,
      fullName: name(i + 1),
      birthYear: '2013',
      phone: '',
    }));
    const imported = await callApi(
      stack.origin,
      `/api/orgs/${classId}/roster`,
      { rows },
      teacherToken,
    );
    expect(imported.status).toBe(201);
    ({ context, page: teacher } = await signedInPhone(stack.origin, 'co-giao-lan', PASSWORD));
    await teacher.setViewportSize({ width: 360, height: 740 });
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('opens the class once online: its 40 learners are kept on the phone, not its teacher', async () => {
    await teacher.goto(`${stack.origin}/orgs/${classId}`);
    await teacher.getByRole('heading', { name: CLASS }).waitFor();
    await expect
      .poll(async () => {
        const rosters = (await dumpDatabase(teacher)).classRosters as
          { learners: { displayName: string }[] }[] | undefined;
        return rosters?.[0]?.learners.length ?? 0;
      })
      .toBe(ROOM);
    const [roster] = (await dumpDatabase(teacher)).classRosters as {
      learners: { displayName: string }[];
    }[];
    expect(roster!.learners.map((l) => l.displayName)).not.toContain('Cô Lan');
  });

  it('offline: a new session, everyone present, three exceptions, saved in at most 10 taps', async () => {
    await teacher.context().setOffline(true);
    // Later, in the classroom with no connection: the class opens from the phone alone.
    await teacher.reload();
    await teacher.getByText('Cần có mạng', { exact: false }).waitFor();
    taps = 0;
    await tap(teacher.getByRole('link', { name: 'Điểm danh', exact: true }));
    await teacher.getByRole('heading', { name: 'Điểm danh buổi mới' }).waitFor();
    day = await teacher.getByLabel('Ngày học').inputValue();
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await teacher
      .getByText(`${ROOM} học viên: ${ROOM} có mặt, 0 vắng, 0 đi muộn, 0 vắng có phép`)
      .waitFor();
    await tap(teacher.getByLabel('Chủ đề buổi học'));
    await teacher.keyboard.type(TOPIC);
    for (const exception of EXCEPTIONS) {
      for (let i = 0; i < exception.taps; i += 1) {
        await tap(learnerButton(teacher, exception.learner));
      }
      await learnerButton(teacher, exception.learner).getByText(exception.word).waitFor();
    }
    await teacher
      .getByText(`${ROOM} học viên: 37 có mặt, 1 vắng, 1 đi muộn, 1 vắng có phép`)
      .waitFor();
    await checkScreen(teacher, 'attendance-session');
    await tap(teacher.getByRole('button', { name: 'Lưu điểm danh' }));
    await teacher.getByText('Đã lưu trên máy. Sẽ gửi lên khi có mạng.').waitFor();
    expect(taps).toBeLessThanOrEqual(10);
    // One session version and three marks wait: nobody else's status was written.
    await teacher.getByText('4 thay đổi đang chờ gửi.').waitFor();
    await checkScreen(teacher, 'attendance-sessions');
    expect(await marksOnServer()).toEqual([]);
  });

  it('back online, the engine syncs: the server holds the three marks, by the teacher', async () => {
    await teacher.context().setOffline(false);
    await expect.poll(async () => (await marksOnServer()).length, { timeout: 60_000 }).toBe(3);
    await teacher
      .getByText('thay đổi đang chờ gửi', { exact: false })
      .waitFor({ state: 'detached' });
    const marks = await marksOnServer();
    expect(marks.map((m) => [m.display_name, m.status])).toEqual(
      EXCEPTIONS.map((e) => [e.learner, e.status]),
    );
    const sessions = await stack.db.query<{ day: string; topic: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, record->>'topic' AS topic
       FROM class_session_versions WHERE class_id = $1`,
      [classId],
    );
    expect(sessions).toEqual([{ day, topic: TOPIC }]);
  });

  it('edits the session later: the new mark wins and the old one is kept', async () => {
    await tap(teacher.getByRole('link', { name: new RegExp(TOPIC) }));
    await teacher.getByRole('heading', { name: 'Sửa điểm danh' }).waitFor();
    await learnerButton(teacher, name(3)).getByText('Vắng', { exact: true }).waitFor();
    await tap(learnerButton(teacher, name(3)));
    await learnerButton(teacher, name(3)).getByText('Đi muộn').waitFor();
    await tap(teacher.getByRole('button', { name: 'Lưu điểm danh' }));
    await expect.poll(async () => (await marksOnServer()).length, { timeout: 60_000 }).toBe(4);
    const history = (await marksOnServer()).filter((m) => m.display_name === name(3));
    expect(history.map((m) => m.status)).toEqual(['absent', 'late']);
  });

  it('prints the month’s sheet and exports it; the files parse back to the same marks', async () => {
    const month = day.slice(0, 7);
    await tap(teacher.getByRole('link', { name: 'Bảng điểm danh theo tháng' }));
    const table = teacher.locator('.attendance-sheet');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(ROOM);
    await checkScreen(teacher, 'attendance-sheet');
    // As printed on A4 (190 mm between the margins is about 720 CSS px): no buttons, the grid.
    await teacher.setViewportSize({ width: 720, height: 1020 });
    await teacher.emulateMedia({ media: 'print' });
    await captureScreen(teacher, 'attendance-sheet-print');
    await teacher.emulateMedia({ media: 'screen' });
    await teacher.setViewportSize({ width: 360, height: 740 });

    const expected = new Map<string, string>([
      [name(3), 'Đi muộn'],
      [name(17), 'Đi muộn'],
      [name(38), 'Vắng có phép'],
    ]);
    const local = day.split('-').reverse().join('/');
    const csv = parse(await download('csv', month), { bom: true }) as string[][];
    expect(csv[0]).toEqual(['Họ và tên', 'Ngày', 'Chủ đề', 'Điểm danh']);
    expect(csv.slice(1)).toEqual(
      Array.from({ length: ROOM }, (_, i) => [
        name(i + 1),
        local,
        TOPIC,
        expected.get(name(i + 1)) ?? 'Có mặt',
      ]),
    );
    const sheet = await readSheet(await download('xlsx', month));
    expect(sheet.slice(1)).toEqual(
      csv
        .slice(1)
        .map(([learner, , topic, status]) => [
          learner,
          new Date(`${day}T00:00:00Z`),
          topic,
          status,
        ]),
    );
    // The printed grid says the same: each exception in its learner's row.
    for (const [learner, word] of expected) {
      const row = table
        .locator('tbody tr')
        .filter({ has: teacher.getByText(learner, { exact: true }) });
      await row.getByTitle(word).waitFor();
    }
  });
});
