import { createServer } from 'node:net';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import * as vc from '@digitalbazaar/vc';
import jsonld from 'jsonld';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../../src/lib/ids';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  certificatesResponseSchema,
  eventRecord,
} from '../../src/protocol';
import { buildServer } from '../app';
import type { Database } from '../db/database';
import { revokeIssuerKey } from '../services/issuerKeys';
import { freshDatabase } from '../testing';
import { certificateRequest, neededRight, quizAttempt } from '../testkit/certificates';
import { obCredentialValidator } from '../testkit/obSchema';
import { bundledLoader } from './contexts';

type Json = Record<string, unknown>;

const validate = obCredentialValidator();

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise((done) => probe.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * A verifier's document loader: JSON-LD contexts from the npm packages that publish them, and
 * every URL of our server fetched over HTTP as anyone would (no protocol header). A fragment
 * (`<issuer>#<key>`) is the node of that id in the fetched document, in its context.
 */
function httpLoader(origin: string) {
  // The security vocabulary the Profile names (security/v2 and the v1 it imports).
  const contexts = bundledLoader(securityContexts);
  const fetched: string[] = [];
  const loader = async (url: string) => {
    if (!url.startsWith(`${origin}/`)) return contexts(url);
    const [base, fragment] = url.split('#') as [string, string | undefined];
    fetched.push(url);
    const response = await fetch(base, { headers: { accept: 'application/ld+json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const document = (await response.json()) as Json;
    if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
    const nodes = Object.values(document).flatMap((v) => (Array.isArray(v) ? v : [v]));
    const node = nodes.find((n) => typeof n === 'object' && n !== null && (n as Json).id === url);
    if (!node) throw new Error(`${url}: no such node`);
    return {
      contextUrl: null,
      documentUrl: url,
      document: { '@context': document['@context'], ...(node as Json) },
    };
  };
  return { loader, fetched };
}

describe('a certificate fetched over HTTP, checked by outside tools', () => {
  let db: Database;
  let app: FastifyInstance;
  let origin: string;
  let credential: Json;
  const savedIssuer = process.env.ISSUER_URL;

  async function api(path: string, token?: string, body?: unknown) {
    return fetch(`${origin}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    process.env.ISSUER_URL = origin;
    db = await freshDatabase('pglite');
    app = await buildServer({ db });
    await app.listen({ port, host: '127.0.0.1' });
    const deviceId = newRandomId();
    const profileId = newRandomId();
    const { deviceToken } = (await (
      await api('/api/devices', undefined, { protocolVersion: PROTOCOL_VERSION, deviceId })
    ).json()) as { deviceToken: string };
    await api('/api/sync/push', deviceToken, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: [
        ...quizAttempt(deviceId, profileId, neededRight(), true),
        certificateRequest(deviceId, profileId, 'Nguyễn Thị Hoa'),
      ].map(eventRecord),
    });
    const [certificate] = certificatesResponseSchema.parse(
      await (await api('/api/certificates', deviceToken)).json(),
    ).certificates;
    const download = await api(`/api/certificates/${certificate!.id}/credential`, deviceToken);
    credential = (await download.json()) as Json;
  });

  afterAll(async () => {
    if (savedIssuer === undefined) delete process.env.ISSUER_URL;
    else process.env.ISSUER_URL = savedIssuer;
    await app?.close();
    await db?.close();
  });

  it('validates against the official 1EdTech Open Badges 3.0 JSON schema', () => {
    const valid = validate(credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema can fail: a single proof not in an array is refused, as it was before.
    const proof = (credential.proof as Json[])[0];
    expect(validate({ ...credential, proof })).toBe(false);
  });

  it('the issuer id answers an OB 3.0 Profile listing its keys, all terms defined', async () => {
    const issuer = (credential.issuer as { id: string }).id;
    expect(issuer.startsWith(origin)).toBe(true);
    const response = await fetch(issuer);
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    const profile = (await response.json()) as {
      id: string;
      type: string[];
      name: string;
      verificationMethod: { id: string; type: string; controller: string }[];
      assertionMethod: string[];
    };
    expect(profile).toMatchObject({ id: issuer, type: ['Profile'], name: 'Học Số' });
    const method = (credential.proof as { verificationMethod: string }[])[0]!.verificationMethod;
    expect(profile.verificationMethod).toContainEqual(
      expect.objectContaining({ id: method, type: 'Multikey', controller: issuer }),
    );
    expect(profile.assertionMethod).toContain(method);
    // Safe mode fails on any term no context defines.
    const { loader } = httpLoader(origin);
    await expect(
      jsonld.expand(profile, { documentLoader: loader, safe: true }),
    ).resolves.toHaveLength(1);
  });

  it('verifies with Digital Bazaar’s vc + eddsa-rdfc-2022, the keys resolved from our server', async () => {
    const { loader, fetched } = httpLoader(origin);
    const verify = (c: Json) =>
      vc.verifyCredential({
        credential: c,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: loader,
      });
    const result = await verify(credential);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    const issuer = (credential.issuer as { id: string }).id;
    expect(fetched).toEqual(expect.arrayContaining([issuer, expect.stringMatching(/#k/)]));
    expect((await verify({ ...credential, name: 'Khoá khác' })).verified).toBe(false);

    // A revoked issuer key leaves the Profile's assertion methods: what it signed fails.
    const method = (credential.proof as { verificationMethod: string }[])[0]!.verificationMethod;
    await revokeIssuerKey(db, method.split('#')[1]!);
    expect((await verify(credential)).verified).toBe(false);
  });
});
