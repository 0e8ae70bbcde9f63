import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COVERAGE_FILE, coursesOf, coverageTable } from './coverage.ts';

const CONTENT = resolve('content');
const courses = coursesOf(CONTENT);

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

  it('cover all five DigComp areas, as the committed coverage table says', () => {
    const areas = new Set(courses.flatMap((c) => c.digcomp.map((d) => d.split('.')[0])));
    expect([...areas].sort()).toEqual(['1', '2', '3', '4', '5']);
    const committed = readFileSync(resolve(CONTENT, COVERAGE_FILE), 'utf8');
    expect(normalise(committed), 'run npm run content:coverage').toBe(
      normalise(coverageTable(courses)),
    );
  });
});
