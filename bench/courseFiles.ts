import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeCourseFile } from '../src/domain/content/courseFile';
import { signPack } from '../src/domain/content/packSignature';
import { COURSE_FILE_FORMAT, contentManifestSchema } from '../src/protocol';

export interface CourseFileFigures {
  packs: {
    id: string;
    kind: 'course' | 'walkthrough';
    /** The pack as downloaded: plain, and as the server sends it (gzip, brotli). */
    packBytes: number;
    packGzip: number;
    packBrotli: number;
    /** The course file as saved (gzip of its JSON), and its JSON plain and in brotli. */
    fileBytes: number;
    fileJson: number;
    fileBrotli: number;
  }[];
}

/** Every pack of the build (dist/) saved as a course file, signed with a throwaway key. */
export async function measureCourseFiles(dist = resolve('dist')): Promise<CourseFileFigures> {
  const manifest = contentManifestSchema.parse(
    JSON.parse(readFileSync(join(dist, 'content/manifest.json'), 'utf8')),
  );
  const key = ed25519.utils.randomSecretKey();
  const packs = [];
  for (const entry of manifest.packs) {
    const pack = readFileSync(join(dist, entry.url));
    const parts = { entry, signature: signPack(entry, 'kbench', key), pack: pack.toString() };
    const json = Buffer.from(JSON.stringify({ format: COURSE_FILE_FORMAT, ...parts }));
    packs.push({
      id: entry.id,
      kind: entry.courses.length > 0 ? ('course' as const) : ('walkthrough' as const),
      packBytes: pack.byteLength,
      packGzip: gzipSync(pack, { level: 9 }).byteLength,
      packBrotli: brotliCompressSync(pack).byteLength,
      fileBytes: (await encodeCourseFile(parts)).byteLength,
      fileJson: json.byteLength,
      fileBrotli: brotliCompressSync(json).byteLength,
    });
  }
  return { packs };
}

export function printCourseFiles({ packs }: CourseFileFigures): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const sorted = [...packs].sort((a, b) => a.packBytes - b.packBytes);
  const median = (kind: string) => {
    const of = sorted.filter((pack) => pack.kind === kind);
    return of[Math.floor((of.length - 1) / 2)];
  };
  const line = (p: CourseFileFigures['packs'][number]) =>
    `pack ${kb(p.packBytes)} plain, ${kb(p.packGzip)} gzip, ${kb(p.packBrotli)} brotli → ` +
    `course file ${kb(p.fileBytes)} (${p.fileBytes} bytes, gzip; ${kb(p.fileJson)} as plain JSON, ` +
    `${kb(p.fileBrotli)} if brotli)`;
  console.log(`Course files (a pack saved to pass phone to phone), ${packs.length} packs`);
  for (const kind of ['course', 'walkthrough']) {
    const typical = median(kind);
    if (typical) console.log(`  typical ${kind} (median) ${typical.id}: ${line(typical)}`);
  }
  for (const pack of sorted) console.log(`    ${pack.id.padEnd(28)} ${line(pack)}`);
}
