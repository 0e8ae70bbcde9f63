import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVisit } from '../server/testkit/teamWorld';
import { SUMMARY_EXPORT_HEADERS } from '../src/domain/visits/exportRows';
import { PROTOCOL_VERSION, visitRecord } from '../src/protocol';
import { callApi } from './support/api';
import { seriousViolations } from './support/axe';
import { signedInPhone } from './support/account';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-can-bo';
const COMMUNE = '00004';
const OTHER_COMMUNE = '00008';
const TEAM = 'Tổ công nghệ số Phúc Xá';
const OTHER_TEAM = 'Tổ công nghệ số xã khác';

describe('commune official: the figures of every team in their commune, on a phone', () => {
  let stack: Stack;
  let context: BrowserContext | undefined;
  /** As on the official list, with its kind: "Phường Ba Đình", so the link reads "Số liệu Phường Ba Đình". */
  let communeName = '';
  // Services the app has content for, so the screen names them as it would in a real commune.
  const walkthrough = [{ kind: 'walkthrough' as const, id: 'vneid-create-account' }];
  const visit = (over: Parameters<typeof makeVisit>[1]) =>
    makeVisit('', { services: walkthrough, ...over });
  const pushed = [
    visit({ date: '2026-11-20', outcome: 'done' }),
    visit({
      date: '2026-11-18',
      outcome: 'partly',
      outcomeReason: 'Chưa có căn cước',
      minutes: 30,
    }),
    visit({
      date: '2026-10-05',
      person: { name: 'N.V.A', ageBand: '18-35', gender: 'male' },
      services: [{ kind: 'course', id: 'staying-safe' }],
    }),
    visit({ date: '2026-10-02', outcome: 'referred', outcomeReason: 'Cần ra xã' }),
    visit({ date: '2026-11-21' }),
  ];

  const api = async (path: string, body?: unknown, token?: string) => {
    const response = await callApi(stack.origin, path, body, token);
    expect(response.status, path).toBeLessThan(300);
    return response.body as Record<string, unknown>;
  };
  const signUp = async (username: string) => {
    const body = await api('/api/auth/sign-up', {
      username,
      displayName: username,
      password: PASSWORD,
    });
    return { token: body.accessToken as string, id: (body.account as { id: string }).id };
  };
  /** A team in a commune with one volunteer, who pushes the given visits through the API. */
  const teamWithVisits = async (name: string, communeCode: string, count: number) => {
    const leader = await signUp(`to-truong-${communeCode}`);
    const volunteer = await signUp(`tnv-${communeCode}`);
    const team = await api('/api/orgs', { kind: 'team', name, communeCode }, leader.token);
    const teamId = team.id as string;
    const code = await api(`/api/orgs/${teamId}/join-codes`, { role: 'volunteer' }, leader.token);
    await api('/api/join', { code: code.code }, volunteer.token);
    const versions = (communeCode === COMMUNE ? pushed : pushed.slice(0, count)).map((v) => ({
      ...v,
      visitId: crypto.randomUUID(),
      teamId,
      communeCode,
    }));
    const result = await api(
      '/api/sync/push',
      {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: versions[0]!.deviceId,
        records: versions.map(visitRecord),
      },
      volunteer.token,
    );
    expect(result.refused).toEqual([]);
  };

  beforeAll(async () => {
    stack = await startStack();
    const admin = await signUp('quan-tri-he-thong');
    await stack.db.query('UPDATE accounts SET is_system_admin = true WHERE id = $1', [admin.id]);
    const official = await signUp('can-bo-xa');
    await api(
      '/api/admin/commune-officials',
      { accountId: official.id, communeCode: COMMUNE },
      admin.token,
    );
    await teamWithVisits(TEAM, COMMUNE, pushed.length);
    // A team in another commune: none of its visits may show in the official's figures.
    await teamWithVisits(OTHER_TEAM, OTHER_COMMUNE, 2);
    const [row] = await stack.db.query<{ name: string }>(
      'SELECT name FROM communes WHERE code = $1',
      [COMMUNE],
    );
    communeName = row!.name;
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  async function signedInPhoneOf(login: string): Promise<Page> {
    let page: Page;
    ({ context, page } = await signedInPhone(stack.origin, login, PASSWORD));
    return page;
  }

  it('the official opens their commune from the account screen and sees every pushed visit, no person', async () => {
    const page = await signedInPhoneOf('can-bo-xa');
    await page.getByRole('link', { name: new RegExp(`^Số liệu ${communeName}`) }).click();
    await page.getByRole('heading', { name: 'Số liệu của xã' }).waitFor();
    // The team was started by its leader, not by the official: its visits count only once the
    // official approves it, from this screen (the other commune's team is not theirs to see).
    await page.locator('[data-total="total"]').waitFor();
    expect(await page.locator('[data-total="total"]').textContent()).toBe('0');
    const pending = page.locator('section', { hasText: 'Tổ chờ duyệt' });
    await pending.getByText(TEAM).waitFor();
    expect(await pending.getByText(OTHER_TEAM).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await captureScreen(page, 'commune-pending-360');
    await pending.getByRole('button', { name: 'Duyệt tổ này' }).click();
    await pending.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('[data-total="total"]').textContent())
      .toBe(String(pushed.length));
    expect(await page.locator('[data-total="total"]').textContent()).toBe(String(pushed.length));
    const minutes = pushed.reduce((sum, v) => sum + v.minutes, 0);
    expect(await page.locator('[data-total="minutes"]').textContent()).toBe(String(minutes));
    const byTeam = page.locator('table[data-dimension="byTeam"] tr');
    expect(await byTeam.count()).toBe(1);
    expect(await byTeam.first().locator('th').textContent()).toBe(TEAM);
    expect(await byTeam.first().locator('td').textContent()).toBe(String(pushed.length));
    expect(await page.locator('table[data-dimension="byOutcome"] tr').count()).toBe(3);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['B.T.H', 'N.V.A', '0912345678', 'Tổ 5', 'căn cước', OTHER_TEAM]) {
      expect(text).not.toContain(secret);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await captureScreen(page, 'commune-summary-360');

    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return readFileSync((await file.path())!);
    };
    const csv = parse(await download('Tải về CSV'), { bom: true }) as string[][];
    expect(csv[0]).toEqual([...SUMMARY_EXPORT_HEADERS]);
    expect(csv[1]).toEqual(['Tổng', 'Số người được giúp', String(pushed.length)]);
    const sheet = await readSheet(await download('Tải về Excel'));
    expect(sheet[0]).toEqual([...SUMMARY_EXPORT_HEADERS]);
    expect(sheet[1]).toEqual(['Tổng', 'Số người được giúp', pushed.length]);
  });

  it('a commune not given to the official is refused in plain words', async () => {
    const page = context!.pages()[0]!;
    await page.goto(`${stack.origin}/communes/${OTHER_COMMUNE}`);
    await page.getByText('Chỉ cán bộ được giao xã này xem được số liệu.').waitFor();
    expect(await page.locator('[data-total]').count()).toBe(0);
  });

  it('offline, the screen says a connection is needed', async () => {
    const page = context!.pages()[0]!;
    await page.goto(`${stack.origin}/account`);
    await page.getByRole('link', { name: new RegExp(`^Số liệu ${communeName}`) }).waitFor();
    expect(await seriousViolations(page), 'account screen').toEqual([]);
    await captureScreen(page, 'account-communes-360');
    await context!.setOffline(true);
    await page.getByRole('link', { name: new RegExp(`^Số liệu ${communeName}`) }).click();
    await page.getByText('Cần có mạng để xem phần này.').waitFor();
    await context!.setOffline(false);
  });
});
