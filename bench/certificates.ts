import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ed25519 } from '@noble/curves/ed25519.js';
import QRCode from 'qrcode';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { base45Decode } from '../src/domain/certificates/base45';
import { decodeCompact, verifyCompact } from '../src/domain/certificates/compactCode';
import { credentialMatchesCode } from '../src/domain/certificates/credential';
import { verifyLink } from '../src/domain/certificates/verifyLink';
import { publicKeyToMultibase } from '../src/domain/certificates/keys';
import type { IssuerKey } from '../src/protocol';
import { courseCatalog } from '../server/certificates/catalog';
import { verifyCredentialProof } from '../server/certificates/proof';
import { signCertificate, issuerId } from '../server/services/certificates';
import { keyIdOf } from '../server/services/issuerKeys';

/** The printed QR's width on an A5 certificate (.certificate-a5 .certificate-qr). */
const A5_QR_MM = 45;

export interface CertificateFigures {
  /**
   * Per course: QR version at level M of the `HS1:` code and of the printed verify link
   * (`HTTPS://HOCSO.EXAMPLE.VN/V/…`), their characters, signed CBOR bytes, and the module size
   * of the link's QR printed 45 mm wide on A5 (4 modules of quiet zone each side).
   */
  codes: {
    courseId: string;
    version: number;
    chars: number;
    linkVersion: number;
    linkChars: number;
    a5ModuleMm: number;
    coseBytes: number;
  }[];
  verifyCompactMs: number;
  credentialHashMs: number;
  credentialProofMs: number;
  bundles: { name: string; gzipBytes: number }[];
  /** verifyCompact in headless Chromium, median ms: as is, and with the CPU slowed 4× (CDP). */
  chromiumMs: { normal: number; slowed4x: number } | null;
}

/** The verifier bundled for the browser as one script that sets `globalThis.hsVerify`. */
async function verifierScript(dir: string): Promise<string> {
  const domain = resolve('src/domain/certificates');
  const entry = join(dir, 'verifier-entry.js');
  writeFileSync(
    entry,
    `import { verifyCompact } from '${domain}/compactCode.ts'; globalThis.hsVerify = verifyCompact;`,
  );
  const out = join(dir, 'verifier-out');
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: out,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'HsVerifier', fileName: 'verifier' },
    },
  });
  const file = readdirSync(out).find((f) => f.endsWith('.js'))!;
  return readFileSync(join(out, file), 'utf8');
}

/** verifyCompact timed inside headless Chromium (the phone's engine), if Chromium is there. */
async function chromiumTimes(qr: string, keys: IssuerKey[]) {
  const root = resolve('bench/out');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'certs-chromium-'));
  const browser = await chromium
    .launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
    .catch(() => null);
  if (!browser) return null;
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await verifierScript(dir) });
    const run = () =>
      page.evaluate(
        ({ qr, keys }) => {
          const verify = (globalThis as unknown as { hsVerify: (...a: unknown[]) => unknown })
            .hsVerify;
          for (let i = 0; i < 5; i++) verify(qr, keys, new Set());
          const times: number[] = [];
          for (let i = 0; i < 101; i++) {
            const start = performance.now();
            verify(qr, keys, new Set());
            times.push(performance.now() - start);
          }
          return times.sort((a, b) => a - b)[50]!;
        },
        { qr, keys },
      );
    const normal = await run();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const slowed4x = await run();
    return { normal, slowed4x };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeMs(runs: number, work: () => unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** gzip size of each entry bundled alone for the browser, minified (as the app's build does). */
async function browserBundles(
  entries: Record<string, string>,
  externalFor: Record<string, string[]>,
) {
  const root = resolve('bench/out');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'certs-'));
  const sizes: { name: string; gzipBytes: number }[] = [];
  try {
    for (const [name, source] of Object.entries(entries)) {
      const entry = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.js`);
      writeFileSync(entry, source);
      const out = join(dir, `out-${sizes.length}`);
      await build({
        root: dir,
        configFile: false,
        logLevel: 'silent',
        build: {
          outDir: out,
          target: 'es2022',
          lib: { entry, formats: ['es'], fileName: 'bundle' },
          rolldownOptions: { external: externalFor[name] ?? [] },
        },
      });
      const gzipBytes = readdirSync(out)
        .filter((f) => f.endsWith('.js'))
        .reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f))).length, 0);
      sizes.push({ name, gzipBytes });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return sizes;
}

export async function measureCertificates(): Promise<CertificateFigures> {
  const privateKey = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  const settings = { url: 'https://hocso.example.vn', name: 'Học Số' };
  const keys: IssuerKey[] = [
    {
      keyId,
      publicKeyMultibase: publicKeyToMultibase(publicKey),
      validFrom: new Date().toISOString(),
    },
  ];
  const codes: CertificateFigures['codes'] = [];
  let typical: { qr: string; credential: Record<string, unknown> } | undefined;
  for (const course of courseCatalog().values()) {
    // A typical Vietnamese full name: four words with diacritics.
    const signed = await signCertificate(
      settings,
      { keyId, privateKey, publicKey },
      course,
      'Nguyễn Thị Minh Khai',
    );
    const qr = QRCode.create(signed.qr, { errorCorrectionLevel: 'M' });
    const compressed = base45Decode(signed.qr.slice(4))!;
    const link = verifyLink(settings.url, signed.qr);
    const linkQr = QRCode.create(link, { errorCorrectionLevel: 'M' });
    codes.push({
      courseId: course.id,
      version: qr.version,
      chars: signed.qr.length,
      linkVersion: linkQr.version,
      linkChars: link.length,
      a5ModuleMm: A5_QR_MM / (linkQr.modules.size + 8),
      coseBytes: compressed.length,
    });
    typical ??= {
      qr: signed.qr,
      credential: JSON.parse(signed.credential) as Record<string, unknown>,
    };
  }
  const { qr, credential } = typical!;
  const revoked = new Set(Array.from({ length: 1000 }, () => crypto.randomUUID()));
  const verifyCompactMs = await timeMs(500, () => verifyCompact(qr, keys, revoked));
  const claims = (
    decodeCompact(qr) as { claims: { certificateId: string; credentialHash: string } }
  ).claims;
  const credentialHashMs = await timeMs(500, () => credentialMatchesCode(credential, claims));
  const method = `${issuerId(settings)}#${keyId}`;
  const credentialProofMs = await timeMs(50, () =>
    verifyCredentialProof(credential, (vm) => (vm === method ? publicKey : null)),
  );
  const domain = resolve('src/domain/certificates');
  const bundles = await browserBundles(
    {
      'verifier (verifyCompact + verifyRevocationList + credentialMatchesCode, with zod)': `export { verifyCompact, decodeCompact } from '${domain}/compactCode.ts'; export { verifyRevocationList } from '${domain}/revocations.ts'; export { credentialMatchesCode } from '${domain}/credential.ts';`,
      'verifier without zod (the app loads zod already)': `export { verifyCompact, decodeCompact } from '${domain}/compactCode.ts'; export { verifyRevocationList } from '${domain}/revocations.ts'; export { credentialMatchesCode } from '${domain}/credential.ts';`,
      '@noble/curves ed25519': `export { ed25519 } from '@noble/curves/ed25519.js';`,
      '@noble/hashes sha256': `export { sha256 } from '@noble/hashes/sha2.js';`,
      'cbor-x Encoder': `export { Encoder, Tag } from 'cbor-x';`,
      'fflate zlib': `export { zlibSync, unzlibSync } from 'fflate';`,
      '@scure/base base58 + base64url': `export { base58, base64urlnopad } from '@scure/base';`,
    },
    { 'verifier without zod (the app loads zod already)': ['zod'] },
  );
  const chromiumMs = await chromiumTimes(qr, keys);
  return { codes, verifyCompactMs, credentialHashMs, credentialProofMs, bundles, chromiumMs };
}

export function printCertificates(f: CertificateFigures): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    'Certificates: compact QR code of a typical certificate (holder "Nguyễn Thị Minh Khai")',
  );
  for (const c of f.codes) {
    console.log(
      `  ${c.courseId.padEnd(26)}: QR version ${c.version} (level M), ${c.chars} characters, ${c.coseBytes} bytes signed+compressed; as a verify link: version ${c.linkVersion}, ${c.linkChars} characters, ${c.a5ModuleMm.toFixed(2)} mm modules printed on A5`,
    );
  }
  console.log('Certificates: verification (Node, median)');
  console.log(
    `  verifyCompact (offline QR check, 1,000 revoked ids) : ${f.verifyCompactMs.toFixed(2)} ms`,
  );
  console.log(
    `  JSON file matches its QR (canonical sha-256)        : ${f.credentialHashMs.toFixed(2)} ms`,
  );
  console.log(
    `  full credential proof (eddsa-rdfc-2022, jsonld)     : ${f.credentialProofMs.toFixed(1)} ms`,
  );
  if (f.chromiumMs) {
    console.log(
      `  verifyCompact in headless Chromium                  : ${f.chromiumMs.normal.toFixed(2)} ms, ${f.chromiumMs.slowed4x.toFixed(2)} ms with the CPU slowed 4× (a cheap phone)`,
    );
  }
  console.log('Certificates: browser code, minified + gzip, each bundled alone');
  for (const b of f.bundles) console.log(`  ${b.name}: ${kb(b.gzipBytes)}`);
}
