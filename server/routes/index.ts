import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { adminTable } from './admin';
import { agencyTable } from './agency';
import { attendanceTable } from './attendance';
import { assignmentProgressTable } from './assignmentProgress';
import { attestationTable } from './attestations';
import { authTable } from './auth';
import { carryTable } from './carry';
import { certificateTable, issuerSettings } from './certificates';
import { classRosterTable } from './classRoster';
import { contentTable } from './content';
import { complianceRollupTable } from './complianceRollups';
import { deviceTable } from './devices';
import { healthTable } from './health';
import { openApiTable } from './openapi';
import { organisationTable } from './organisations';
import { passportTable } from './passports';
import { passwordResetTable } from './passwordResets';
import { placeTable } from './places';
import { programmeCertificateTable } from './programmeCertificates';
import { syncTable } from './sync';
import type { Route } from './table';
import { teamApprovalTable } from './teamApproval';
import { verifyPageTable } from './verifyPage';
import { visitSummaryTable } from './visitSummaries';
import { visitTable } from './visits';

/** Every area's table of routes: every route the server answers (see openapi.ts). */
export async function routeTables(
  app: FastifyInstance,
  db: Database,
  guards: Guards,
): Promise<Route[][]> {
  const settings = issuerSettings();
  return [
    healthTable(db),
    deviceTable(db, guards),
    syncTable(db, guards, settings),
    carryTable(db, guards),
    authTable(db, guards),
    organisationTable(db, guards),
    teamApprovalTable(db),
    classRosterTable(db),
    attendanceTable(db),
    assignmentProgressTable(db),
    agencyTable(db, settings),
    complianceRollupTable(db),
    passwordResetTable(db, guards),
    adminTable(db, () => Boolean(issuerSettings().privateKey)),
    placeTable(db),
    await certificateTable(db, settings),
    contentTable(db),
    verifyPageTable(db, settings),
    programmeCertificateTable(db, settings),
    passportTable(db, settings),
    attestationTable(db),
    visitTable(db),
    visitSummaryTable(db),
    openApiTable(app),
  ];
}
