import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentManifestSchema, contentPackSchema } from '../../src/protocol/index.ts';
import { compileContent } from './compile.ts';
import { contentFiles, MANIFEST_PATH } from './vite-plugin.ts';

describe('the catalogue a build writes', () => {
  const files = new Map(
    contentFiles(compileContent('content')).map((file) => [file.fileName, file.source]),
  );
  const manifest = contentManifestSchema.parse(JSON.parse(String(files.get(MANIFEST_PATH))));

  it('names every pack with the SHA-256 and size of the very bytes written for it', () => {
    expect(manifest.packs.length).toBeGreaterThan(0);
    for (const entry of manifest.packs) {
      const source = files.get(entry.url.slice(1));
      expect(source, entry.url).toBeTypeOf('string');
      expect(createHash('sha256').update(source!).digest('hex')).toBe(entry.hash);
      expect(Buffer.byteLength(source!)).toBe(entry.bytes);
    }
  });

  it("outlines each pack's courses and walkthroughs, and is far smaller than the packs", () => {
    let packBytes = 0;
    for (const entry of manifest.packs) {
      const pack = contentPackSchema.parse(JSON.parse(String(files.get(entry.url.slice(1)))));
      packBytes += entry.bytes;
      expect(entry.courses.map((c) => c.id)).toEqual(pack.courses.map((c) => c.id));
      expect(entry.walkthroughs.map((w) => w.id)).toEqual(pack.walkthroughs.map((w) => w.id));
      for (const [i, course] of pack.courses.entries()) {
        expect(entry.courses[i]!.lessons.map((l) => l.id)).toEqual(course.lessons.map((l) => l.id));
        expect(entry.courses[i]!.quiz.questions).toEqual(
          course.quiz.questions.map(({ id }) => ({ id })),
        );
      }
    }
    expect(String(files.get(MANIFEST_PATH)).length).toBeLessThan(packBytes / 10);
  });
});
