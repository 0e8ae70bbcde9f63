import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, ContentError } from './compile.ts';

const CONTENT = resolve('content');

/** A copy of content/ with one file changed, to see how the build reports it. */
function brokenCopy(file: string, change: (text: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'hoc-so-content-'));
  cpSync(CONTENT, join(root, 'content'), { recursive: true });
  const target = join(root, 'content', file);
  writeFileSync(target, change(readFileSync(target, 'utf8')));
  return join(root, 'content');
}

function compileError(contentDir: string): string {
  try {
    compileContent(contentDir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  } finally {
    rmSync(join(contentDir, '..'), { recursive: true, force: true });
  }
  throw new Error('the broken content compiled');
}

const QUIZ = 'courses/smartphone-basics/quiz.yaml';
const LESSON = 'courses/smartphone-basics/lessons/phone-parts.yaml';

// Each test compiles the whole content folder, which takes seconds on a busy machine.
describe('content pipeline', { timeout: 30_000 }, () => {
  it('compiles the shipped course into a pack with lessons, quiz and inlined images', () => {
    const [compiled] = compileContent(CONTENT);
    const course = compiled!.pack.courses[0]!;
    expect(course.lessons.length).toBeGreaterThanOrEqual(3);
    expect(course.quiz.questions.length).toBeGreaterThanOrEqual(6);
    expect(course.quiz.questions.every((q) => q.explanation.vi && q.explanation.en)).toBe(true);
    const images = course.lessons.flatMap((l) => l.steps).filter((s) => s.image);
    expect(images.length).toBeGreaterThan(0);
    expect(compiled!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file and the field of a missing translation', () => {
    const dir = brokenCopy(QUIZ, (text) =>
      text.replace(/(explanation:\s*\n\s*vi:[^\n]*\n\s*)en:[^\n]*/, '$1en: ""'),
    );
    expect(compileError(dir)).toMatch(
      /content\/courses\/smartphone-basics\/quiz\.yaml: questions\.0\.explanation\.en: /,
    );
  });

  it('names an answer that is not one of the options', () => {
    const dir = brokenCopy(QUIZ, (text) => text.replace(/answer: \[[a-z]+\]/, 'answer: [zz]'));
    expect(compileError(dir)).toMatch(
      /quiz\.yaml: questions\.\d+\.answer\.0: "zz" is not an option/,
    );
  });

  it('names a lesson file that is not valid YAML', () => {
    const dir = brokenCopy(LESSON, (text) => `${text}\n  - : [unclosed`);
    expect(compileError(dir)).toMatch(/lessons\/phone-parts\.yaml: not valid YAML/);
  });

  it('refuses an image with a script in it', () => {
    const dir = brokenCopy('courses/smartphone-basics/images/phone-parts.svg', (svg) =>
      svg.replace('</svg>', '<script>alert(1)</script></svg>'),
    );
    expect(compileError(dir)).toMatch(/images\/phone-parts\.svg: not a plain SVG/);
  });
});
