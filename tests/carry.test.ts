import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPhone } from './support/account';
import { callApi } from './support/api';
import {
  forwardCarryBundle,
  madeBundleStates,
  makeCarryBundle,
  readCarryBundle,
} from './support/carry';
import {
  COURSE_PATH,
  deviceEventIds,
  finishLesson,
  openPhone,
  syncBarText,
} from './support/learner';
import { checkScreens } from './support/screens';
import { startStack, type Stack } from './support/stack';

const CARRIER = { username: 'chi-mang-du-lieu', displayName: 'Chị Lan', password: 'mang giup ban' };

/** The device id a phone keeps in its meta table. */
function deviceIdOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('hoc-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('deviceId');
          request.onsuccess = () => {
            resolve((request.result as { value: string }).value);
            open.result.close();
          };
        };
      }),
  );
}

describe('carry to sync: an offline phone hands its records to a signed-in carrier', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  let phoneB: Page;
  let phoneC: Page;
  let bundlePath: string;
  let bundleText: string;
  let carrierToken: string;

  const storedOfB = async () =>
    (
      await stack.db.query<{ id: string }>(
        `SELECT id::text AS id FROM events WHERE device_id = $1 ORDER BY id`,
        [await deviceIdOf(phoneB)],
      )
    ).map((row) => row.id);

  beforeAll(async () => {
    stack = await startStack();
    const signedUp = await callApi(stack.origin, '/api/auth/sign-up', CARRIER);
    carrierToken = signedUp.body.accessToken as unknown as string;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  it('phone B, offline since its first visit, learns and saves its records as a sealed file', async () => {
    phoneB = await openPhone(stack.origin, contexts);
    // The first visit kept the server's sealing key: "Gửi nhờ dữ liệu" works offline.
    await phoneB.goto(`${stack.origin}/settings`);
    await phoneB.getByText(/^0 mục đang chờ gửi/).waitFor();
    await expect
      .poll(() => phoneB.getByText('Cần mở ứng dụng khi có mạng').count(), { timeout: 30_000 })
      .toBe(0);
    await phoneB.context().setOffline(true);

    await phoneB.goto(`${stack.origin}${COURSE_PATH}`);
    await phoneB.locator('.lesson-link').first().click();
    await finishLesson(phoneB);
    await phoneB.goto(`${stack.origin}${COURSE_PATH}`);
    await phoneB.locator('.lesson-link').nth(1).click();
    await finishLesson(phoneB);
    await expect.poll(() => syncBarText(phoneB)).toContain('2 mục đang chờ đồng bộ');

    bundlePath = await makeCarryBundle(phoneB);
    bundleText = readCarryBundle(bundlePath);
    expect(await madeBundleStates(phoneB)).toEqual(['Tệp số 1, 2 mụcĐang chờ người mang đi']);
    await checkScreens(phoneB, 'carry-made');
  });

  it('the file holds nothing the carrier can read: no record id, field, lesson or device', async () => {
    const ids = await deviceEventIds(phoneB);
    expect(ids).toHaveLength(2);
    for (const plain of [
      ...ids,
      await deviceIdOf(phoneB),
      'phone-parts',
      'smartphone-basics',
      'lesson.completed',
      'profileId',
    ]) {
      expect(bundleText).not.toContain(plain);
    }
    expect(Object.keys(JSON.parse(bundleText) as object).sort()).toEqual([
      'ephemeralKey',
      'format',
      'keyId',
      'nonce',
      'sealed',
      'version',
    ]);
  });

  it('phone C refuses a cut and an altered file, and they change nothing on the server', async () => {
    ({ page: phoneC } = await signedInPhone(stack.origin, CARRIER.username, CARRIER.password));
    contexts.push(phoneC.context());
    const dir = bundlePath.slice(0, bundlePath.lastIndexOf('/'));
    const cut = `${dir}/cut.json`;
    writeFileSync(cut, bundleText.slice(0, Math.floor(bundleText.length * 0.6)));
    expect(await forwardCarryBundle(phoneC, cut)).toBe(
      'Tệp không đúng hoặc bị thiếu. Hãy xin người gửi lưu lại tệp.',
    );
    const file = JSON.parse(bundleText) as { sealed: string };
    const at = Math.floor(file.sealed.length / 2);
    const flipped = file.sealed[at] === 'A' ? 'B' : 'A';
    const altered = `${dir}/altered.json`;
    writeFileSync(
      altered,
      JSON.stringify({
        ...file,
        sealed: file.sealed.slice(0, at) + flipped + file.sealed.slice(at + 1),
      }),
    );
    expect(await forwardCarryBundle(phoneC, altered)).toContain(
      'Máy chủ không nhận tệp nàyTệp đã bị sửa.',
    );
    expect(await storedOfB()).toEqual([]);
  });

  it('phone C forwards the genuine file: the server holds B’s records exactly once', async () => {
    expect(await forwardCarryBundle(phoneC, bundlePath)).toContain('Đã gửi tới máy chủ');
    const ids = await deviceEventIds(phoneB);
    expect(await storedOfB()).toEqual(ids);
    // Forwarded again: by C (kept once on the phone), then by anyone to the server.
    expect(await forwardCarryBundle(phoneC, bundlePath)).toBe('Tệp này đã có trên máy.');
    const replay = await callApi(
      stack.origin,
      '/api/sync/carried',
      { protocolVersion: 3, file: JSON.parse(bundleText) },
      carrierToken,
    );
    expect(replay.body).toEqual({ outcome: 'already_received' });
    expect(await storedOfB()).toEqual(ids);
    await checkScreens(phoneC, 'carry-forwarded');
  });

  it('phone B’s next sync shows its records settled, without sending them again', async () => {
    const pushesBefore = stack.pushes.seen;
    await phoneB.context().setOffline(false);
    await phoneB.goto(`${stack.origin}/settings`);
    await phoneB.getByText(/^Đã đồng bộ lúc/).waitFor({ timeout: 60_000 });
    expect(await madeBundleStates(phoneB)).toEqual(['Tệp số 1, 2 mụcĐã tới máy chủ']);
    await phoneB.getByText(/^0 mục đang chờ gửi/).waitFor();
    expect(await syncBarText(phoneB)).not.toContain('đang chờ');
    expect(stack.pushes.seen).toBe(pushesBefore);
    expect(await storedOfB()).toEqual(await deviceEventIds(phoneB));
    await checkScreens(phoneB, 'carry-arrived');
  });
});
