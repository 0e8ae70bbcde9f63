import { useLiveQuery } from 'dexie-react-hooks';
import { readVerificationCache, type VerificationCache } from './certificates';
import { database } from './db';
import type { CertificateRow } from './rows';

/** A profile's certificates (waiting and signed), by course id; undefined while loading. */
export function useCertificates(profileId: string): Map<string, CertificateRow> | undefined {
  return useLiveQuery(async () => {
    const rows = await database().certificates.where('profileId').equals(profileId).toArray();
    return new Map(rows.map((row) => [row.courseId, row]));
  }, [profileId]);
}

/** One certificate of a profile; null when there is none, undefined while loading. */
export function useCertificate(
  profileId: string,
  courseId: string,
): CertificateRow | null | undefined {
  return useLiveQuery(
    async () => (await database().certificates.get([profileId, courseId])) ?? null,
    [profileId, courseId],
  );
}

/** The issuer keys and revocation list this phone has, kept up to date as syncs store them. */
export function useVerificationCache(): VerificationCache | undefined {
  return useLiveQuery(() => readVerificationCache(), []);
}
