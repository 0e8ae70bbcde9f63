/** One valid visit version, as a volunteer's phone sends it, for tests to vary. */
export const sampleVisit = {
  visitId: '0190f5a4-1c2b-7000-8000-000000000001',
  version: 1,
  amends: null,
  teamId: '0190f5a4-1c2b-7000-8000-000000000002',
  deviceId: '0190f5a4-1c2b-7000-8000-000000000003',
  recordedAt: '2026-11-28T09:00:00+07:00',
  date: '2026-11-28',
  communeCode: '00004',
  village: 'Tổ 5',
  person: { name: 'B.T.H', ageBand: '60plus', gender: 'female', phone: '0912345678' },
  services: [
    { kind: 'walkthrough', id: 'vneid-install' },
    { kind: 'other', text: 'Cài Zalo' },
  ],
  outcome: 'done',
  minutes: 15,
  consent: true,
  consentVersion: '2026-01',
};
