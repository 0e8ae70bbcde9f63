import type { BrowserContext, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../src/lib/ids';
import { eventRecord, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src/protocol';
import { certificateRequest, neededRight, quizAttempt } from '../server/testkit/certificates';
import { signedInPhone } from './support/account';
import { callApi, teacherWithClass } from './support/api';
import { readQr } from './support/qr';
import { roomOf, rosterXlsx } from './support/roster';
import { checkScreens, printPreview } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-co-giao';
const CLASS = 'Lớp 6A Trường THCS Ba Đình';
const ROOM = 40;
const LEARNERS = roomOf(ROOM);

describe('a teacher enrols a room of 40 from an Excel file and prints its cards', () => {
  let stack: Stack;
  let context: BrowserContext;
  let teacher: Page;
  let classId = '';
  let teacherToken = '';
  let firstCard = { username: '', password: '' };

  beforeAll(async () => {
    stack = await startStack();
    ({ token: teacherToken, classId } = await teacherWithClass(
      stack.origin,
      { username: 'co-giao-ha', displayName: 'Cô Hà', password: PASSWORD },
      CLASS,
    ));
    ({ context, page: teacher } = await signedInPhone(stack.origin, 'co-giao-ha', PASSWORD));
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('a file with mistakes is refused whole, each row saying what is wrong', async () => {
    await teacher.goto(`${stack.origin}/orgs/${classId}`);
    await teacher.getByRole('heading', { name: CLASS }).waitFor();
    const bad = await writeXlsxFile([
      ['Họ và tên', 'Năm sinh', 'Số điện thoại'],
      ['Lê Thị Mai', 2012, null],
      ['Lê Thị Mai', 2012, null],
      ['Trần An', 'hai nghìn', '123'],
    ]).toBuffer();
    await teacher
      .getByLabel('Chọn tệp danh sách')
      .setInputFiles({ name: 'lop-6a.xlsx', mimeType: 'application/octet-stream', buffer: bad });
    await teacher.getByText('Dòng 3: trùng họ tên và năm sinh với dòng 2.').waitFor();
    await teacher.getByText('Dòng 4: năm sinh cần là năm có 4 chữ số, ví dụ 2012.').waitFor();
    await teacher.getByText(/^Dòng 4: số điện thoại không đúng/).waitFor();
    await checkScreens(teacher, 'roster-import-errors');
    const members = await callApi(
      stack.origin,
      `/api/orgs/${classId}/members`,
      undefined,
      teacherToken,
    );
    expect((members.body as unknown as unknown[]).length).toBe(1);
  });

  it('imports 40 from an Excel file and shows their sign-in cards once', async () => {
    await teacher.getByLabel('Chọn tệp danh sách').setInputFiles({
      name: 'lop-6a.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(LEARNERS),
    });
    await teacher.getByText(`Tệp lop-6a.xlsx có ${ROOM} học viên, không có lỗi.`).waitFor();
    await teacher.getByRole('button', { name: `Nhập ${ROOM} học viên vào lớp` }).click();
    await teacher.waitForURL(/\/cards$/);
    const cards = teacher.locator('.sign-in-card');
    await expect.poll(() => cards.count()).toBe(ROOM);
    // Every card has the room's join QR once the code is made.
    await expect.poll(() => teacher.locator('.sign-in-card img').count()).toBe(ROOM);
    await teacher.getByText('chỉ hiện lần này và không được lưu', { exact: false }).waitFor();
    await checkScreens(teacher, 'roster-cards');
    await printPreview(teacher, 'roster-cards-print');

    // A learner signs in with what their card says (and by the phone the file gave).
    const first = cards.first();
    const username = await first.locator('dd').nth(0).innerText();
    const password = await first.locator('dd').nth(1).innerText();
    firstCard = { username, password };
    await expect(first.locator('.sign-in-card-name').innerText()).resolves.toBe(LEARNERS[0]!.name);
    const signIn = await callApi(stack.origin, '/api/auth/sign-in', { login: username, password });
    expect(signIn.status).toBe(200);
    const byPhone = await callApi(stack.origin, '/api/auth/sign-in', {
      login: '0912000100',
      password,
    });
    expect(byPhone.status).toBe(200);
  });

  it('the roster lists the 40 learners and does not count the teacher', async () => {
    await teacher.getByRole('link', { name: 'Về lớp' }).click();
    await teacher.getByText(`${ROOM} học viên`, { exact: true }).waitFor();
    const rows = teacher.locator('.member-row');
    await expect.poll(() => rows.count()).toBe(ROOM + 1);
    await expect.poll(() => rows.filter({ hasText: 'Học viên' }).count()).toBe(ROOM);
    await checkScreens(teacher, 'roster-imported');
    // The passwords were in memory only: the cards page has none to show now.
    await teacher.goto(`${stack.origin}/orgs/${classId}/cards`);
    await teacher
      .getByText('Mật khẩu chỉ hiện ngay sau khi nhập danh sách lớp', { exact: false })
      .waitFor();
    expect(await teacher.locator('.sign-in-card').count()).toBe(0);
  });

  it('prints the certificates the class earned, each with its verify QR', async () => {
    const learner = await callApi(stack.origin, '/api/auth/sign-in', {
      login: firstCard.username,
      password: firstCard.password,
    });
    const learnerToken = learner.body.accessToken as unknown as string;
    // The teacher earns one too: staff are not the class's learners, so it is not printed.
    for (const [token, name] of [
      [learnerToken, LEARNERS[0]!.name],
      [teacherToken, 'Cô Hà'],
    ] as const) {
      const deviceId = newRandomId();
      const profileId = newRandomId();
      const pushed = await fetch(`${stack.origin}/api/sync/push`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
        body: JSON.stringify({
          protocolVersion: PROTOCOL_VERSION,
          deviceId,
          records: [
            ...quizAttempt(deviceId, profileId, neededRight(), true),
            certificateRequest(deviceId, profileId, name),
          ].map(eventRecord),
        }),
      });
      expect(pushed.status).toBe(200);
    }
    await teacher.goto(`${stack.origin}/orgs/${classId}`);
    await teacher.getByRole('link', { name: 'In chứng chỉ của cả lớp' }).click();
    await teacher.getByRole('heading', { name: 'Chứng chỉ của lớp' }).waitFor();
    const papers = teacher.locator('.certificate-paper');
    await expect.poll(() => papers.count()).toBe(1);
    await expect(papers.first().locator('.certificate-holder').innerText()).resolves.toBe(
      LEARNERS[0]!.name,
    );
    // Its QR, read from the printed image, opens the app's verify screen, which finds it real.
    const link = await readQr(papers.first().locator('img.certificate-qr'));
    const verify = await teacher.context().newPage();
    await verify.goto(link);
    await verify.getByText('Chứng chỉ thật', { exact: true }).waitFor();
    await verify.getByText(LEARNERS[0]!.name).waitFor();
    await verify.close();
    await checkScreens(teacher, 'class-certificates');
    await printPreview(teacher, 'class-certificates-print');
  });
});
