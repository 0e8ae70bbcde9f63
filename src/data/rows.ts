import type { CourseProgress } from '../domain/progress';
import type { WalkthroughProgress } from '../domain/walkthroughProgress';
import type { SealedBlob } from '../lib/vault';
import type {
  AttendanceMark,
  ClassSession,
  AssignmentRecord,
  ContentManifestEntry,
  Course,
  IssuerKey,
  LearningEvent,
  PackSignature,
  Passport,
  SignedPack,
  RecordKindName,
  MemberRole,
  OrgKind,
  RefusalReason,
  ReviewDecision,
  Walkthrough,
} from '../protocol';
import type { VisitDraftPlain, VisitPlain } from './visitParts';

/** An event on this device; `serverSeq` is set once the server has stored it. */
export type EventRow = LearningEvent & { serverSeq?: number };

export type ProgressRow = CourseProgress;

/** A record waiting to be pushed: its kind and id; the record itself lives in its own table. */
export interface OutboxRow {
  seq?: number;
  kind: RecordKindName;
  recordId: string;
  createdAt: string;
  /** `pending` until the server accepts it (then the row is deleted) or refuses it for good. */
  state: 'pending' | 'refused';
  /** The server's reason, as its protocol named it (version 1 said `invalid_event`). */
  refusal?: { reason: RefusalReason | 'invalid_event'; message: string };
}

export interface PinRecord {
  /** PBKDF2-SHA-256 of the PIN; the PIN itself is never stored. */
  hash: string;
  salt: string;
  iterations: number;
}

export interface ProfileRow {
  id: string;
  /** Empty for the profile made on first start, shown as "Tôi" / "Me". */
  name: string;
  /** One of the pictures in features/profiles/avatars, so no reading is needed to pick yours. */
  avatar?: string;
  createdAt: string;
  /** A guest's data is deleted when someone else takes the phone. */
  guest?: boolean;
  pin?: PinRecord;
  failedPinAttempts?: number;
  /** After too many wrong PINs, no attempt is taken before this time. */
  pinLockedUntil?: string;
  /** Read with `readSettings`, which falls back to defaults for anything unreadable. */
  settings?: unknown;
  /**
   * The first path's answer (goal, five-question check, suggested course), read with
   * `readFirstPath`. Not indexed, so it needs no schema version.
   */
  firstPath?: unknown;
}

export interface ResumeRow {
  profileId: string;
  courseId: string;
  lessonId: string;
  step: number;
  at: string;
}

export interface PackRow {
  id: string;
  version: number;
  hash: string;
  installedAt: string;
}

export type CourseRow = Course & { packId: string };

/** A pack of the build's catalogue, downloaded or not (`content/manifest.json`'s entry). */
export type CatalogueRow = ContentManifestEntry;

/** A content key pinned from the server: course files are checked against these. */
export type ContentKeyRow = IssuerKey;

/** The server's signature of a pack, by the pack's hash. */
export type PackSignatureRow = SignedPack & { signature: PackSignature };

/** An installed pack's exact bytes (their SHA-256 is its hash), gzipped. */
export interface PackSourceRow {
  id: string;
  hash: string;
  gzip: Uint8Array;
  /** Its catalogue entry when it was installed (the catalogue may list a newer one since). */
  entry: ContentManifestEntry;
}

export type WalkthroughRow = Walkthrough & { packId: string };

export type WalkthroughProgressRow = WalkthroughProgress;

/** The papers a profile has ticked as ready on a walkthrough's checklist. */
export interface ChecklistRow {
  profileId: string;
  walkthroughId: string;
  ticked: string[];
}

export interface MetaRow {
  key: MetaKey;
  value: string | number;
}

/** Keys of the `meta` table; their meaning is a contract like the schema itself. */
export type MetaKey =
  | 'deviceId'
  | 'deviceToken'
  | 'pullCursor'
  | 'lastSyncedAt'
  | 'defaultProfileId'
  /** The highest outbox number of the device scope's batch on its way, until it is answered. */
  | 'pushInFlight'
  /** The issuer's signed revocation list as JSON, exactly as the server sent it. */
  | 'revocationList'
  /** When the revocation list was last fetched from the server (ISO time). */
  | 'revocationsCheckedAt'
  /** This device's Ed25519 signing key as JSON `{privateKey, publicKey}`: never leaves the phone. */
  | 'deviceSigningKey'
  /** 1 once the server holds this device's signing key. */
  | 'deviceKeyNamed'
  /** The server's carry sealing key as JSON `{keyId, publicKey}`, cached for offline use. */
  | 'carrySealKey'
  /** How many carry bundles this device has sealed. */
  | 'carryCounter';

/** A profile signed in to an account on this device. */
export interface CredentialsRow {
  profileId: string;
  accountId: string;
  displayName: string;
  accessToken: string;
  refreshToken: string;
  /** The account's pull cursor of learning events on this device. */
  pullCursor: number;
  /** The pull cursor of visit versions of each team (by team id) the account logs visits in. */
  visitCursors?: Record<string, number>;
  /** The pull cursor of visit reviews of each team (by team id) the account logs visits in. */
  reviewCursors?: Record<string, number>;
  /** The pull cursor of assignments of each class or agency (by id) the account is in. */
  assignmentCursors?: Record<string, number>;
  /** The highest outbox number of this account's batch on its way, until it is answered. */
  pushInFlight?: number;
}

/**
 * A profile's certificate for one course: `waiting` from the moment it is asked for on this
 * phone until the server has signed it, then `signed` with what the server returned.
 */
/** The programme a certificate stands for, one round of it. */
export interface ProgrammeOfCertificate {
  organisationId: string;
  assignmentId: string;
  round: number;
  title: string;
}

export interface CertificateRow {
  profileId: string;
  courseId: string;
  /** The id of the `certificate.requested` event; empty when it was asked for on another phone. */
  requestId: string;
  holderName: string;
  status: 'waiting' | 'signed';
  /** Why the server has not signed it, once it said so. */
  pendingReason?: 'not_mastered' | 'unknown_course' | 'not_assigned';
  /**
   * Set on a programme's certificate (issue 13), whose `courseId` is `programmeCertificateKey`:
   * the agency's programme and the round of it asked for, and its title to show while waiting.
   */
  programme?: ProgrammeOfCertificate;
  certificateId?: string;
  /** The full Open Badges 3.0 credential (JSON object), for download. */
  credential?: unknown;
  /** The compact signed code carried by the QR. */
  qr?: string;
  issuedAt?: string;
  keyId?: string;
  revoked?: boolean;
}

/** One of the issuer's public keys, cached so certificates verify with no connection. */
export interface IssuerKeyRow {
  keyId: string;
  /** Ed25519 public key, multikey-encoded. */
  publicKeyMultibase: string;
  validFrom: string;
  revokedAt?: string;
  issuerId: string;
  issuerName: string;
}

/**
 * Today's unlock of a team log: the log key's bytes sealed by a browser-made key that can never
 * be exported (a CryptoKey object kept by IndexedDB), until `until` (midnight in Vietnam).
 */
export interface VaultDay {
  deviceKey: CryptoKey;
  sealedKey: SealedBlob;
  until: string;
}

/** An account's team vault on this device: salt and verifier, never the key in the clear. */
export interface TeamVaultRow {
  accountId: string;
  salt: string;
  iterations: number;
  /** A known text sealed with the key: a wrong passphrase fails to open it. */
  verifier: SealedBlob;
  /** The last commune (plain) and village (sealed), to pre-fill the next visit. */
  lastCommuneCode?: string;
  lastVillage?: SealedBlob;
  /** When a push of this account's visits last got an answer. */
  lastSentAt?: string;
  /** Today's unlock, reopened with the profile's PIN; gone at midnight or when ended. */
  day?: VaultDay;
}

/** A visit being written: never leaves the phone, editable and deletable. */
export interface VisitDraftRow {
  draftId: string;
  accountId: string;
  teamId: string;
  visitId: string;
  /** Null for a new visit; for an amendment, the version it amends. */
  amends: number | null;
  updatedAt: string;
  plain: VisitDraftPlain;
  secret: SealedBlob;
}

/** A finalized version: immutable; `waiting` ones are the visit outbox. */
export interface VisitVersionRow {
  visitId: string;
  version: number;
  accountId: string;
  teamId: string;
  state: 'waiting' | 'sent' | 'conflict' | 'refused';
  refusal?: string;
  plain: VisitPlain;
  secret: SealedBlob;
}

/** The teams an account belongs to, as last seen online, so the toolkit opens offline. */
export interface TeamMembershipsRow {
  accountId: string;
  teams: { teamId: string; name: string; role: 'volunteer' | 'team_leader' }[];
  checkedAt: string;
}

/** A class as its teacher last saw it online: its learners (never its staff) and pull cursors. */
export interface ClassRosterRow {
  classId: string;
  /** The teacher's profile on this phone, whose account pushes and pulls the class's records. */
  profileId: string;
  className: string;
  learners: { accountId: string; displayName: string }[];
  savedAt: string;
  cursors: { sessions: number; marks: number };
}

/** Where a version made on this phone stands; pulled versions are `sent`. */
export type RecordState = 'waiting' | 'sent' | 'refused';

interface LocalVersion {
  profileId: string;
  state: RecordState;
  refusal?: string;
  /** Set once pulled back from the server: its order and who pushed it. */
  serverSeq?: number;
  pushedBy?: { accountId: string; displayName: string };
  receivedAt?: string;
}

export type ClassSessionRow = ClassSession & LocalVersion;
export type AttendanceMarkRow = AttendanceMark & LocalVersion;
/**
 * An assignment record (or its withdrawal) one account on this phone made or pulled:
 * `waiting` to be sent, `stored` on the server, or `refused` for good with the server's reason.
 */
export interface AssignmentRow {
  accountId: string;
  id: string;
  organisationId: string;
  record: AssignmentRecord;
  /** Who made it, as the server names them (this phone's account until the server answers). */
  madeBy: { accountId: string; displayName: string };
  state: 'waiting' | 'stored' | 'refused';
  refusal?: { reason: RefusalReason; message: string };
}

/**
 * A team leader's review of one version of a visit, kept by each account that made or pulled it.
 * The comment is sealed with the account's team-log key, like a visit's personal fields.
 */
export interface VisitReviewRow {
  accountId: string;
  id: string;
  teamId: string;
  visitId: string;
  version: number;
  decision: ReviewDecision;
  comment?: SealedBlob;
  madeAt: string;
  madeBy: { accountId: string; displayName: string };
  /** The server's order; reviews made here and not yet sent come after every stored one. */
  serverSeq?: number;
  state: 'waiting' | 'stored' | 'refused';
  refusal?: { reason: RefusalReason; message: string };
}

/** The organisations an account belongs to, as the server last said, so they show offline. */
export interface OrgMembershipsRow {
  accountId: string;
  organisations: { organisationId: string; kind: OrgKind; name: string; role: MemberRole }[];
  checkedAt: string;
}

/** A bundle of this phone's waiting records, sealed for others to carry, until it arrives. */
export interface CarryMadeRow {
  bundleId: string;
  counter: number;
  createdAt: string;
  /** How many records it holds. */
  count: number;
  /** Its records as the outbox names them (bundles made before this was kept have none). */
  records?: { kind: string; id: string }[];
  /**
   * `waiting` until its records reached the server: by this file (the server's receipt says
   * so) or by any other way (every record in it left the outbox), so no receipt is waited for.
   */
  state: 'waiting' | 'arrived';
  arrivedAt?: string;
}

/** A file this phone carries for another, until the server has it (or refused it). */
export interface CarryingRow {
  /** SHA-256 of the file: the same file added twice is kept once. */
  id: string;
  file: string;
  addedAt: string;
  state: 'waiting' | 'stored' | 'already_received' | 'refused';
  reason?: string;
  settledAt?: string;
}

/** A progress passport added on this phone: the whole signed file, and the profile it joined. */
export interface PassportRow {
  /** The passport's own id: adding the same one again is a replay and changes nothing. */
  id: string;
  profileId: string;
  addedAt: string;
  passport: Passport;
}
