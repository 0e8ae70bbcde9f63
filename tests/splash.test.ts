import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server/app';
import { openPglite, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { firstPage, newProfileDir, openBrowser } from './support/browser';

/** The first visit on a slow link: text from the first bytes of the page, before any script. */
describe('the first visit never shows a blank screen', () => {
  let db: Database;
  let server: FastifyInstance;
  let origin: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    server = await buildServer({ db, distDir: resolve('dist') });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    context = await openBrowser(newProfileDir());
    page = await firstPage(context);
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    await db?.close();
  });

  it('shows the splash while the scripts have not arrived, then the app replaces it', async () => {
    // Scripts held back: what a phone shows while the app's JavaScript is still on its way.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(origin, { waitUntil: 'load' });
    const text = await page.locator('body').innerText();
    expect(text).toContain('Học Số');
    expect(text).toContain('Đang mở…');
    expect(await page.locator('.splash').isVisible()).toBe(true);

    await page.unroute('**/*.js');
    await page.goto(origin);
    await page.locator('.splash').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.locator('main').count()).toBeGreaterThan(0);
  });
});
