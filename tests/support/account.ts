import type { BrowserContext, Page } from 'playwright-core';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './browser';
import { downloadEverything } from './downloads';

/** A fresh phone (its own browser profile) that opened the app and signed in to the account. */
export async function signedInPhone(
  origin: string,
  login: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openBrowser(newProfileDir());
  const page = await firstPage(context);
  await page.goto(`${origin}/settings`);
  await waitForServiceWorker(page);
  await downloadEverything(page);
  await page.getByRole('link', { name: 'Tài khoản và lớp học' }).click();
  await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill(login);
  await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByText(/^Đã đăng nhập/).waitFor();
  return { context, page };
}
