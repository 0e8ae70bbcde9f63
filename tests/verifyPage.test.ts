import type { BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server/app';
import { openPglite, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { certificateRequest, neededRight, quizAttempt } from '../server/testkit/certificates';
import { newRandomId } from '../src/lib/ids';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  certificatesResponseSchema,
  eventRecord,
} from '../src/protocol';
import { seriousViolations } from './support/axe';
import { firstPage, newProfileDir, openBrowser } from './support/browser';
import { captureScreen } from './support/screens';

/** The server's own /verify page: for anyone without the app, no script, CSP as everywhere. */
describe('the public /verify page', () => {
  let db: Database;
  let server: FastifyInstance;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let code: string;
  let certificateId: string;

  async function api(method: 'GET' | 'POST', path: string, token?: string, body?: unknown) {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.json() as Promise<Record<string, unknown>>;
  }

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    server = await buildServer({ db });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const deviceId = newRandomId();
    const profileId = newRandomId();
    const { deviceToken } = (await api('POST', '/api/devices', undefined, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
    })) as { deviceToken: string };
    await api('POST', '/api/sync/push', deviceToken, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: [
        ...quizAttempt(deviceId, profileId, neededRight(), true),
        certificateRequest(deviceId, profileId, 'Nguyễn Thị Minh Khai'),
      ].map(eventRecord),
    });
    const listed = certificatesResponseSchema.parse(
      await api('GET', '/api/certificates', deviceToken),
    );
    code = listed.certificates[0]!.qr;
    certificateId = listed.certificates[0]!.id;
    context = await openBrowser(newProfileDir());
    page = await firstPage(context);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await db?.close();
  });

  async function open(query: string, name: string) {
    await page.goto(`${origin}/verify${query}`);
    await captureScreen(page, name);
    expect(await seriousViolations(page)).toEqual([]);
    return page.locator('[role="status"]').getAttribute('data-status');
  }

  it('shows valid with the claims, at 360 px, axe clean', async () => {
    expect(await open(`?c=${encodeURIComponent(code)}`, 'verify-page-valid')).toBe('valid');
    await page.getByText('Chứng chỉ hợp lệ').waitFor();
    await page.getByText('Nguyễn Thị Minh Khai').waitFor();
  });

  it('shows tampered for a changed code, and an empty form without one', async () => {
    const at = 40;
    const tampered = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    expect(await open(`?c=${encodeURIComponent(tampered)}`, 'verify-page-tampered')).toBe(
      'tampered',
    );
    expect(await open('', 'verify-page-empty')).toBe('empty');
    // The form checks a pasted code.
    await page.getByLabel(/Mã chứng chỉ/).fill(code);
    await page.getByRole('button', { name: /Kiểm tra/ }).click();
    await page.locator('[data-status="valid"]').waitFor();
  });

  it('shows revoked once a system administrator revoked it', async () => {
    const { accessToken, account } = (await api('POST', '/api/auth/sign-up', undefined, {
      username: `quan-tri-${newRandomId().slice(0, 6)}`,
      displayName: 'Quản trị',
      password: 'correct horse battery',
    })) as { accessToken: string; account: { id: string } };
    await db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [account.id]);
    await api('POST', `/api/certificates/${certificateId}/revoke`, accessToken, {
      reason: 'Cấp nhầm',
    });
    expect(await open(`?c=${encodeURIComponent(code)}`, 'verify-page-revoked')).toBe('revoked');
  });
});
