import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  COURSE_FILE_FORMAT,
  contentPackSchema,
  courseFileSchema,
  type ContentManifestEntry,
  type ContentPack,
  type CourseFile,
  type IssuerKey,
  type PackSignature,
} from '../../protocol';
import { gunzip, gzip, isGzip } from '../../lib/gzip.ts';
import { checkPackSignature } from './packSignature.ts';

/**
 * Why a course file is refused, each with its own message on screen:
 * - `notCourseFile` it is not a Học Số course file at all (a photo, a document);
 * - `truncated` it starts as one but is cut short (a transfer that stopped);
 * - `altered` its signature, hash or pack does not match (changed after it was signed);
 * - `foreign` signed by a key this phone does not trust (another server, or none);
 * - `unknown` genuine, but a pack this app's catalogue does not list;
 * - `older` genuine, but older than the version this phone holds;
 * - `newer` genuine, but newer than this app knows: the app needs updating first.
 */
export type CourseFileRefusal =
  'notCourseFile' | 'truncated' | 'altered' | 'foreign' | 'unknown' | 'older' | 'newer';

export const COURSE_FILE_REFUSALS: readonly CourseFileRefusal[] = [
  'notCourseFile',
  'truncated',
  'altered',
  'foreign',
  'unknown',
  'older',
  'newer',
];

/** What a phone holds that decides whether a course file may be installed. */
export interface PhoneContent {
  /** The content keys pinned on this phone (from its server, at its first visit). */
  keys: readonly IssuerKey[];
  catalogue: readonly Pick<ContentManifestEntry, 'id' | 'version'>[];
  installed: readonly { id: string; version: number; hash: string }[];
}

export type CourseFileCheck =
  | {
      ok: true;
      file: CourseFile;
      pack: ContentPack;
      /** The phone already holds exactly this pack: nothing to install. */
      alreadyInstalled: boolean;
    }
  | { ok: false; reason: CourseFileRefusal };

/** Builds a course file: its JSON, gzipped (packs are text and shrink to about a quarter). */
export async function encodeCourseFile(parts: {
  entry: ContentManifestEntry;
  signature: PackSignature;
  pack: string;
}): Promise<Uint8Array> {
  const file: CourseFile = { format: COURSE_FILE_FORMAT, ...parts };
  return gzip(new TextEncoder().encode(JSON.stringify(file)));
}

/** The file's JSON, or why it is not a course file (cut short, or something else entirely). */
async function decode(bytes: Uint8Array): Promise<CourseFile | CourseFileRefusal> {
  let text: string;
  const gzipped = isGzip(bytes);
  try {
    const plain = gzipped ? await gunzip(bytes) : bytes;
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    // A gzip stream that ends early fails here; other bytes are not text at all.
    return gzipped ? 'truncated' : 'notCourseFile';
  }
  const startsAsOne = text.trimStart().startsWith(`{"format":"${COURSE_FILE_FORMAT}"`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return startsAsOne ? 'truncated' : 'notCourseFile';
  }
  const parsed = courseFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return startsAsOne ? 'altered' : 'notCourseFile';
}

/**
 * Checks a course file against what the phone holds, in this order: it is a course file and
 * whole; the signature is a trusted content key's; the pack's bytes hash to the signed hash and
 * are the pack the entry names; the catalogue lists the pack at this version or a newer one; the
 * phone does not hold a newer version.
 */
export function checkCourseFile(file: CourseFile, phone: PhoneContent): CourseFileCheck {
  const refuse = (reason: CourseFileRefusal): CourseFileCheck => ({ ok: false, reason });
  const { entry } = file;
  const signed = { id: entry.id, version: entry.version, bytes: entry.bytes, hash: entry.hash };
  const signature = checkPackSignature(signed, file.signature, phone.keys);
  if (signature !== 'valid') return refuse(signature);
  const bytes = new TextEncoder().encode(file.pack);
  if (bytes.byteLength !== entry.bytes || bytesToHex(sha256(bytes)) !== entry.hash) {
    return refuse('altered');
  }
  let pack: ContentPack;
  try {
    const parsed = contentPackSchema.safeParse(JSON.parse(file.pack));
    if (!parsed.success) return refuse('altered');
    pack = parsed.data;
  } catch {
    return refuse('altered');
  }
  if (pack.id !== entry.id || pack.version !== entry.version) return refuse('altered');
  const listed = phone.catalogue.find((known) => known.id === entry.id);
  if (!listed) return refuse('unknown');
  if (entry.version > listed.version) return refuse('newer');
  const held = phone.installed.find((installed) => installed.id === entry.id);
  if (held && entry.version < held.version) return refuse('older');
  return { ok: true, file, pack, alreadyInstalled: held?.hash === entry.hash };
}

/** Reads and checks a course file's bytes. Never throws: every failure is a refusal. */
export async function readCourseFile(
  bytes: Uint8Array,
  phone: PhoneContent,
): Promise<CourseFileCheck> {
  const file = await decode(bytes);
  if (typeof file === 'string') return { ok: false, reason: file };
  return checkCourseFile(file, phone);
}
