import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../../data/db';
import { createTeamVault, lastPlace } from '../../../data/teamVault';
import { listVisits, readVersion } from '../../../data/visits';
import { initI18n } from '../../../i18n';
import { TeamContext } from './TeamContext';
import { VisitFormScreen } from './VisitFormScreen';

const accountId = '0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01';
const teamId = '7a1c2e3d-4b5f-4a6e-8d7c-9b0a1f2e3d4c';

describe('the visit log form', () => {
  let key: CryptoKey;
  beforeAll(async () => {
    await initI18n();
  });
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
    key = await createTeamVault(accountId, 'tổ số 1', 1_000);
    await database().teamVaults.update(accountId, { lastCommuneCode: '00004' });
  });
  afterEach(cleanup);

  function open() {
    render(
      <TeamContext.Provider
        value={{
          profileId: 'p',
          accountId,
          key,
          teams: [{ teamId, name: 'Tổ 1', role: 'volunteer' }],
        }}
      >
        <MemoryRouter initialEntries={[`/team/${teamId}/new`]}>
          <Routes>
            <Route path="/team/:teamId/new" element={<VisitFormScreen />} />
            <Route path="/team/:teamId" element={<p>{'list'}</p>} />
          </Routes>
        </MemoryRouter>
      </TeamContext.Provider>,
    );
  }

  it('says what is missing and writes nothing when finished too early', async () => {
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Hoàn tất' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Còn thiếu: /);
    for (const word of ['thôn', 'việc đã giúp', 'kết quả', 'thời gian', 'sự đồng ý']) {
      expect(alert.textContent).toContain(word);
    }
    expect(alert.textContent).not.toContain('xã, phường');
    const listing = await listVisits({ accountId, teamId });
    expect(listing.drafts).toEqual([]);
    expect(listing.heads).toEqual([]);
  });

  it('takes the volunteer to the first missing field: a missing reason gets the focus', async () => {
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Hoàn tất' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('checkbox')[0]));
    const services = screen.getByRole('group', { name: 'Đã giúp việc gì' });
    expect(services.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Khác' }));
    fireEvent.change(screen.getByLabelText('Việc khác là gì'), { target: { value: 'Zalo' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Được một phần' }));
    fireEvent.click(screen.getByRole('radio', { name: '10 phút' }));
    fireEvent.change(screen.getByLabelText('Thôn, tổ dân phố'), { target: { value: 'Thôn Đông' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Người được giúp đồng ý cho ghi lại' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tất' }));
    const reason = screen.getByLabelText('Vì sao chưa xong');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(services.getAttribute('aria-invalid')).toBeNull();
    expect((await listVisits({ accountId, teamId })).heads).toEqual([]);
  });

  it('logs a common visit with a few taps, and remembers the village for the next', async () => {
    open();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Khác' }));
    fireEvent.change(screen.getByLabelText('Việc khác là gì'), {
      target: { value: 'Cài VNeID' },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Xong' }));
    fireEvent.click(screen.getByRole('radio', { name: '10 phút' }));
    fireEvent.click(screen.getByRole('radio', { name: '60 trở lên' }));
    fireEvent.change(screen.getByLabelText('Thôn, tổ dân phố'), {
      target: { value: 'Thôn Đông' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Người được giúp đồng ý cho ghi lại' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tất' }));
    await screen.findByText('list');

    const [head] = (await listVisits({ accountId, teamId })).heads;
    expect(head?.state).toBe('waiting');
    expect(await readVersion(key, head!)).toMatchObject({
      version: 1,
      amends: null,
      communeCode: '00004',
      village: 'Thôn Đông',
      services: [{ kind: 'other', text: 'Cài VNeID' }],
      outcome: 'done',
      minutes: 10,
      person: { ageBand: '60plus' },
      consent: true,
    });
    await waitFor(async () =>
      expect(await lastPlace(key, accountId)).toEqual({
        communeCode: '00004',
        village: 'Thôn Đông',
      }),
    );
  });
});
