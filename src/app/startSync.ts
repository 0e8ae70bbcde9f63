import { watchWaitingCarried } from '../data/carry';
import { allCredentials } from '../data/credentials';
import { storeCertificates, storeIssuerKeys, storeRevocationList } from '../data/certificates';
import {
  storeProgrammeAnswer,
  storeProgrammeCertificates,
  waitingProgrammeRequests,
} from '../data/programmeCertificates';
import { createDexieSyncStore, type SyncScope } from '../data/syncStore';
import { watchWaitingReviews } from '../data/visitReviews';
import { setSession } from '../state/session';
import { useTeamVault } from '../state/teamVault';
import { accountAuth } from '../sync/accountTokens';
import { createCarryApi, deviceCarryStep, forwardCarriedStep } from '../sync/carry';
import { createCertificatesApi, type CertificatesApi } from '../sync/certificatesApi';
import { provideSyncControls } from '../sync/control';
import type { SyncStatus } from '../protocol/syncStatus';
import { createSyncEngine, type SyncEngine } from '../sync/engine';
import { combineStatuses } from '../sync/status';
import { createSyncApi } from '../sync/http';
import { refreshOrgMemberships } from '../sync/orgMemberships';

/**
 * After a sync: this scope's certificates, and (once per round, with the device's engine) the
 * issuer keys and the signed revocation list, so any certificate verifies offline later.
 */
function fetchCertificates(certificates: CertificatesApi, scope: SyncScope) {
  return async (token: string) => {
    await storeCertificates(scope, await certificates.mine(token));
    if (scope.kind === 'account') {
      await sendProgrammeRequests(certificates, scope.profileId, token);
      return;
    }
    await storeIssuerKeys(await certificates.issuers());
    await storeRevocationList(await certificates.revocations(), new Date().toISOString());
  };
}

/**
 * An account's programme certificates: each one asked for on this phone goes to its agency (the
 * server checks and signs, or says why not), then the account's signed ones come back.
 */
async function sendProgrammeRequests(
  certificates: CertificatesApi,
  profileId: string,
  token: string,
): Promise<void> {
  for (const row of await waitingProgrammeRequests(profileId)) {
    const { organisationId, assignmentId } = row.programme;
    const answer = await certificates.requestProgramme(token, organisationId, {
      assignmentId,
      profileId,
      holderName: row.holderName,
    });
    await storeProgrammeAnswer(profileId, row.courseId, answer);
  }
  await storeProgrammeCertificates(profileId, (await certificates.programmes(token)).certificates);
}

/** The team-log key while the account's log is unlocked on this phone: visits need it. */
function unlockedTeamKey(accountId: string): CryptoKey | null {
  const vault = useTeamVault.getState();
  return vault.accountId === accountId ? vault.key : null;
}

let engines: SyncEngine[] = [];
let stops: (() => void)[] = [];

/**
 * Starts one sync engine for the device's anonymous profiles and one per profile signed in
 * to an account, against the server that served the app; again after a sign-in or sign-out.
 */
export async function startSync(): Promise<void> {
  for (const stop of stops) stop();
  const api = createSyncApi(window.location.origin);
  const certificates = createCertificatesApi(window.location.origin);
  const carry = createCarryApi(window.location.origin);
  // Each engine reports its own status; the sync bar shows the one that matters most.
  const statuses: SyncStatus[] = [];
  const reporter = (index: number) => (status: SyncStatus) => {
    statuses[index] = status;
    setSession({ sync: combineStatuses(statuses.filter(Boolean)) });
  };
  engines = [
    createSyncEngine({
      api,
      store: createDexieSyncStore(),
      onStatus: reporter(0),
      afterSync: fetchCertificates(certificates, { kind: 'device' }),
      beforePush: deviceCarryStep(carry),
    }),
    ...(await allCredentials()).map(({ profileId, accountId }, i) =>
      createSyncEngine({
        api,
        store: createDexieSyncStore(undefined, { kind: 'account', profileId }, unlockedTeamKey),
        auth: accountAuth(profileId),
        onStatus: reporter(i + 1),
        afterSync: fetchCertificates(certificates, { kind: 'account', profileId }),
        beforePull: refreshOrgMemberships(window.location.origin, accountId),
        beforePush: forwardCarriedStep(carry),
      }),
    ),
  ];
  provideSyncControls({
    syncNow: () => engines.forEach((engine) => void engine.syncNow()),
    syncSoon: () => engines.forEach((engine) => engine.requestSoon()),
    restart: () => void startSync(),
  });
  stops = engines.map((engine) => engine.start());
  // A leader's review is recorded on a screen that does not reach the engines: sent soon too.
  stops.push(watchWaitingReviews(() => engines.forEach((engine) => engine.requestSoon())));
  // A file carried for another phone is added on a screen too: forwarded soon.
  stops.push(watchWaitingCarried(() => engines.forEach((engine) => engine.requestSoon())));
}

let watching = false;

/** Tracks connectivity for the indicator; started once. */
export function watchConnectivity(): void {
  if (watching) return;
  watching = true;
  const updateOnline = () => setSession({ online: navigator.onLine });
  addEventListener('online', updateOnline);
  addEventListener('offline', updateOnline);
}
