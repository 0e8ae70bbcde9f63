import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeVisit } from '../server/testkit/teamWorld';
import { PROTOCOL_VERSION, visitRecord } from '../src/protocol';
import type { VisitVersion } from '../src/protocol/visits';
import { firstPage, newProfileDir, openBrowser } from '../tests/support/browser';
import { startStack } from '../tests/support/stack';
import { bundledGzip } from './firstScreen';
import { chunks } from './pushThroughput';
import { timeScreenOpenings } from './screenOpenings';

const VISITS = 10_000;
const VOLUNTEERS = 4;
const RUNS = 7;
const PASSWORD = 'mat-khau-bench';

export interface DashboardRenderFigures {
  visits: number;
  /** Chart.js as the dashboard registers it, bundled alone (gzip bytes). */
  chartGzip: number;
  /** The dashboard's lazy chunk (its code and Chart.js), gzip bytes. */
  dashboardChunkGzip: number;
  /** From the dashboard answer's last byte to the charts drawn: the first (cold) visit. */
  coldRenderMs: number;
  /** The same, median of the later visits. */
  renderMs: number;
  /** From the tap to the charts drawn (fetch, server aggregation on PGlite, render), median. */
  tapToChartsMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function chartJsGzip(): Promise<number> {
  return bundledGzip(
    'chart',
    `import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
new Chart(document.createElement('canvas'), { type: 'bar', data: { labels: ['a'], datasets: [{ data: [1] }] }, options: { indexAxis: 'y' } });`,
  );
}

function dashboardChunkGzip(): number {
  const assets = resolve('dist/assets');
  const file = readdirSync(assets).find((f) => /^DashboardScreen-.*\.js$/.test(f));
  return file ? gzipSync(readFileSync(join(assets, file))).length : 0;
}

/** A team's 10,000 visits, varied like a real team's: services, months, villages, people. */
function visitsOf(teamId: string): VisitVersion[] {
  const services: VisitVersion['services'][] = [
    [{ kind: 'walkthrough', id: 'vneid-create-account' }],
    [{ kind: 'walkthrough', id: 'portal-sign-in-vneid' }],
    [{ kind: 'walkthrough', id: 'pay-electricity-bill' }],
    [{ kind: 'course', id: 'smartphone-basics' }],
    [{ kind: 'other', text: 'Cài ứng dụng ngân hàng' }],
  ];
  const outcomes = ['done', 'done', 'partly', 'referred', 'not_done'] as const;
  const ages = ['under18', '18-35', '36-59', '60plus', undefined] as const;
  const genders = ['female', 'male', undefined] as const;
  return Array.from({ length: VISITS }, (_, i) => {
    const outcome = outcomes[i % outcomes.length]!;
    const ageBand = ages[i % ages.length];
    const gender = genders[(i >> 1) % genders.length];
    return makeVisit(teamId, {
      date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      village: `Thôn ${(i % 24) + 1}`,
      person: { ...(ageBand ? { ageBand } : {}), ...(gender ? { gender } : {}) },
      services: services[i % services.length]!,
      outcome,
      ...(outcome === 'done' ? {} : { outcomeReason: 'Thiếu giấy tờ' }),
      minutes: [5, 10, 15, 30][i % 4]!,
    });
  });
}

/** Render time of the team dashboard in Chromium for a team with 10,000 visits. */
export async function measureDashboardRender(): Promise<DashboardRenderFigures> {
  const stack = await startStack();
  const context = await openBrowser(newProfileDir());
  try {
    const api = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${stack.origin}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, string>;
    };
    const signUp = async (username: string) =>
      (await api('/api/auth/sign-up', { username, displayName: username, password: PASSWORD }))
        .accessToken!;
    const leader = await signUp('bench-leader');
    const teamId = (
      await api('/api/orgs', { kind: 'team', name: 'Tổ đo', communeCode: '00004' }, leader)
    ).id!;
    const visits = visitsOf(teamId);
    for (let n = 0; n < VOLUNTEERS; n += 1) {
      const token = await signUp(`bench-volunteer-${n}`);
      const { code } = await api(`/api/orgs/${teamId}/join-codes`, { role: 'volunteer' }, leader);
      await api('/api/join', { code }, token);
      const own = visits.filter((_, i) => i % VOLUNTEERS === n);
      for (const batch of chunks(own, 200)) {
        await api(
          '/api/sync/push',
          {
            protocolVersion: PROTOCOL_VERSION,
            deviceId: batch[0]!.deviceId,
            records: batch.map(visitRecord),
          },
          token,
        );
      }
    }

    const page = await firstPage(context);
    await page.goto(`${stack.origin}/account`);
    await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('bench-leader');
    await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByText(/^Đã đăng nhập/).waitFor();
    await page.goto(`${stack.origin}/team`);
    await page.getByLabel('Mật khẩu tài khoản').fill(PASSWORD);
    await page.getByRole('button', { name: 'Mở sổ' }).click();
    await page.getByRole('link', { name: 'Số liệu của tổ' }).waitFor({ timeout: 60_000 });

    const { render, total } = await timeScreenOpenings(
      page,
      page.getByRole('link', { name: 'Số liệu của tổ' }),
      { renderedMark: 'team-dashboard-rendered', answerPath: '/dashboard', runs: RUNS },
    );
    return {
      visits: VISITS,
      chartGzip: await chartJsGzip(),
      dashboardChunkGzip: dashboardChunkGzip(),
      coldRenderMs: render[0]!,
      renderMs: median(render.slice(1)),
      tapToChartsMs: median(total.slice(1)),
    };
  } finally {
    await context.close();
    await stack.close();
  }
}

export function printDashboardRender(f: DashboardRenderFigures): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `Team dashboard in Chromium (360 px), ${f.visits} visits, median of ${RUNS - 1} warm visits`,
  );
  console.log(
    `  render (answer → charts drawn): ${f.renderMs.toFixed(1)} ms (first, cold: ${f.coldRenderMs.toFixed(1)} ms)`,
  );
  console.log(`  tap → charts drawn (PGlite)   : ${f.tapToChartsMs.toFixed(1)} ms`);
  console.log(
    `  Chart.js as used, gzip        : ${kb(f.chartGzip)} (lazy: dashboard chunk ${kb(f.dashboardChunkGzip)})`,
  );
}
