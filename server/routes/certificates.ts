import { z } from 'zod';
import {
  certificatesResponseSchema,
  credentialJsonSchema,
  PROTOCOL_HEADER,
  revocationListSchema,
  revokeCertificateRequestSchema,
  slugSchema,
  issuersResponseSchema,
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
import { sendError } from './errors';
import { refusals, route } from './table';

const idParams = z.strictObject({ id: z.uuid() });

export function issuerSettings(env: NodeJS.ProcessEnv = process.env): IssuerSettings {
  const config = readConfig(env);
  return {
    url: config.ISSUER_URL,
    name: config.ISSUER_NAME,
    privateKey: config.ISSUER_PRIVATE_KEY,
  };
}

/** A JSON-LD document (an OB 3.0 Profile, Achievement or credential): checked by the domain. */
const linkedData = z.record(z.string(), z.unknown());

/** Certificates: the learner's own list, the public issuer keys and revocations, revocation. */
export async function certificateTable(db: Database, settings: IssuerSettings) {
  // The key exists before the first request: generated and stored at first start if need be.
  await currentSigningKey(db, settings.privateKey);
  return [
    route({
      method: 'GET',
      url: '/api/certificates',
      summary: "The caller's certificates (signing what they have earned) and those not signed",
      who: 'caller',
      schemas: { response: { 200: certificatesResponseSchema } },
      handler: async ({ reply, caller }) => {
        const pending = await processRequests(db, settings, courseCatalog(), caller.ownerId);
        const certificates = await ownCertificates(db, caller.ownerId);
        return reply.send({ certificates, pending } satisfies CertificatesResponse);
      },
    }),
    // The issuer id itself. The app (which names its protocol in a header) gets its key list;
    // anyone else, such as a verifier dereferencing the issuer, gets the OB 3.0 Profile.
    route({
      method: 'GET',
      url: '/api/certificates/issuers',
      summary: "The issuer's public keys (the app), or its Open Badges Profile (anyone else)",
      who: 'anyone',
      schemas: {
        response: {
          200: {
            content: {
              'application/json': issuersResponseSchema,
              'application/ld+json': linkedData,
            },
          },
        },
      },
      handler: async ({ request, reply }) => {
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
      },
    }),
    route({
      method: 'GET',
      url: '/api/certificates/revocations',
      summary: 'The signed list of revoked certificates',
      who: 'anyone',
      schemas: { response: { 200: revocationListSchema } },
      handler: async ({ reply }) =>
        reply.header('cache-control', 'no-cache').send(await signedRevocationList(db, settings)),
    }),
    route({
      method: 'GET',
      url: '/api/certificates/achievements/:courseId',
      summary: "A course's Open Badges Achievement",
      who: 'anyone',
      schemas: {
        // Any text: a course that does not exist is a 404, whatever its id looks like.
        params: z.strictObject({ courseId: z.string() }),
        response: { 200: linkedData, ...refusals('not_found') },
      },
      handler: async ({ reply, params }) => {
        const courseId = slugSchema.safeParse(params.courseId);
        const course = courseId.success ? courseCatalog().get(courseId.data) : undefined;
        if (!course) return sendError(reply, 'not_found', 'No such course');
        const achievement = buildAchievement(achievementOf(settings, course));
        return reply.send({ '@context': [...CREDENTIAL_CONTEXTS], ...achievement });
      },
    }),
    route({
      method: 'GET',
      url: '/api/certificates/:id/credential',
      summary: 'The full Open Badges 3.0 credential, as a file (its holder or a system admin)',
      who: 'caller',
      schemas: {
        params: idParams,
        response: { 200: credentialJsonSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const certificate = await certificateById(db, params.id);
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
      },
    }),
    route({
      method: 'POST',
      url: '/api/certificates/:id/revoke',
      summary: 'Revoke a certificate (system admins)',
      who: 'account',
      schemas: {
        params: idParams,
        body: revokeCertificateRequestSchema,
        response: {
          200: z.object({ id: z.uuid(), revoked: z.literal(true) }),
          ...refusals('not_found', 'conflict'),
        },
      },
      handler: async ({ reply, caller, params, body }) => {
        if (!caller.isSystemAdmin) {
          return sendError(reply, 'forbidden', 'Only a system administrator revokes certificates');
        }
        const certificate = await certificateById(db, params.id);
        if (!certificate) return sendError(reply, 'not_found', 'No such certificate');
        if (!(await revokeCertificate(db, certificate.id, body.reason))) {
          return sendError(reply, 'conflict', 'The certificate was already revoked');
        }
        await audit(db, caller.accountId, 'certificate_revoked', certificate.id, {
          courseId: certificate.courseId,
        });
        return reply.send({ id: certificate.id, revoked: true });
      },
    }),
  ];
}
