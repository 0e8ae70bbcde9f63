import { Dexie, type EntityTable } from 'dexie';
import { DATABASE_NAME, declareSchema } from './schema';
import type {
  CatalogueRow,
  ContentKeyRow,
  PackSignatureRow,
  PackSourceRow,
  CourseRow,
  EventRow,
  MetaRow,
  OutboxRow,
  PackRow,
  ProfileRow,
  ProgressRow,
  ResumeRow,
  ChecklistRow,
  CredentialsRow,
  CertificateRow,
  IssuerKeyRow,
  WalkthroughProgressRow,
  WalkthroughRow,
  TeamVaultRow,
  TeamMembershipsRow,
  VisitDraftRow,
  VisitVersionRow,
  ClassRosterRow,
  ClassSessionRow,
  AttendanceMarkRow,
  AssignmentRow,
  OrgMembershipsRow,
  VisitReviewRow,
  CarryMadeRow,
  CarryingRow,
  PassportRow,
} from './rows';

export class HocSoDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  profiles!: EntityTable<ProfileRow, 'id'>;
  packs!: EntityTable<PackRow, 'id'>;
  catalogue!: EntityTable<CatalogueRow, 'id'>;
  contentKeys!: EntityTable<ContentKeyRow, 'keyId'>;
  packSignatures!: EntityTable<PackSignatureRow, 'hash'>;
  packSources!: EntityTable<PackSourceRow, 'id'>;
  courses!: EntityTable<CourseRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  courseProgress!: Dexie.Table<ProgressRow, [string, string]>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  resume!: Dexie.Table<ResumeRow, [string, string]>;
  walkthroughs!: EntityTable<WalkthroughRow, 'id'>;
  walkthroughProgress!: Dexie.Table<WalkthroughProgressRow, [string, string]>;
  checklists!: Dexie.Table<ChecklistRow, [string, string]>;
  credentials!: EntityTable<CredentialsRow, 'profileId'>;
  certificates!: Dexie.Table<CertificateRow, [string, string]>;
  issuerKeys!: EntityTable<IssuerKeyRow, 'keyId'>;
  teamVaults!: EntityTable<TeamVaultRow, 'accountId'>;
  teamMemberships!: EntityTable<TeamMembershipsRow, 'accountId'>;
  visitDrafts!: EntityTable<VisitDraftRow, 'draftId'>;
  visitVersions!: Dexie.Table<VisitVersionRow, [string, number]>;
  classRosters!: EntityTable<ClassRosterRow, 'classId'>;
  classSessions!: EntityTable<ClassSessionRow, 'id'>;
  attendanceMarks!: EntityTable<AttendanceMarkRow, 'id'>;
  assignments!: Dexie.Table<AssignmentRow, [string, string]>;
  orgMemberships!: EntityTable<OrgMembershipsRow, 'accountId'>;
  visitReviews!: Dexie.Table<VisitReviewRow, [string, string]>;
  carryMade!: EntityTable<CarryMadeRow, 'bundleId'>;
  carrying!: EntityTable<CarryingRow, 'id'>;
  passports!: EntityTable<PassportRow, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    declareSchema(this);
  }
}

let instance: HocSoDatabase | undefined;

/** The app's one database connection, opened on first use. */
export function database(): HocSoDatabase {
  instance ??= new HocSoDatabase();
  return instance;
}
