import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol';
import { sendError } from './errors';

/**
 * The protocol version a request speaks: its body's `protocolVersion`, else its header.
 * Anything that is not a number is left to the body's schema to refuse.
 */
function requestedVersion(request: FastifyRequest): number | undefined {
  const body = request.body;
  if (body && typeof body === 'object' && 'protocolVersion' in body) {
    const version = (body as { protocolVersion: unknown }).protocolVersion;
    return typeof version === 'number' ? version : undefined;
  }
  const header = request.headers[PROTOCOL_HEADER];
  return typeof header === 'string' ? Number(header) : undefined;
}

/**
 * Answers an app that speaks another protocol version with a typed refusal it can show as
 * "please update", before anything else is read. Returns true when it refused.
 */
export function refuseOutdated(request: FastifyRequest, reply: FastifyReply): boolean {
  const version = requestedVersion(request);
  if (version === undefined || version === PROTOCOL_VERSION) return false;
  sendError(
    reply,
    'protocol_outdated',
    `This server speaks protocol ${PROTOCOL_VERSION}; the app sent ${String(version)}. Update the app.`,
    { serverProtocolVersion: PROTOCOL_VERSION },
  );
  return true;
}
