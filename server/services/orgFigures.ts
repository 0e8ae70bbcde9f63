import type { Database } from '../db/database';
import { accountProgress } from './progress';

/** Roles that run an organisation: never counted among the people who learn. */
export const STAFF_ROLES = ['volunteer', 'team_leader', 'teacher', 'agency_admin'] as const;

/**
 * The accounts counted as learners among the given members: a learner in one of them, and staff
 * nowhere (a teacher who also joined an agency's course is still staff) nor a system admin, nor
 * an agency's staff member outside their agency (a civil servant who joined a class learns
 * there, but is counted as their agency's, never as the class's learner).
 */
const LEARNERS_SQL = `m.role = 'learner'
  AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = m.account_id AND a.is_system_admin)
  AND NOT EXISTS (SELECT 1 FROM memberships s
                  WHERE s.account_id = m.account_id AND s.role = ANY($2::text[]))
  AND NOT EXISTS (SELECT 1 FROM agency_staff st
                  WHERE st.account_id = m.account_id AND st.organisation_id <> m.organisation_id)`;

/** The learners of one organisation, as account ids. */
export async function learnersOf(db: Database, orgId: string): Promise<Set<string>> {
  const rows = await db.query<{ account_id: string }>(
    `SELECT m.account_id FROM memberships m WHERE m.organisation_id = $1 AND ${LEARNERS_SQL}`,
    [orgId, STAFF_ROLES],
  );
  return new Set(rows.map((r) => r.account_id));
}

/** A team counts in its commune's figures once approved (classes and agencies at once). */
const COUNTED_ORG_SQL = `(o.kind <> 'team' OR o.approved_at IS NOT NULL)`;

export interface CommuneLearning {
  communeCode: string;
  organisations: Record<string, number>;
  /** Distinct people by role in the commune's organisations. */
  people: Record<string, number>;
  /** People who learn there and run nothing anywhere. */
  learners: number;
  lessonsCompleted: number;
  coursesMastered: number;
}

/** A commune's learning figures: counts only, and only learners' lessons count. */
export async function communeLearning(db: Database, code: string): Promise<CommuneLearning> {
  const organisations = await db.query<{ kind: string; n: string | number }>(
    `SELECT kind, count(*) AS n FROM organisations o
     WHERE o.commune_code = $1 AND ${COUNTED_ORG_SQL} GROUP BY kind`,
    [code],
  );
  const roles = await db.query<{ role: string; n: string | number }>(
    `SELECT m.role, count(DISTINCT m.account_id) AS n FROM memberships m
     JOIN organisations o ON o.id = m.organisation_id
     WHERE o.commune_code = $1 AND ${COUNTED_ORG_SQL} GROUP BY m.role`,
    [code],
  );
  // An agency's staff learn as civil servants, not as the commune's citizens: never counted here.
  const learners = await db.query<{ account_id: string }>(
    `SELECT DISTINCT m.account_id FROM memberships m
     JOIN organisations o ON o.id = m.organisation_id
     WHERE o.commune_code = $1 AND ${COUNTED_ORG_SQL} AND ${LEARNERS_SQL}
       AND NOT EXISTS (SELECT 1 FROM agency_staff st WHERE st.account_id = m.account_id)`,
    [code, STAFF_ROLES],
  );
  const progress = await accountProgress(
    db,
    learners.map((m) => m.account_id),
  );
  const courses = [...progress.values()].flat();
  return {
    communeCode: code,
    organisations: Object.fromEntries(organisations.map((r) => [r.kind, Number(r.n)])),
    people: Object.fromEntries(roles.map((r) => [r.role, Number(r.n)])),
    learners: learners.length,
    lessonsCompleted: courses.reduce((sum, c) => sum + c.completedLessons.length, 0),
    coursesMastered: courses.filter((c) => c.quiz.passed).length,
  };
}
