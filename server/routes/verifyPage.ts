import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { VerifyStatus } from '../../src/protocol';
import { verifyCompact } from '../../src/domain/certificates/compactCode.ts';
import { codeFromText } from '../../src/domain/certificates/verifyLink.ts';
import type { Database } from '../db/database';
import type { IssuerSettings } from '../services/certificates';
import { wasSupervised } from '../services/attestations';
import { publishedKeys } from '../services/issuerKeys';
import { route } from './table';

const WORDS: Record<VerifyStatus | 'empty', { vi: string; en: string }> = {
  valid: { vi: 'Chứng chỉ hợp lệ', en: 'Valid certificate' },
  revoked: { vi: 'Chứng chỉ đã bị thu hồi', en: 'This certificate was revoked' },
  unknown_issuer: {
    vi: 'Không rõ nơi cấp: không tin được chứng chỉ này',
    en: 'Unknown issuer: this certificate cannot be trusted',
  },
  tampered: {
    vi: 'Mã đã bị sửa hoặc không đúng: chứng chỉ không hợp lệ',
    en: 'The code was changed or is wrong: not a valid certificate',
  },
  empty: { vi: 'Dán mã chứng chỉ (bắt đầu bằng HS1:)', en: 'Paste a certificate code (HS1:…)' },
};

const CSS = `body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:40rem;color:#1a1a1a;background:#fff;line-height:1.5}
h1{font-size:1.4rem}.status{border-radius:8px;padding:16px;font-size:1.25rem;font-weight:700;margin:16px 0}
.valid{background:#e6f4ea;color:#0b5323}.revoked,.tampered,.unknown_issuer{background:#fde8e8;color:#8a1010}
.empty{background:#eef2f7;color:#1a1a1a}.en{font-weight:400;font-size:1rem;display:block}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px}dt{font-weight:700}dd{margin:0;overflow-wrap:anywhere}
label{display:block;font-weight:700;margin-top:16px}textarea{width:100%;box-sizing:border-box;min-height:6rem;font:inherit}
button{min-height:44px;min-width:44px;padding:8px 16px;font:inherit;margin-top:8px;background:#0b4f9c;color:#fff;border:0;border-radius:6px}`;

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** `GET /verify?c=<code>`: checks a code online, server-rendered, no script (CSP-safe). */
export function verifyPageTable(db: Database, settings: IssuerSettings) {
  // Public and unauthenticated: a generous per-address limit keeps it from being a free oracle.
  const limited = { rateLimit: { max: 120, timeWindow: '1 minute' } };
  const htmlPage = { content: { 'text/html': z.string() } };
  // A scanned certificate QR (`HTTPS://HOST/V/<code>`); the path may come in either case.
  // (A wildcard: the code is longer than a route parameter may be.)
  const scanned = (url: string) =>
    route({
      method: 'GET',
      url,
      summary: 'The check of a scanned certificate QR code',
      who: 'anyone',
      config: limited,
      schemas: { params: z.object({ '*': z.string() }), response: { 200: htmlPage } },
      handler: async ({ reply, params }) =>
        page(reply, codeFromText(`/V/${params['*'].slice(0, 4000)}`)),
    });
  return [
    route({
      method: 'GET',
      url: '/verify.css',
      summary: "The check page's style",
      who: 'anyone',
      schemas: { response: { 200: { content: { 'text/css': z.string() } } } },
      handler: async ({ reply }) =>
        reply.header('content-type', 'text/css; charset=utf-8').send(CSS),
    }),
    route({
      method: 'GET',
      url: '/verify',
      summary: 'Check a certificate code, as a page',
      who: 'anyone',
      config: limited,
      schemas: {
        querystring: z.object({ c: z.string().optional() }),
        response: { 200: htmlPage },
      },
      handler: async ({ reply, query }) =>
        page(reply, query.c === undefined ? '' : codeFromText(query.c.slice(0, 4000))),
    }),
    scanned('/V/*'),
    scanned('/v/*'),
  ];

  async function page(reply: FastifyReply, code: string) {
    let status: VerifyStatus | 'empty' = 'empty';
    let details = '';
    if (code) {
      const revoked = await db.query<{ id: string }>(
        `SELECT id FROM certificates WHERE revoked_at IS NOT NULL`,
      );
      const result = verifyCompact(
        code,
        await publishedKeys(db),
        new Set(revoked.map((r) => r.id)),
      );
      status = result.status;
      if (result.claims) {
        const c = result.claims;
        const how = (await wasSupervised(db, c.certificateId))
          ? 'Làm bài kiểm tra có người giám sát / Quiz taken under supervision'
          : 'Tự làm bài kiểm tra / Quiz taken alone';
        details = `<dl>
<dt>Họ tên / Name</dt><dd>${escape(c.holderName)}</dd>
<dt>Khoá học / Course</dt><dd>${escape(c.courseTitle)}</dd>
<dt>Ngày cấp / Issued</dt><dd>${escape(c.issuedOn)}</dd>
<dt>Nơi cấp / Issuer</dt><dd>${escape(settings.name)}</dd>
<dt>Cách đạt / How earned</dt><dd data-earned>${escape(how)}</dd>
<dt>Số chứng chỉ / Certificate no.</dt><dd>${escape(c.certificateId)}</dd>
</dl>`;
      }
    }
    const words = WORDS[status];
    const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiểm tra chứng chỉ — Học Số</title><link rel="stylesheet" href="/verify.css"></head>
<body><main>
<h1>Kiểm tra chứng chỉ <span lang="en" class="en">Check a certificate</span></h1>
<p class="status ${status}" role="status" data-status="${status}">${escape(words.vi)}<span lang="en" class="en">${escape(words.en)}</span></p>
${details}
<form method="get" action="/verify">
<label for="c">Mã chứng chỉ <span lang="en">(certificate code)</span></label>
<textarea id="c" name="c" spellcheck="false" autocomplete="off">${escape(code)}</textarea>
<button type="submit">Kiểm tra <span lang="en">/ Check</span></button>
</form></main></body></html>`;
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }
}
