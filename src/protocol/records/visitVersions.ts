import {
  storedVisitVersionSchema,
  visitVersionSchema,
  type VisitVersion,
} from '../../protocol/visits.ts';
import { declareRecordKind, recordOf } from './kind.ts';

/** The wire id of a visit version: the record and its number (a rival may share both). */
export function visitVersionId(ref: Pick<VisitVersion, 'visitId' | 'version'>): string {
  return `${ref.visitId}:${ref.version}`;
}

/**
 * A finalized, immutable version of a team visit. It belongs to the team it names: a member
 * who may log visits pushes it, and pulls back the team's versions they may read. A version
 * that amends a version that is no longer the head is stored and flagged as a conflict.
 */
export const visitVersionKind = declareRecordKind({
  kind: 'visit-version',
  // 2: a service may be a category of help (`{ kind: 'category', id }`); version 1 shapes are
  // a subset, so old records are still accepted, stored and shown.
  version: 2,
  schema: visitVersionSchema,
  stored: storedVisitVersionSchema,
  scope: 'organisation',
  idOf: visitVersionId,
  deviceOf: (version) => version.deviceId,
});

/** A visit version as a push carries it. */
export const visitRecord = (version: VisitVersion) => recordOf(visitVersionKind, version);
