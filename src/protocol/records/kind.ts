import type { z } from 'zod';

/**
 * Who a record belongs to, which decides who may push it and who may pull it: the person who
 * made it (`owner`), or an organisation the pusher belongs to (`organisation`).
 */
export type RecordScope = 'owner' | 'organisation';

/**
 * A kind of synced record, declared once and used by the app and the server alike.
 * DO NOT CHANGE A DECLARED KIND'S NAME OR SCHEMA WITHOUT A MIGRATION: bump `version` and keep
 * reading the old shape.
 */
export interface RecordKind<
  Kind extends string,
  Data extends z.ZodType,
  Stored extends z.ZodType = Data,
> {
  kind: Kind;
  /** The version of this kind's shape; a new shape is a new version. */
  version: number;
  /** A record as the phone pushes it: checked one by one, so one bad record is refused alone. */
  schema: Data;
  /** A record as the server returns it on pull (with its server cursor). */
  stored: Stored;
  scope: RecordScope;
  /** The record's id on the wire: unique within its kind, the same on every retry. */
  idOf(data: z.infer<Data>): string;
  /** The device a record says it was made on: a device pushes only its own records. */
  deviceOf(data: z.infer<Data>): string;
}

/** Declares a record kind; the one place its name, shape, scope and id are written down. */
export function declareRecordKind<
  Kind extends string,
  Data extends z.ZodType,
  Stored extends z.ZodType,
>(declaration: RecordKind<Kind, Data, Stored>): RecordKind<Kind, Data, Stored> {
  return declaration;
}

/** A record of a kind as a push carries it. */
export function recordOf<Kind extends string, Data extends z.ZodType>(
  kind: RecordKind<Kind, Data, z.ZodType>,
  data: z.infer<Data>,
): { kind: Kind; id: string; data: z.infer<Data> } {
  return { kind: kind.kind, id: kind.idOf(data), data };
}
