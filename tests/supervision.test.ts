import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPhone } from './support/account';
import { callApi } from './support/api';
import { seriousViolations } from './support/axe';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'mat-khau-to-moi';

describe('a teacher records from the roster that a learner takes a quiz under supervision', () => {
  let stack: Stack;
  let context: BrowserContext | undefined;
  let teacher: Page;
  let classId = '';
  let learnerId = '';

  const api = async (path: string, body?: unknown, token?: string) => {
    const response = await callApi(stack.origin, path, body, token);
    expect(response.status, path).toBeLessThan(300);
    return response.body as Record<string, unknown>;
  };
  const signUp = async (username: string, displayName: string) => {
    const body = await api('/api/auth/sign-up', { username, displayName, password: PASSWORD });
    return { token: body.accessToken as string, id: (body.account as { id: string }).id };
  };

  beforeAll(async () => {
    stack = await startStack();
    const owner = await signUp('co-ha', 'Cô Hà');
    const learner = await signUp('hoc-vien-lan', 'Lan');
    learnerId = learner.id;
    const created = await api(
      '/api/orgs',
      { kind: 'class', name: 'Lớp kỹ năng số chiều thứ Bảy', communeCode: '00004' },
      owner.token,
    );
    classId = created.id as string;
    const code = await api(`/api/orgs/${classId}/join-codes`, { role: 'learner' }, owner.token);
    await api('/api/join', { code: code.code }, learner.token);
    ({ context, page: teacher } = await signedInPhone(stack.origin, 'co-ha', PASSWORD));
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('records the supervision for the chosen course, and the server keeps it for the learner', async () => {
    await teacher.setViewportSize({ width: 360, height: 740 });
    await teacher.goto(`${stack.origin}/orgs/${classId}`);
    const row = teacher.getByRole('listitem').filter({ hasText: 'Lan' });
    await row.getByText('Giám sát bài kiểm tra').click();
    await row.locator('option[value="smartphone-basics"]').waitFor({ state: 'attached' });
    const confirm = row.getByRole('button', { name: 'Ghi nhận tôi đang giám sát' });
    expect(await confirm.isDisabled()).toBe(true);
    await row.getByLabel('Khoá học').selectOption('smartphone-basics');
    await confirm.click();
    await row
      .getByText(/^Đã ghi\. Lan làm bài có giám sát đến \d{2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4}\.$/)
      .waitFor();

    for (const width of [360, 320]) {
      await teacher.setViewportSize({ width, height: 740 });
      await captureScreen(teacher, `${width}-roster-supervise`);
      expect(await seriousViolations(teacher), `roster at ${width}`).toEqual([]);
      expect(
        await teacher.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(width);
      await captureScreen(teacher, `${width}-roster-supervise`);
    }

    const rows = await stack.db.query<{ course_id: string; attester_role: string }>(
      `SELECT course_id, attester_role FROM certificate_attestations
       WHERE learner_account_id = $1 AND organisation_id = $2 AND certificate_id IS NULL`,
      [learnerId, classId],
    );
    expect(rows).toEqual([{ course_id: 'smartphone-basics', attester_role: 'teacher' }]);
  });
});
