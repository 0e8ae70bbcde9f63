import { performance } from 'node:perf_hooks';
import { courseCatalog } from '../server/certificates/catalog';
import type { Database } from '../server/db/database';
import { assignmentProgress } from '../server/services/assignmentProgress';
import { newEventId, newRandomId } from '../src/lib/ids';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type Course } from '../src/protocol';
import type { BrowserContext } from 'playwright-core';
import { signedInPhone } from '../tests/support/account';
import { startStack } from '../tests/support/stack';
import { chunks } from './pushThroughput';
import { timeScreenOpenings } from './screenOpenings';

const LEARNERS = 40;
const ITEMS = 10;
const WEEKS = 52;
/** Exceptions marked per weekly session (everyone else present, as the app writes it). */
const MARKS_PER_SESSION = 8;
const RUNS = 7;
const PASSWORD = 'mat-khau-bench';
/** The screen's own budget: a table a teacher opens should be drawn within this. */
const RENDER_LIMIT_MS = 100;

export interface ClassProgressFigures {
  database: string;
  learners: number;
  items: number;
  events: number;
  sessions: number;
  marks: number;
  seedSeconds: number;
  /** Median of RUNS: the service alone, the HTTP route, and the raw read of the same rows. */
  serviceMs: number;
  httpMs: number;
  rawReadMs: number;
  /** Median of RUNS: the teacher's attendance pull (sessions and marks, pages of 500). */
  attendancePullMs: number;
  /** From the progress answer's last byte to the table drawn at 360 px: cold, then median. */
  coldRenderMs: number;
  renderMs: number;
  tapToTableMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** A learner's events in one course, at one of four stages: none, some lessons, failed, passed. */
function courseEvents(course: Course, stage: number, start: number) {
  const events: { type: string; payload: object; at: number }[] = [];
  let at = start;
  const next = () => (at += 60_000);
  const lessons = stage === 1 ? course.lessons.slice(0, 2) : stage >= 2 ? course.lessons : [];
  for (const lesson of lessons) {
    events.push({
      type: 'lesson.completed',
      payload: { courseId: course.id, lessonId: lesson.id },
      at: next(),
    });
  }
  const attempt = (right: number) => {
    const attemptId = newEventId();
    course.quiz.questions.forEach((q, i) => {
      const correct = i < right;
      const wrong = q.options.find((o) => !q.answer.includes(o.id))?.id;
      events.push({
        type: 'quiz.answered',
        payload: {
          courseId: course.id,
          attemptId,
          questionId: q.id,
          chosen: correct || !wrong ? q.answer : [wrong],
          correct,
        },
        at: next(),
      });
    });
    const total = course.quiz.questions.length;
    events.push({
      type: 'quiz.completed',
      payload: {
        courseId: course.id,
        attemptId,
        score: right,
        total,
        passed: right >= Math.ceil(course.mastery * total),
      },
      at: next(),
    });
  };
  if (stage >= 2) attempt(Math.floor(course.quiz.questions.length / 2));
  if (stage >= 3) attempt(course.quiz.questions.length);
  return events;
}

/** A year of a class, written straight into the database (the push path is benched elsewhere). */
async function seedYear(db: Database, classId: string, teacherId: string) {
  const learners = (
    await db.query<{ account_id: string }>(
      `SELECT account_id FROM memberships WHERE organisation_id = $1 AND role = 'learner'
       ORDER BY account_id`,
      [classId],
    )
  ).map((r) => r.account_id);
  const courses = [...courseCatalog().values()].slice(0, ITEMS);
  const yearAgo = Date.now() - 365 * 24 * 60 * 60 * 1000;
  const teacherDevice = newRandomId();

  for (const [i, course] of courses.entries()) {
    const record = {
      id: newEventId(),
      deviceId: teacherDevice,
      organisationId: classId,
      madeAt: new Date(yearAgo + i * 30 * 24 * 60 * 60 * 1000).toISOString(),
      action: 'assign',
      item: { kind: 'course', id: course.id },
      target: { kind: 'organisation' },
      dueDate:
        i % 2 === 0
          ? null
          : new Date(yearAgo + (i + 1) * 30 * 86_400_000).toISOString().slice(0, 10),
    };
    await db.query(
      `INSERT INTO assignments (id, organisation_id, action, target_account_id, made_by, record)
       VALUES ($1, $2, 'assign', NULL, $3, $4)`,
      [record.id, classId, teacherId, JSON.stringify(record)],
    );
  }

  const rows: unknown[][] = [];
  learners.forEach((learner, l) => {
    const device = newRandomId();
    const profile = newRandomId();
    courses.forEach((course, c) => {
      for (const e of courseEvents(course, (l + c) % 4, yearAgo + c * 20 * 86_400_000)) {
        rows.push([
          newEventId(),
          `account:${learner}`,
          device,
          profile,
          e.type,
          JSON.stringify(e.payload),
          new Date(e.at).toISOString(),
        ]);
      }
    });
  });
  for (const batch of chunks(rows, 500)) {
    const values = batch.map(
      (_, r) => `(${Array.from({ length: 7 }, (_, k) => `$${r * 7 + k + 1}`).join(', ')})`,
    );
    await db.query(
      `INSERT INTO events (id, owner_id, device_id, profile_id, type, payload, occurred_at)
       VALUES ${values.join(', ')}`,
      batch.flat(),
    );
  }

  let marks = 0;
  for (let week = 0; week < WEEKS; week += 1) {
    const day = new Date(yearAgo + week * 7 * 86_400_000).toISOString().slice(0, 10);
    const sessionId = newRandomId();
    const session = {
      id: newEventId(),
      sessionId,
      classId,
      deviceId: teacherDevice,
      day,
      topic: `Buổi ${week + 1}: kỹ năng số`,
      items: ['Bài 1', 'Bài 2'],
      deleted: false,
      savedAt: `${day}T09:00:00.000Z`,
    };
    await db.query(
      `INSERT INTO class_session_versions (id, session_id, class_id, day, deleted, record, pushed_by)
       VALUES ($1, $2, $3, $4, false, $5, $6)`,
      [session.id, sessionId, classId, day, JSON.stringify(session), teacherId],
    );
    for (let m = 0; m < MARKS_PER_SESSION; m += 1) {
      const learnerId = learners[(week * 3 + m * 5) % learners.length]!;
      const status = (['absent', 'late', 'excused'] as const)[(week + m) % 3]!;
      const mark = {
        id: newEventId(),
        sessionId,
        classId,
        learnerId,
        deviceId: teacherDevice,
        status,
        savedAt: `${day}T09:05:00.000Z`,
      };
      await db.query(
        `INSERT INTO attendance_marks (id, session_id, class_id, learner_id, status, record, pushed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [mark.id, sessionId, classId, learnerId, status, JSON.stringify(mark), teacherId],
      );
      marks += 1;
    }
  }
  await db.exec('ANALYZE');
  return { learners, events: rows.length, sessions: WEEKS, marks };
}

/**
 * The teacher's progress view for a class of 40 with 10 assigned courses and a year of weekly
 * sessions: server time of the progress route and of the attendance pull, and its render at
 * 360 px in Chromium.
 */
export async function measureClassProgress(): Promise<ClassProgressFigures> {
  const stack = await startStack();
  let context: BrowserContext | undefined;
  try {
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await fetch(`${stack.origin}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const signedUp = await call('POST', '/api/auth/sign-up', '', {
      username: 'bench-teacher',
      displayName: 'Cô Đo',
      password: PASSWORD,
    });
    const token = String(signedUp.accessToken);
    const classId = String(
      (
        await call('POST', '/api/orgs', token, {
          kind: 'class',
          name: 'Lớp đo',
          communeCode: '00004',
        })
      ).id,
    );
    const rows = Array.from({ length: LEARNERS }, (_, i) => ({
      row: i + 2,
      fullName: `Học Viên Đo ${i + 1}`,
      birthYear: '2012',
      phone: '',
    }));
    await call('POST', `/api/orgs/${classId}/roster`, token, { rows });
    const teacherId = (
      await stack.db.query<{ id: string }>(
        `SELECT id FROM accounts WHERE username = 'bench-teacher'`,
      )
    )[0]!.id;
    const seedStart = performance.now();
    const seeded = await seedYear(stack.db, classId, teacherId);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const service: number[] = [];
    const http: number[] = [];
    const raw: number[] = [];
    const pull: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let start = performance.now();
      await assignmentProgress(stack.db, teacherId, classId);
      service.push(performance.now() - start);
      start = performance.now();
      await call('GET', `/api/orgs/${classId}/assignment-progress`, token);
      http.push(performance.now() - start);
      // The floor: reading the same event rows and assignments, folding nothing.
      start = performance.now();
      await stack.db.query(
        `SELECT owner_id, id, device_id, profile_id, type, payload, occurred_at, received_at
         FROM events WHERE owner_id = ANY($1::text[]) ORDER BY server_seq`,
        [seeded.learners.map((l) => `account:${l}`)],
      );
      await stack.db.query(`SELECT record FROM assignments WHERE organisation_id = $1`, [classId]);
      raw.push(performance.now() - start);
      // The attendance screens read the phone's copy, which the engine pulls like this.
      start = performance.now();
      for (const kind of ['class-session', 'attendance-mark']) {
        let since = 0;
        for (;;) {
          const page = await call(
            'GET',
            `/api/sync/pull?kind=${kind}&since=${since}&limit=500&scope=org:${classId}`,
            token,
          );
          since = Number(page.nextCursor);
          if (!page.hasMore) break;
        }
      }
      pull.push(performance.now() - start);
    }

    const phone = await signedInPhone(stack.origin, 'bench-teacher', PASSWORD);
    context = phone.context;
    const { page } = phone;
    await page.goto(`${stack.origin}/orgs/${classId}`);
    const open = page.getByRole('link', { name: 'Giao bài' });
    await open.waitFor({ timeout: 60_000 });
    const { render, total } = await timeScreenOpenings(page, open, {
      renderedMark: 'assignment-progress-rendered',
      answerPath: '/assignment-progress',
      runs: RUNS,
    });
    return {
      database: 'PGlite',
      learners: LEARNERS,
      items: ITEMS,
      events: seeded.events,
      sessions: seeded.sessions,
      marks: seeded.marks,
      seedSeconds,
      serviceMs: median(service),
      httpMs: median(http),
      rawReadMs: median(raw),
      attendancePullMs: median(pull),
      coldRenderMs: render[0]!,
      renderMs: median(render.slice(1)),
      tapToTableMs: median(total.slice(1)),
    };
  } finally {
    await context?.close();
    await stack.close();
  }
}

export function printClassProgress(f: ClassProgressFigures): void {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    `Class progress on ${f.database}: ${f.learners} learners, ${f.items} assigned courses, ${f.events} learning events, ${f.sessions} weekly sessions with ${f.marks} marks (seeded in ${f.seedSeconds.toFixed(1)} s), median of ${RUNS} runs`,
  );
  console.log(`  progress service      : ${f.serviceMs.toFixed(1)} ms`);
  console.log(`  HTTP GET progress     : ${f.httpMs.toFixed(1)} ms`);
  console.log(
    `  raw read of its rows  : ${f.rawReadMs.toFixed(1)} ms (HTTP is ${ratio(f.httpMs, f.rawReadMs)} the raw read)`,
  );
  console.log(`  attendance pull (all) : ${f.attendancePullMs.toFixed(1)} ms`);
  console.log(
    `  render at 360 px      : ${f.renderMs.toFixed(1)} ms (first, cold: ${f.coldRenderMs.toFixed(1)} ms; ${ratio(f.renderMs, RENDER_LIMIT_MS)} of a ${RENDER_LIMIT_MS} ms limit)`,
  );
  console.log(`  tap → table drawn     : ${f.tapToTableMs.toFixed(1)} ms`);
}
