import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksReal, unsafePracticeField } from '../../src/domain/practiceData.ts';
import { compileContent, ContentError, readContentSources } from './compile.ts';
import { isStale, recheckDue } from './freshness.ts';

const CONTENT = resolve('content');
const walkthroughs = compileContent(CONTENT).flatMap((compiled) => compiled.pack.walkthroughs);

// Some tests compile the whole content folder again, which takes seconds on a busy machine.
describe('the shipped walkthroughs', { timeout: 30_000 }, () => {
  it('were each checked against their sources in the last 12 months (by the real clock)', () => {
    const today = new Date();
    const files = readContentSources(CONTENT).walkthroughs;
    expect(files.length).toBe(walkthroughs.length);
    for (const w of files) {
      expect(w.sources.length, w.id).toBeGreaterThan(0);
      expect(
        new Date(w.lastChecked).getTime(),
        `${w.id} checked in the future`,
      ).toBeLessThanOrEqual(today.getTime());
      expect(
        isStale(w.lastChecked, today),
        `${w.id} was last checked ${w.lastChecked}: check the steps and sources again, then update lastChecked`,
      ).toBe(false);
    }
  });

  it('count a check as stale once 12 months have passed', () => {
    expect(recheckDue('2025-11-29').toISOString().slice(0, 10)).toBe('2026-11-29');
    expect(isStale('2025-11-29', new Date('2026-11-29T12:00:00Z'))).toBe(true);
    expect(isStale('2025-11-30', new Date('2026-11-29T12:00:00Z'))).toBe(false);
  });

  it('are at least 8, each validated by the schema, with sources and the date they describe', () => {
    expect(walkthroughs.length).toBeGreaterThanOrEqual(8);
    for (const w of walkthroughs) {
      expect(w.sources.length, w.id).toBeGreaterThan(0);
      expect(w.asOf, w.id).toMatch(/^20\d\d-\d\d$/);
      expect(w.realService.url, w.id).toMatch(/^https:\/\//);
    }
  });

  it('label and hint every practice field in both languages', () => {
    for (const w of walkthroughs) {
      for (const step of w.steps) {
        for (const field of step.screen.fields) {
          const where = `${w.id}/${step.id}/${field.id}`;
          for (const text of [field.label, field.hint]) {
            expect(text.vi.trim(), where).not.toBe('');
            expect(text.en.trim(), where).not.toBe('');
          }
          expect(step.explain.en.trim(), where).not.toBe('');
        }
      }
    }
  });

  it('never ask for data that looks real', () => {
    for (const w of walkthroughs) {
      for (const step of w.steps) {
        for (const field of step.screen.fields) {
          expect(unsafePracticeField(field), `${w.id}/${step.id}/${field.id}`).toBeNull();
        }
        const shown = [step.screen.intro?.vi ?? '', step.screen.intro?.en ?? ''];
        expect(shown.some(looksReal), `${w.id}/${step.id} intro`).toBe(false);
      }
    }
  });

  it('show sample e-mail addresses and look-alike sites only under reserved names (RFC 2606)', () => {
    const reserved = /(^|\.)(example|test|invalid|localhost)$|^example\.(com|net|org)$/;
    for (const { sources: _forReviewers, realService: _linked, ...shown } of walkthroughs) {
      const text = JSON.stringify(shown);
      const emails = [...text.matchAll(/@([a-z0-9.-]+\.[a-z]+)/gi)].map((m) => m[1]!);
      const lookAlikes = [...text.matchAll(/[a-z0-9.-]*gov[a-z0-9.-]*\.[a-z]+/gi)]
        .map((m) => m[0].toLowerCase())
        .filter((name) => !name.endsWith('.gov.vn'));
      for (const name of [...emails, ...lookAlikes])
        expect(name, `${shown.id}: ${name}`).toMatch(reserved);
    }
  });

  it('fail the build when a screen asks for a real-looking citizen ID', () => {
    const root = mkdtempSync(join(tmpdir(), 'hoc-so-walkthrough-'));
    cpSync(CONTENT, join(root, 'content'), { recursive: true });
    const file = join(root, 'content', 'walkthroughs', 'residence-registration.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replaceAll('000 123 456 789', '079 123 456 789')
        .replaceAll('000123456789', '079123456789'),
    );
    try {
      expect(() => compileContent(join(root, 'content'))).toThrow(ContentError);
      expect(() => compileContent(join(root, 'content'))).toThrow(
        /residence-registration\.yaml: steps\.\d+\.screen\.fields\.\d+: a number of 9\+ digits must start with 000/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
