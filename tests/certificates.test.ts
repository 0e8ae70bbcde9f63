import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { waitForServiceWorker } from './support/browser';
import { dumpDatabase } from './support/indexeddb';
import { COURSE_PATH, openPhone } from './support/learner';
import { answerKey, answerQuestion } from './support/quiz';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const HOLDER = 'Nguyễn Thị Lan';

interface StoredCertificate {
  status: string;
  certificateId?: string;
  qr?: string;
}

/** A phone that opened the app once with a connection: the app, its content and its keys. */
async function phone(stack: Stack, contexts: BrowserContext[]): Promise<Page> {
  const page = await openPhone(stack.origin, contexts);
  await waitForServiceWorker(page);
  return page;
}

/** The paper size of each page of a PDF Chromium printed (A4 595x842 pt, A5 420x595 pt). */
function pdfPages(pdf: Buffer): string[] {
  const boxes = [
    ...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
  ];
  return boxes.map(([, width, height]) => {
    const [w, h] = [Math.round(Number(width)), Math.round(Number(height))];
    if (Math.abs(w - 595) <= 2 && Math.abs(h - 842) <= 2) return 'A4';
    if (Math.abs(w - 420) <= 2 && Math.abs(h - 595) <= 2) return 'A5';
    return `${w}x${h}`;
  });
}

/** Changes one character in the middle of a code to another of the base45 alphabet. */
function tamper(code: string): string {
  const at = Math.floor(code.length / 2);
  const swapped = code[at] === 'A' ? 'B' : 'A';
  return code.slice(0, at) + swapped + code.slice(at + 1);
}

describe('a certificate earned offline, signed online, checked offline on another phone', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const key = answerKey('smartphone-basics');
  let learner: Page;
  let verifier: Page;
  let screenshotOfCertificate: Buffer;
  let certificate: StoredCertificate;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('the learner masters a course offline: waiting to be signed, then signed once online', async () => {
    learner = await phone(stack, contexts);
    await learner.context().setOffline(true);
    await learner.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    for (let i = 0; i < key.size; i += 1) await answerQuestion(learner, key, true);
    await learner.getByRole('link', { name: 'Nhận chứng chỉ' }).click();

    await learner.getByRole('heading', { name: 'Khoá học bạn đã đạt' }).waitFor();
    expect(await seriousViolations(learner), 'request form').toEqual([]);
    await captureScreen(learner, '360-certificate-request');
    await learner.getByLabel('Tên in trên chứng chỉ').fill(`  ${HOLDER} `);
    await learner.getByRole('button', { name: 'Nhận chứng chỉ' }).click();

    await learner.getByText('Đang chờ ký').waitFor();
    expect(await seriousViolations(learner), 'waiting').toEqual([]);
    await captureScreen(learner, '360-certificate-waiting');
    const waiting = (await dumpDatabase(learner)).certificates as StoredCertificate[];
    expect(waiting).toEqual([expect.objectContaining({ status: 'waiting', holderName: HOLDER })]);

    await learner.context().setOffline(false);
    await learner.locator('.certificate-paper').waitFor({ timeout: 60_000 });
    await learner.locator('.certificate-qr').waitFor();
    await learner.getByText(HOLDER, { exact: true }).waitFor();
    expect(await seriousViolations(learner), 'certificate').toEqual([]);
    await captureScreen(learner, '360-certificate');
    await learner.setViewportSize({ width: 320, height: 740 });
    await captureScreen(learner, '320-certificate');
    await learner.setViewportSize({ width: 360, height: 740 });
    screenshotOfCertificate = await learner.screenshot({ fullPage: true });

    certificate = ((await dumpDatabase(learner)).certificates as StoredCertificate[])[0]!;
    expect(certificate).toMatchObject({ status: 'signed', qr: expect.stringMatching(/^HS1:/) });

    // In English on the printed page, from a phone set to Vietnamese.
    await learner.getByRole('radio', { name: 'English' }).check();
    // Only the quiz was done, so the paper names the quiz, not the whole course.
    await learner.getByText('has passed the quiz of the course').waitFor();
    await learner.emulateMedia({ media: 'print' });
    await captureScreen(learner, '360-certificate-print');
    // Printed (page.pdf prints with print media unless told otherwise), it fills exactly one
    // page of the chosen size.
    await learner.emulateMedia({ media: null });
    expect(pdfPages(await learner.pdf({ preferCSSPageSize: true }))).toEqual(['A4']);
    await learner.getByRole('radio', { name: 'A5' }).check();
    expect(pdfPages(await learner.pdf({ preferCSSPageSize: true }))).toEqual(['A5']);

    await learner.goto(`${stack.origin}/certificates`);
    await learner.locator('.certificate-badge', { hasText: 'Đã ký' }).waitFor();
    expect(await seriousViolations(learner), 'my certificates').toEqual([]);
    await captureScreen(learner, '360-certificates');
  });

  it('the verifier, offline, reads the QR from a screenshot: valid; a changed code: tampered', async () => {
    verifier = await phone(stack, contexts);
    // The first visit synced: the issuer keys and the signed revocation list are on the phone.
    await expect
      .poll(
        async () => {
          const dump = await dumpDatabase(verifier);
          return (
            dump.issuerKeys?.length &&
            dump.meta?.some((m) => (m as { key: string }).key === 'revocationList')
          );
        },
        { timeout: 30_000 },
      )
      .toBeTruthy();
    await verifier.context().setOffline(true);
    await verifier.goto(`${stack.origin}/verify`);
    await verifier.getByRole('heading', { name: 'Kiểm tra chứng chỉ' }).waitFor();
    expect(await seriousViolations(verifier), 'verifier').toEqual([]);
    await captureScreen(verifier, '360-verify');

    await verifier.locator('input[type="file"]').setInputFiles({
      name: 'chung-chi.png',
      mimeType: 'image/png',
      buffer: screenshotOfCertificate,
    });
    await verifier.getByRole('heading', { name: 'Chứng chỉ thật' }).waitFor({ timeout: 30_000 });
    await verifier.locator('.verify-claims', { hasText: HOLDER }).waitFor();
    await verifier.getByText(/^Danh sách thu hồi kiểm tra lần cuối:/).waitFor();
    expect(await seriousViolations(verifier), 'valid').toEqual([]);
    await captureScreen(verifier, '360-verify-valid');
    await verifier.setViewportSize({ width: 320, height: 740 });
    await captureScreen(verifier, '320-verify-valid');
    await verifier.setViewportSize({ width: 360, height: 740 });

    await verifier.getByRole('button', { name: 'Kiểm tra chứng chỉ khác' }).click();
    await verifier.getByLabel('Mã chứng chỉ (bắt đầu bằng HS1:)').fill(tamper(certificate.qr!));
    await verifier.getByRole('button', { name: 'Kiểm tra mã' }).click();
    await verifier.getByRole('heading', { name: 'Chứng chỉ bị sửa hoặc giả' }).waitFor();
    expect(await seriousViolations(verifier), 'tampered').toEqual([]);
    await captureScreen(verifier, '360-verify-tampered');
  });

  it('a certificate revoked by a system admin shows revoked once the verifier syncs', async () => {
    const signUp = await fetch(`${stack.origin}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'quan-tri',
        displayName: 'Quản trị',
        password: 'mat-khau-quan-tri',
      }),
    });
    const { accessToken } = (await signUp.json()) as { accessToken: string };
    await stack.db.query(`UPDATE accounts SET is_system_admin = true WHERE username = 'quan-tri'`);
    const revoke = await fetch(
      `${stack.origin}/api/certificates/${certificate.certificateId}/revoke`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ reason: 'Cấp nhầm người' }),
      },
    );
    expect(revoke.status).toBe(200);

    // Offline, the phone still trusts its last list: the code is valid there.
    await verifier.getByRole('button', { name: 'Kiểm tra chứng chỉ khác' }).click();
    await verifier.getByLabel('Mã chứng chỉ (bắt đầu bằng HS1:)').fill(certificate.qr!);
    await verifier.getByRole('button', { name: 'Kiểm tra mã' }).click();
    await verifier.getByRole('heading', { name: 'Chứng chỉ thật' }).waitFor();

    // Back online, the phone syncs and the same check now says revoked.
    await verifier.context().setOffline(false);
    await verifier.getByRole('heading', { name: 'Chứng chỉ đã bị thu hồi' }).waitFor({
      timeout: 60_000,
    });
    await verifier.context().setOffline(true);
    await verifier.getByText(/^Danh sách thu hồi kiểm tra lần cuối:/).waitFor();
    expect(await seriousViolations(verifier), 'revoked').toEqual([]);
    await captureScreen(verifier, '360-verify-revoked');

    // The learner's phone learns it at its next sync too.
    await learner.goto(`${stack.origin}/certificates`);
    await learner.locator('.certificate-badge', { hasText: 'Đã bị thu hồi' }).waitFor({
      timeout: 60_000,
    });
  });
});
