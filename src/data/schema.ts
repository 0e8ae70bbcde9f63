import type { Dexie, Transaction } from 'dexie';

/**
 * The device database. Every version ever shipped stays here, with its upgrade, forever.
 * DO NOT CHANGE A SHIPPED VERSION OR A PRIMARY KEY: add a version and migrate by copying.
 */
export const DATABASE_NAME = 'hoc-so';

/** Version 1: one learner per device. */
export const VERSION_1 = {
  meta: 'key',
  packs: 'id',
  courses: 'id',
  events: 'id, type',
  progress: 'courseId',
  outbox: '++seq, &eventId',
};

/**
 * Version 2: several people share one phone, so progress is keyed by profile. The old
 * `progress` table (keyed by course alone) is copied into `courseProgress` and dropped; events
 * of version 1 belong to the default profile created here; outbox rows get a state so a
 * refused event is kept and shown instead of retried forever; courses are indexed by pack.
 */
export const VERSION_2 = {
  profiles: 'id',
  courses: 'id, packId',
  events: 'id, type, profileId',
  progress: null,
  courseProgress: '[profileId+courseId], profileId',
  outbox: '++seq, &eventId, state',
};

/**
 * Version 3: "resume where you left off" — the step each profile last had open in each course.
 * It is a place on this device, not something the person did, so it is not an event.
 * Profiles are indexed by creation time, to list them in a stable order.
 */
export const VERSION_3 = {
  profiles: 'id, createdAt',
  resume: '[profileId+courseId], profileId',
};

/**
 * Version 4: walkthroughs of public e-services — their content, each profile's derived
 * progress with them, and the papers each profile has ticked on a walkthrough's checklist.
 */
export const VERSION_4 = {
  walkthroughs: 'id, packId',
  walkthroughProgress: '[profileId+walkthroughId], profileId',
  checklists: '[profileId+walkthroughId], profileId',
};

/**
 * Version 5: a profile signed in to an account keeps its tokens here, with its own pull
 * cursor; its events then sync as the account's.
 */
export const VERSION_5 = {
  credentials: 'profileId',
};

/**
 * Version 6: certificates. Each profile's certificate per course (waiting to be signed, then
 * signed by the server), the issuer's public keys and, in `meta`, the signed revocation list
 * with the time it was last checked, so a certificate can be verified with no connection.
 */
export const VERSION_6 = {
  certificates: '[profileId+courseId], profileId, certificateId',
  issuerKeys: 'keyId',
};

/**
 * Version 7: the community tech team's visit log. Personal
 * fields are AES-GCM blobs (src/lib/vault); only what lists and counts need is plain.
 * `teamVaults` keeps each account's salt and verifier (never the key); `teamMemberships`
 * remembers which teams the account is in, so the log opens offline; `visitDrafts` never
 * leave the phone; `visitVersions` are finalized, immutable versions, and those in state
 * `waiting` are the visit outbox.
 */
export const VERSION_7 = {
  teamVaults: 'accountId',
  teamMemberships: 'accountId',
  visitDrafts: 'draftId, accountId',
  visitVersions: '[visitId+version], visitId, accountId, state',
};

/**
 * Version 8: one outbox for every record kind. Each entry names its `kind` and `recordId`
 * instead of an `eventId`; learning events keep their place (their `seq`), and every visit
 * version still waiting joins the outbox after them, oldest version first. The visit rows keep
 * their state for the screens; drafts never enter the outbox.
 */
export const VERSION_8 = {
  outbox: '++seq, &[kind+recordId], state',
};

/**
 * Version 9: a teacher's classes on the phone, so attendance is taken offline.
 * `classRosters` keeps each class's learners as the teacher last saw them, with the pull cursors
 * of its sessions and marks; `classSessions` and `attendanceMarks` hold versions (pulled, or
 * made here); those made here also enter the one outbox, in the same transaction as the row,
 * and keep their state (`waiting`, `sent`, `refused`) for the screens.
 */
export const VERSION_9 = {
  classRosters: 'classId, profileId',
  classSessions: 'id, classId, [profileId+state]',
  attendanceMarks: 'id, classId, [profileId+state]',
};

/**
 * Version 10: assignments from a class's teacher or an agency's admin. Each account on the
 * phone keeps the records it made or pulled (those it made wait in the one outbox), and the
 * organisations it belongs to, so the home screen knows where it learns, offline.
 */
export const VERSION_10 = {
  assignments: '[accountId+id], accountId',
  orgMemberships: 'accountId',
};

/**
 * Version 11: team leaders' reviews of visits (approved, or sent back with a comment). Each
 * account keeps the reviews it made or pulled, the comment sealed like a visit's personal
 * fields; those it made wait in the one outbox.
 */
export const VERSION_11 = {
  visitReviews: '[accountId+id], [accountId+teamId]',
};

/**
 * Version 12: the content catalogue. The first visit installs only the catalogue (one row per
 * pack of the build, with its hash, size and the outline of its courses and walkthroughs);
 * a pack's courses and walkthroughs are written to their tables when it is downloaded.
 */
export const VERSION_12 = {
  catalogue: 'id',
};

/**
 * Version 13: courses passed phone to phone as files. The content keys pinned from the server
 * (`contentKeys`), the server's signature of each pack by its hash (`packSignatures`, from the
 * server or from a file that was installed), and each installed pack's exact bytes, gzipped
 * (`packSources`), so a phone can save any pack it holds as a file and pass it on.
 */
export const VERSION_13 = {
  contentKeys: 'keyId',
  packSignatures: 'hash',
  packSources: 'id',
};

/**
 * Version 14, carry to sync (issue 17): the bundles this phone sealed for others to carry, until
 * their receipt arrives, and the files this phone carries for others, until the server has them.
 */
export const VERSION_14 = {
  carryMade: 'bundleId, state',
  carrying: 'id, state',
};

/**
 * Version 15, the progress passport (issue 17): each passport added on this phone, by its id
 * (so the same file added twice is a replay) with the profile it was added to. Its records are
 * folded into that profile's derived rows; they are never events and never enter the outbox.
 */
export const VERSION_15 = {
  passports: 'id, profileId',
};

export const CURRENT_VERSION = 15;

async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const meta = tx.table('meta');
  const existing = (await meta.get('defaultProfileId')) as { value: string } | undefined;
  const profileId = existing?.value ?? crypto.randomUUID();
  if (!existing) {
    await tx
      .table('profiles')
      .add({ id: profileId, name: '', createdAt: new Date().toISOString() });
    await meta.put({ key: 'defaultProfileId', value: profileId });
  }
  await tx
    .table('events')
    .toCollection()
    .modify((event: { profileId?: string }) => {
      event.profileId ??= profileId;
    });
  const oldProgress = (await tx.table('progress').toArray()) as object[];
  await tx.table('courseProgress').bulkAdd(oldProgress.map((row) => ({ ...row, profileId })));
  await tx
    .table('outbox')
    .toCollection()
    .modify((row: { state?: string }) => {
      row.state = 'pending';
    });
}

async function upgradeToVersion8(tx: Transaction): Promise<void> {
  const outbox = tx.table('outbox');
  await outbox
    .toCollection()
    .modify((row: { eventId?: string; kind?: string; recordId?: string }) => {
      row.kind = 'learning-event';
      row.recordId = row.eventId;
      delete row.eventId;
    });
  const waiting = (await tx.table('visitVersions').where('state').equals('waiting').toArray()) as {
    visitId: string;
    version: number;
  }[];
  const createdAt = new Date().toISOString();
  await outbox.bulkAdd(
    waiting
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        kind: 'visit-version',
        recordId: `${v.visitId}:${v.version}`,
        createdAt,
        state: 'pending',
      })),
  );
}

/** Declares every version on a Dexie instance, oldest first. */
export function declareSchema(db: Dexie): void {
  db.version(1).stores(VERSION_1);
  db.version(2).stores(VERSION_2).upgrade(upgradeToVersion2);
  db.version(3).stores(VERSION_3);
  db.version(4).stores(VERSION_4);
  db.version(5).stores(VERSION_5);
  db.version(6).stores(VERSION_6);
  db.version(7).stores(VERSION_7);
  db.version(8).stores(VERSION_8).upgrade(upgradeToVersion8);
  db.version(9).stores(VERSION_9);
  db.version(10).stores(VERSION_10);
  db.version(11).stores(VERSION_11);
  db.version(12).stores(VERSION_12);
  db.version(13).stores(VERSION_13);
  db.version(14).stores(VERSION_14);
  db.version(15).stores(VERSION_15);
}
