import { brotliCompressSync, gzipSync } from 'node:zlib';
import { base64urlnopad } from '@scure/base';
import {
  carryKeyIdOf,
  newCarryOpenKey,
  newDeviceSigningKey,
  openCarryFile,
  sealCarryBundle,
} from '../src/domain/carry/seal';
import { newEventId, newRandomId } from '../src/lib/ids';
import { eventRecord, PROTOCOL_VERSION, type LearningEvent } from '../src/protocol';

/** A learner's morning: lessons read, quiz answers and results, with real course ids. */
function learningEvents(deviceId: string, count: number): LearningEvent[] {
  const profileId = newRandomId();
  const courses = ['smartphone-basics', 'online-safety', 'vneid-basics', 'public-services'];
  return Array.from({ length: count }, (_, i): LearningEvent => {
    const courseId = courses[i % courses.length]!;
    const base = {
      id: newEventId(),
      deviceId,
      profileId,
      occurredAt: new Date(Date.UTC(2026, 10, 1, 8) + i * 40_000).toISOString(),
    };
    if (i % 4 === 0) {
      return {
        ...base,
        type: 'lesson.completed',
        payload: { courseId, lessonId: `lesson-${i % 9}` },
      };
    }
    if (i % 4 === 3) {
      return {
        ...base,
        type: 'quiz.completed',
        payload: { courseId, attemptId: newEventId(), score: 7, total: 10, passed: true },
      };
    }
    return {
      ...base,
      type: 'quiz.answered',
      payload: {
        courseId,
        attemptId: newEventId(),
        questionId: `q-${i % 10}`,
        chosen: ['b'],
        correct: i % 3 !== 0,
      },
    };
  });
}

export interface CarryBundleFigures {
  records: number;
  pushBodyBytes: number;
  fileBytes: number;
  fileGzipBytes: number;
  fileBrotliBytes: number;
  sealMs: number;
  openMs: number;
  /** QR codes of version 40 (2,953 bytes each, binary) the file would need. */
  qrCodes: number;
}

/** The size of a carry file of 500 records, and the time to seal and open it. */
export async function measureCarryBundle(records = 500): Promise<CarryBundleFigures> {
  const deviceId = newRandomId();
  const server = newCarryOpenKey();
  const keyId = carryKeyIdOf(server.publicKey);
  const sealKey = { keyId, publicKey: base64urlnopad.encode(server.publicKey) };
  const pushed = learningEvents(deviceId, records).map(eventRecord);
  const bundle = {
    protocolVersion: PROTOCOL_VERSION,
    bundleId: newRandomId(),
    counter: 1,
    createdAt: new Date().toISOString(),
    records: pushed,
  };
  const pushBody = JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId, records: pushed });
  const deviceKey = newDeviceSigningKey();
  // Once to warm up (the curves' tables are built on first use), then timed.
  await openCarryFile(await sealCarryBundle(bundle, deviceId, deviceKey, sealKey), [
    { keyId, privateKey: server.privateKey },
  ]);
  let started = performance.now();
  const file = await sealCarryBundle(bundle, deviceId, deviceKey, sealKey);
  const sealMs = performance.now() - started;
  const text = JSON.stringify(file);
  started = performance.now();
  const opened = await openCarryFile(JSON.parse(text), [{ keyId, privateKey: server.privateKey }]);
  const openMs = performance.now() - started;
  if (!opened.ok) throw new Error(`carry bundle did not open: ${opened.reason}`);
  const bytes = Buffer.byteLength(text);
  return {
    records,
    pushBodyBytes: Buffer.byteLength(pushBody),
    fileBytes: bytes,
    fileGzipBytes: gzipSync(text).length,
    fileBrotliBytes: brotliCompressSync(text).length,
    sealMs,
    openMs,
    qrCodes: Math.ceil(bytes / 2953),
  };
}

export function printCarryBundle(f: CarryBundleFigures): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`Carry bundle of ${f.records} learning events (sealed for the server, signed)`);
  console.log(`  the same records as a push body : ${kb(f.pushBodyBytes)}`);
  console.log(
    `  carry file                      : ${kb(f.fileBytes)} (${f.fileBytes} bytes; deflated inside the seal)`,
  );
  console.log(
    `  carry file compressed           : gzip ${kb(f.fileGzipBytes)}, brotli ${kb(f.fileBrotliBytes)}`,
  );
  console.log(
    `  seal ${f.sealMs.toFixed(0)} ms (warm), open and verify ${f.openMs.toFixed(0)} ms; as QR codes (version 40): ${f.qrCodes}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void measureCarryBundle().then(printCarryBundle);
}
