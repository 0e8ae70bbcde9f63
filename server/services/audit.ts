import type { Queryable } from '../db/database';
import type { AuditAction, AuditEntry, AuditPage, AuditQuery } from '../../src/protocol';

export type { AuditAction };

/** Appends to the audit log: who, what, on what. Ids only — never names or phone numbers. */
export async function audit(
  db: Queryable,
  actorId: string | null,
  action: AuditAction,
  target: string | null = null,
  details: Record<string, string | number | boolean> = {},
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, action, target, details) VALUES ($1, $2, $3, $4)`,
    [actorId, action, target, JSON.stringify(details)],
  );
}

/** A page of the log, newest first, optionally of one action only. */
export async function readAuditLog(db: Queryable, query: AuditQuery): Promise<AuditPage> {
  const rows = await db.query<{
    id: string | number;
    at: Date | string;
    actor_id: string | null;
    action: AuditAction;
    target: string | null;
    details: AuditEntry['details'];
  }>(
    `SELECT id, at, actor_id, action, target, details FROM audit_log
     WHERE ($1::text IS NULL OR action = $1) AND ($2::bigint IS NULL OR id < $2)
     ORDER BY id DESC LIMIT $3`,
    [query.action ?? null, query.before ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit).map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    details: row.details,
  }));
  return { entries: page, next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
