import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QD757_SKILLS, TT02_AREAS, type TextBlock } from '../../src/protocol/index.ts';
import {
  COURSES_FOR_OFFICIALS,
  COVERAGE_FILE,
  courseSourcesOf,
  coursesOf,
  coverageTable,
} from './coverage.ts';
import { isStale } from './freshness.ts';

const CONTENT = resolve('content');
const courses = coursesOf(CONTENT);
const sources = courseSourcesOf(CONTENT);

const blocksText = (blocks: TextBlock[]) =>
  blocks.flatMap((block) => (block.kind === 'p' ? [block.text] : block.items));

/** Table whitespace and rule lengths are Prettier's business, not the table's. */
const normalise = (markdown: string) =>
  markdown.replace(/ +/g, ' ').replace(/-{3,}/g, '---').trim();

describe('the shipped courses', () => {
  it('are at least 10, each with at least 4 lessons and 8 quiz questions', () => {
    expect(courses.length).toBeGreaterThanOrEqual(10);
    for (const course of courses) {
      expect(course.lessons.length, course.id).toBeGreaterThanOrEqual(4);
      expect(course.quiz.questions.length, course.id).toBeGreaterThanOrEqual(8);
    }
  });

  it('say the same thing in English as in Vietnamese, block for block', () => {
    for (const course of courses) {
      for (const lesson of course.lessons) {
        for (const step of lesson.steps) {
          const shape = (blocks: typeof step.body.vi) =>
            blocks.map((b) => (b.kind === 'p' ? 'p' : `ul${b.items.length}`)).join(',');
          expect(shape(step.body.en), `${course.id}/${lesson.id}/${step.id}`).toBe(
            shape(step.body.vi),
          );
          expect(step.title.en.trim(), `${course.id}/${lesson.id}/${step.id}`).not.toBe('');
        }
      }
    }
  });

  it('give every question one valid answer key and an explanation in both languages', () => {
    for (const course of courses) {
      for (const question of course.quiz.questions) {
        const where = `${course.id}/${question.id}`;
        const options = question.options.map((o) => o.id);
        expect(
          question.answer.every((id) => options.includes(id)),
          where,
        ).toBe(true);
        expect(new Set(question.answer).size, where).toBe(question.answer.length);
        if (['single', 'true-false', 'picture'].includes(question.kind)) {
          expect(question.answer, where).toHaveLength(1);
        }
        if (question.kind === 'order')
          expect([...question.answer].sort(), where).toEqual([...options].sort());
        expect(
          question.explanation.vi.trim() && question.explanation.en.trim(),
          where,
        ).toBeTruthy();
        for (const option of question.options) {
          expect(option.text.vi.trim() && option.text.en.trim(), where).toBeTruthy();
        }
      }
    }
  });

  it('cover all five DigComp areas and all six Circular 02/2025 areas, as the committed coverage table says', () => {
    const areas = new Set(courses.flatMap((c) => c.digcomp.map((d) => d.split('.')[0])));
    expect([...areas].sort()).toEqual(['1', '2', '3', '4', '5']);
    expect([...new Set(sources.flatMap((c) => c.tt02))].sort()).toEqual(Object.keys(TT02_AREAS));
    expect(sources.some((c) => c.qd757.length > 0)).toBe(true);
    const committed = readFileSync(resolve(CONTENT, COVERAGE_FILE), 'utf8');
    expect(normalise(committed), 'run npm run content:coverage').toBe(
      normalise(coverageTable(sources)),
    );
    expect(committed).toContain('TT 02/2025');
    for (const skill of Object.keys(QD757_SKILLS)) expect(committed).toContain(skill);
  });

  it('refuse a coverage table that leaves out a course written for officials', () => {
    for (const [, id] of COURSES_FOR_OFFICIALS) {
      expect(() => coverageTable(sources.filter((c) => c.id !== id))).toThrow(id);
    }
  });

  it('show sample e-mail addresses and look-alike sites only under reserved names (RFC 2606)', () => {
    const texts = courses.flatMap((course) => [
      ...course.lessons.flatMap((l) =>
        l.steps.flatMap((s) => [...blocksText(s.body.vi), ...blocksText(s.body.en)]),
      ),
      ...course.quiz.questions.flatMap((q) => [
        q.prompt.vi,
        q.prompt.en,
        ...q.options.flatMap((o) => [o.text.vi, o.text.en]),
      ]),
    ]);
    const reserved = /(^|\.)(example|test|invalid|localhost)$|^example\.(com|net|org)$/;
    const emails = texts.flatMap((t) =>
      [...t.matchAll(/@([a-z0-9.-]+\.[a-z]+)/gi)].map((m) => m[1]!),
    );
    const lookAlikes = texts.flatMap((t) =>
      [...t.matchAll(/[a-z0-9.-]*gov[a-z0-9.-]*\.[a-z]+/gi)]
        .map((m) => m[0].toLowerCase())
        .filter((name) => !name.endsWith('.gov.vn')),
    );
    expect(emails.length + lookAlikes.length).toBeGreaterThan(0);
    for (const name of [...emails, ...lookAlikes]) expect(name, name).toMatch(reserved);
  });

  it('were each checked against dated sources in the last 12 months (by the real clock)', () => {
    const today = new Date();
    for (const course of sources) {
      expect(course.sources.length, course.id).toBeGreaterThan(0);
      expect(
        new Date(course.lastChecked).getTime(),
        `${course.id} checked in the future`,
      ).toBeLessThanOrEqual(today.getTime());
      expect(
        isStale(course.lastChecked, today),
        `${course.id}: check it again, then update lastChecked`,
      ).toBe(false);
    }
  });
});
