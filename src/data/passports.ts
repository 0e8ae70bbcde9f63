import {
  checkPassport,
  readPassportFile,
  type PassportCheck,
  type PassportRefusal,
} from '../domain/passport/passport';
import { mergePassportCourse, mergePassportWalkthrough } from '../domain/passport/merge';
import { emptyProgress } from '../domain/progress';
import { emptyWalkthroughProgress } from '../domain/walkthroughProgress';
import { newRandomId } from '../lib/ids';
import type { IssuerKey, Passport } from '../protocol';
import { signedCertificateRow } from './certificates';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';

/** The issuer keys this phone pinned from its server (current and past). */
async function knownKeys(db: HocSoDatabase): Promise<IssuerKey[]> {
  return (await db.issuerKeys.toArray()).map(
    ({ keyId, publicKeyMultibase, validFrom, revokedAt }) => ({
      keyId,
      publicKeyMultibase,
      validFrom,
      ...(revokedAt ? { revokedAt } : {}),
    }),
  );
}

/** A passport opened to look at: verified, and whether it was added on this phone before. */
export type OpenedPassport =
  { ok: true; passport: Passport; addedTo: string | null } | Extract<PassportCheck, { ok: false }>;

/**
 * Opens a passport file offline: verified against the issuer keys this phone knows. Nothing is
 * written: a teacher or commune looks at someone's record without adding it.
 */
export async function openPassport(bytes: Uint8Array): Promise<OpenedPassport> {
  const db = database();
  const check = await readPassportFile(bytes, await knownKeys(db));
  if (!check.ok) return check;
  const added = await db.passports.get(check.passport.id);
  return { ok: true, passport: check.passport, addedTo: added?.profileId ?? null };
}

/** Where a passport's record goes: a new learner on this phone, or a profile already here. */
export type PassportTarget = { kind: 'new' } | { kind: 'profile'; profileId: string };

export type AddedPassport =
  { ok: true; profileId: string } | { ok: false; reason: PassportRefusal };

/**
 * Adds a verified passport's record to a profile, in one transaction that verifies it again:
 * its courses and walkthroughs are merged into the profile's progress (it only grows) and its
 * certificates are kept as signed. They are not events and never enter the outbox: the server
 * already holds them, and this phone did not learn them. The same passport added twice is a
 * replay and changes nothing; a full disk leaves the phone as it was.
 */
export async function addPassport(
  passport: Passport,
  target: PassportTarget,
  db: HocSoDatabase = database(),
): Promise<AddedPassport> {
  const tables = [
    db.passports,
    db.profiles,
    db.issuerKeys,
    db.courseProgress,
    db.walkthroughProgress,
    db.certificates,
  ];
  return guardStorage(() =>
    db.transaction('rw', tables, async (): Promise<AddedPassport> => {
      const check = checkPassport(passport, await knownKeys(db));
      if (!check.ok) return check;
      if (await db.passports.get(passport.id)) return { ok: false, reason: 'replayed' };
      const now = new Date().toISOString();
      const profileId = target.kind === 'new' ? newRandomId() : target.profileId;
      if (target.kind === 'new') {
        await db.profiles.add({ id: profileId, name: passport.holderName, createdAt: now });
      } else if (!(await db.profiles.get(profileId))) {
        throw new Error(`No profile ${profileId} on this phone`);
      }
      for (const course of passport.courses) {
        const key: [string, string] = [profileId, course.courseId];
        const before = (await db.courseProgress.get(key)) ?? emptyProgress(...key);
        await db.courseProgress.put(mergePassportCourse(before, course));
      }
      for (const walkthrough of passport.walkthroughs) {
        const key: [string, string] = [profileId, walkthrough.walkthroughId];
        const before = (await db.walkthroughProgress.get(key)) ?? emptyWalkthroughProgress(...key);
        await db.walkthroughProgress.put(mergePassportWalkthrough(before, walkthrough));
      }
      for (const certificate of passport.certificates) {
        const key: [string, string] = [profileId, certificate.courseId];
        const before = await db.certificates.get(key);
        if (before?.status === 'signed') continue;
        await db.certificates.put(
          signedCertificateRow(profileId, certificate.courseId, certificate, before?.requestId),
        );
      }
      await db.passports.add({ id: passport.id, profileId, addedAt: now, passport });
      return { ok: true, profileId };
    }),
  );
}
