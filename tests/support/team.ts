import type { Page } from 'playwright-core';

/**
 * The service chips the browser test uses: the walkthrough or course key, its label, and the
 * category it is under (a walkthrough's chip shows inside its category's chip group).
 */
export const SERVICES = [
  {
    key: 'walkthrough:vneid-create-account',
    label: 'Tạo tài khoản VNeID (mức 1) và biết mức 2 cần gì',
    category: 'vneid',
    categoryWord: 'VNeID',
  },
  {
    key: 'walkthrough:pay-electricity-bill',
    label: 'Trả tiền điện bằng ứng dụng ngân hàng hoặc VietQR',
    category: 'banking',
    categoryWord: 'Ngân hàng, thanh toán',
  },
  {
    key: 'course:smartphone-basics',
    label: 'Làm quen với điện thoại thông minh',
    category: 'phone_setup',
    categoryWord: 'Cài đặt điện thoại',
  },
] as const;

const OUTCOME_WORDS = {
  done: 'Xong',
  partly: 'Được một phần',
  referred: 'Chuyển nơi khác',
  not_done: 'Chưa được',
} as const;
const AGE_WORDS = {
  under18: 'Dưới 18',
  '18-35': '18–35',
  '36-59': '36–59',
  '60plus': '60 trở lên',
};
const GENDER_WORDS = { female: 'Nữ', male: 'Nam', other: 'Khác' };

/** One visit as the test logs it through the form, and then expects to find everywhere. */
export interface VisitSpec {
  name: string;
  date: string;
  village: string;
  services: number[];
  other?: string;
  outcome: keyof typeof OUTCOME_WORDS;
  reason?: string;
  minutes: number;
  ageBand?: keyof typeof AGE_WORDS;
  gender?: keyof typeof GENDER_WORDS;
  phone?: string;
  ethnicity?: string;
  note?: string;
  draft: boolean;
}

const OUTCOMES = ['done', 'done', 'partly', 'referred', 'done', 'not_done'] as const;
const AGES = ['60plus', '36-59', undefined, '18-35', 'under18'] as const;
const GENDERS = ['female', 'male', 'female', undefined] as const;
const MINUTES = [5, 10, 15, 30, 45] as const;

/** Twenty visits: four stay drafts, sixteen are finalized; two months, two villages. */
export function twentyVisits(today: string, lastMonth: string): VisitSpec[] {
  return Array.from({ length: 20 }, (_, i) => {
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    return {
      name: `Cô Lụa ${i + 1}`,
      date: i % 4 === 1 ? lastMonth : today,
      village: i < 10 ? 'Thôn Đông' : 'Xóm Bãi Giữa',
      services: i % 5 === 2 ? [0, 2] : [i % 3],
      ...(i % 7 === 3 ? { other: 'Cài ứng dụng Sổ sức khỏe' } : {}),
      outcome,
      ...(outcome === 'done' ? {} : { reason: `Thiếu giấy tờ số ${i + 1}` }),
      minutes: MINUTES[i % MINUTES.length]!,
      ...(AGES[i % AGES.length] ? { ageBand: AGES[i % AGES.length] } : {}),
      ...(GENDERS[i % GENDERS.length] ? { gender: GENDERS[i % GENDERS.length] } : {}),
      ...(i % 3 === 0 ? { phone: `09123456${String(i).padStart(2, '0')}` } : {}),
      ...(i % 6 === 1 ? { ethnicity: 'Tày' } : {}),
      ...(i % 4 === 0 ? { note: `Nhà cạnh cây đa số ${i + 1}` } : {}),
      draft: i % 5 === 3,
    };
  });
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** Fills the log form as a volunteer would: chips first, place only when it changed. */
export async function fillVisit(page: Page, spec: VisitSpec): Promise<void> {
  const communeSearch = page.getByLabel('Xã, phường — Tìm xã, phường');
  if (await communeSearch.isVisible()) {
    await communeSearch.fill('ba dinh');
    await page.getByRole('button', { name: /^Phường Ba Đình/ }).click();
  }
  const services = group(page, 'Đã giúp việc gì');
  for (const index of spec.services) {
    const { key, label, categoryWord } = SERVICES[index]!;
    const courses = page.locator('details', { hasText: 'Khóa học đã giới thiệu' });
    if (
      key.startsWith('course:') &&
      !(await courses.evaluate((d) => (d as HTMLDetailsElement).open))
    ) {
      await page.getByText('Khóa học đã giới thiệu').click();
    }
    if (key.startsWith('course:')) {
      await group(page, 'Khóa học').getByRole('checkbox', { name: label, exact: true }).check();
      continue;
    }
    await services.getByRole('checkbox', { name: categoryWord, exact: true }).check();
    await group(page, `${categoryWord}: hướng dẫn nào? (không bắt buộc)`)
      .getByRole('checkbox', { name: label, exact: true })
      .check();
  }
  if (spec.other) {
    await services.getByRole('checkbox', { name: 'Khác', exact: true }).check();
    await page.getByLabel('Việc khác là gì').fill(spec.other);
  }
  await group(page, 'Kết quả')
    .getByRole('radio', { name: OUTCOME_WORDS[spec.outcome], exact: true })
    .check();
  if (spec.reason) await page.getByLabel('Vì sao chưa xong').fill(spec.reason);
  const minutes = group(page, 'Mất bao lâu');
  if ([5, 10, 15, 30].includes(spec.minutes)) {
    await minutes.getByRole('radio', { name: `${spec.minutes} phút`, exact: true }).check();
  } else {
    await minutes.getByRole('radio', { name: 'Khác', exact: true }).check();
    await page.getByLabel('Số phút').fill(String(spec.minutes));
  }
  if (spec.ageBand) {
    await group(page, 'Độ tuổi')
      .getByRole('radio', { name: AGE_WORDS[spec.ageBand], exact: true })
      .check();
  }
  if (spec.gender) {
    await group(page, 'Giới tính')
      .getByRole('radio', { name: GENDER_WORDS[spec.gender], exact: true })
      .check();
  }
  await page.getByLabel('Tên gọi hoặc chữ viết tắt (không bắt buộc)').fill(spec.name);
  const village = page.getByLabel('Thôn, tổ dân phố');
  if ((await village.inputValue()) !== spec.village) await village.fill(spec.village);
  await page.getByLabel('Ngày').fill(spec.date);
  if (spec.phone || spec.ethnicity || spec.note) {
    await page.getByText('Thêm thông tin').click();
    if (spec.phone) await page.getByLabel('Số điện thoại').fill(spec.phone);
    if (spec.ethnicity) await page.getByLabel('Dân tộc').fill(spec.ethnicity);
    if (spec.note) await page.getByLabel('Ghi chú').fill(spec.note);
  }
  await page
    .getByRole('checkbox', { name: 'Người được giúp đồng ý cho ghi lại', exact: true })
    .check();
}

/** Opens a new visit form from the list, fills it and saves it as a draft or finishes it. */
export async function logVisit(page: Page, spec: VisitSpec): Promise<void> {
  await page.getByRole('link', { name: 'Ghi lượt mới' }).click();
  await page.getByRole('heading', { name: 'Ghi lượt hỗ trợ' }).waitFor();
  await fillVisit(page, spec);
  await page.getByRole('button', { name: spec.draft ? 'Lưu nháp' : 'Hoàn tất' }).click();
  await page.getByRole('link', { name: 'Ghi lượt mới' }).waitFor();
}

/** The figures the dashboard must show, counted here from the records the test logged. */
export function expectedFigures(records: VisitSpec[], volunteerId: string) {
  const tally = (keys: string[]) => {
    const counts: Record<string, number> = {};
    for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  };
  return {
    totals: {
      total: records.length,
      minutes: records.reduce((sum, r) => sum + r.minutes, 0),
    },
    byService: tally(
      records.flatMap((r) => [
        ...new Set([...r.services.map((i) => SERVICES[i]!.key), ...(r.other ? ['other'] : [])]),
      ]),
    ),
    byCategory: tally(
      records.flatMap((r) => [
        ...new Set([
          ...r.services.map((i) => SERVICES[i]!.category),
          ...(r.other ? ['other'] : []),
        ]),
      ]),
    ),
    byOutcome: tally(records.map((r) => r.outcome)),
    byMonth: tally(records.map((r) => r.date.slice(0, 7))),
    byAgeBand: tally(records.map((r) => r.ageBand ?? 'unknown')),
    byGender: tally(records.map((r) => r.gender ?? 'unknown')),
    byVolunteer: tally(records.map(() => volunteerId)),
    byVillage: tally(records.map((r) => r.village)),
  };
}

export async function readDashboard(page: Page) {
  await page.locator('table.figures').first().waitFor();
  return page.evaluate(() => {
    const figures: Record<string, Record<string, number>> = {};
    for (const table of document.querySelectorAll<HTMLElement>('table.figures')) {
      const rows = [...table.querySelectorAll<HTMLElement>('tr[data-key]')];
      figures[table.dataset.dimension!] = Object.fromEntries(
        rows.map((row) => [row.dataset.key!, Number(row.querySelector('td')!.textContent)]),
      );
    }
    const total = (name: string) =>
      Number(document.querySelector(`[data-total="${name}"]`)!.textContent);
    return { totals: { total: total('total'), minutes: total('minutes') }, ...figures };
  });
}

export { OUTCOME_WORDS };
