import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { skipWelcome } from './welcome';
import { downloadEverything } from './downloads';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'hoc-so-chromium-'));
}

/** A real Chromium with a profile folder on disk, so it can be closed and opened again. */
export async function openBrowser(
  profileDir: string,
  viewport = { width: 360, height: 740 },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale: 'vi-VN',
  });
}

export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Resolves once the service worker controls a page load and has precached the app. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/**
 * A first visit with a connection (past the welcome, until `ready` shows and the service
 * worker has the app),
 * then the server stops and the network goes: from here on the app must work alone.
 */
export async function visitOnceThenGoOffline(
  page: Page,
  origin: string,
  ready: (page: Page) => Promise<void>,
  stopServer: () => Promise<void>,
): Promise<void> {
  await page.goto(origin);
  await skipWelcome(page);
  await downloadEverything(page);
  await ready(page);
  await waitForServiceWorker(page);
  await stopServer();
  await page.context().setOffline(true);
}
