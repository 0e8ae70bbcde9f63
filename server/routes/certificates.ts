import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PROTOCOL_HEADER,
  revokeCertificateRequestSchema,
  slugSchema,
  type CertificatesResponse,
  type IssuersResponse,
} from '../../src/protocol';
import { readConfig } from '../config';
import { courseCatalog } from '../certificates/catalog';
import { issuerProfile } from '../certificates/profile';
import type { Database } from '../db/database';
import { audit } from '../services/audit';
import { buildAchievement, CREDENTIAL_CONTEXTS } from '../../src/domain/certificates/credential.ts';
import {
  achievementOf,
  certificateById,
  issuerId,
  ownCertificates,
  processRequests,
  revokeCertificate,
  signedRevocationList,
  type IssuerSettings,
} from '../services/certificates';
import { currentSigningKey, publishedKeys } from '../services/issuerKeys';
import { requireCaller } from './auth';
import { invalidBody, sendError } from './errors';
import { verifyPageRoutes } from './verifyPage';

const idParams = z.strictObject({ id: z.uuid() });
const courseParams = z.strictObject({ courseId: slugSchema });

export function issuerSettings(env: NodeJS.ProcessEnv = process.env): IssuerSettings {
  const config = readConfig(env);
  return {
    url: config.ISSUER_URL,
    name: config.ISSUER_NAME,
    privateKey: config.ISSUER_PRIVATE_KEY,
  };
}

/** Signs what an owner has earned; called after a push stored a request, and on every list. */
export async function signEarnedCertificates(db: Database, ownerId: string) {
  return processRequests(db, issuerSettings(), courseCatalog(), ownerId);
}

/** Certificates: the learner's own list, the public issuer keys and revocations, revocation. */
export async function certificateRoutes(app: FastifyInstance, db: Database): Promise<void> {
  const settings = issuerSettings();
  // The key exists before the first request: generated and stored at first start if need be.
  await currentSigningKey(db, settings.privateKey);

  app.get('/api/certificates', async (request, reply) => {
    const caller = await requireCaller(db, request, reply);
    if (!caller) return reply;
    const pending = await processRequests(db, settings, courseCatalog(), caller.ownerId);
    const certificates = await ownCertificates(db, caller.ownerId);
    return reply.send({ certificates, pending } satisfies CertificatesResponse);
  });

  // The issuer id itself. The app (which names its protocol in a header) gets its key list;
  // anyone else, such as a verifier dereferencing the issuer, gets the OB 3.0 Profile.
  app.get('/api/certificates/issuers', async (request, reply) => {
    const keys = await publishedKeys(db);
    reply.header('cache-control', 'public, max-age=300').header('vary', PROTOCOL_HEADER);
    if (request.headers[PROTOCOL_HEADER] === undefined) {
      const profile = issuerProfile(issuerId(settings), settings.name, settings.url, keys);
      return reply.type('application/ld+json').send(JSON.stringify(profile));
    }
    const answer: IssuersResponse = {
      issuer: { id: issuerId(settings), name: settings.name },
      keys,
    };
    return reply.send(answer);
  });

  app.get('/api/certificates/revocations', async (_request, reply) => {
    return reply.header('cache-control', 'no-cache').send(await signedRevocationList(db, settings));
  });

  app.get('/api/certificates/achievements/:courseId', async (request, reply) => {
    const params = courseParams.safeParse(request.params);
    const course = params.success ? courseCatalog().get(params.data.courseId) : undefined;
    if (!course) return sendError(reply, 'not_found', 'No such course');
    const achievement = buildAchievement(achievementOf(settings, course));
    return reply.send({ '@context': [...CREDENTIAL_CONTEXTS], ...achievement });
  });

  app.get('/api/certificates/:id/credential', async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const caller = await requireCaller(db, request, reply);
    if (!caller) return reply;
    const certificate = await certificateById(db, params.data.id);
    const allowed =
      certificate &&
      (certificate.ownerId === caller.ownerId ||
        (caller.kind === 'account' && caller.isSystemAdmin));
    // Someone else's certificate answers exactly like a missing one: ids are not probed.
    if (!allowed) return sendError(reply, 'not_found', 'No such certificate');
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="hoc-so-certificate-${certificate.id}.json"`,
      )
      .send(JSON.stringify(certificate.credential, null, 2));
  });

  app.post('/api/certificates/:id/revoke', async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const caller = await requireCaller(db, request, reply);
    if (!caller) return reply;
    if (caller.kind !== 'account' || !caller.isSystemAdmin) {
      return sendError(reply, 'forbidden', 'Only a system administrator revokes certificates');
    }
    const body = revokeCertificateRequestSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const certificate = await certificateById(db, params.data.id);
    if (!certificate) return sendError(reply, 'not_found', 'No such certificate');
    if (!(await revokeCertificate(db, certificate.id, body.data.reason))) {
      return sendError(reply, 'conflict', 'The certificate was already revoked');
    }
    await audit(db, caller.accountId, 'certificate_revoked', certificate.id, {
      courseId: certificate.courseId,
    });
    return reply.send({ id: certificate.id, revoked: true });
  });

  verifyPageRoutes(app, db, settings);
}
