import type { VisitVersion } from '../protocol/visits';

/** The personal part of a visit: sealed with the vault key whenever it is stored. */
export type VisitSecret = Pick<
  VisitVersion,
  'person' | 'note' | 'outcomeReason' | 'village' | 'learnerRef'
>;

/** The rest: enough to list and count visits without the key. */
export type VisitPlain = Omit<VisitVersion, keyof VisitSecret>;

/** A draft: what the form holds so far, which may not be a valid version yet. */
export interface VisitDraftValues {
  date: string;
  communeCode: string;
  village: string;
  person: VisitVersion['person'];
  services: VisitVersion['services'];
  outcome?: VisitVersion['outcome'];
  outcomeReason?: string;
  minutes?: number;
  consent: boolean;
  learnerRef?: string;
  note?: string;
}

export type VisitDraftPlain = Pick<
  VisitDraftValues,
  'date' | 'communeCode' | 'services' | 'outcome' | 'minutes' | 'consent'
>;
export type VisitDraftSecret = Omit<VisitDraftValues, keyof VisitDraftPlain>;

export function splitVersion(version: VisitVersion): { plain: VisitPlain; secret: VisitSecret } {
  const { person, note, outcomeReason, village, learnerRef, ...plain } = version;
  return { plain, secret: { person, note, outcomeReason, village, learnerRef } };
}

export function joinVersion(plain: VisitPlain, secret: VisitSecret): VisitVersion {
  const joined = { ...plain, ...secret };
  for (const key of ['note', 'outcomeReason', 'learnerRef'] as const) {
    if (joined[key] === undefined) delete joined[key];
  }
  return joined;
}

export function splitDraft(values: VisitDraftValues): {
  plain: VisitDraftPlain;
  secret: VisitDraftSecret;
} {
  const { date, communeCode, services, outcome, minutes, consent, ...secret } = values;
  return { plain: { date, communeCode, services, outcome, minutes, consent }, secret };
}
