import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ErrorCode, ErrorResponse } from '../../src/protocol';

const STATUS: Record<ErrorCode, number> = {
  invalid_body: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  protocol_outdated: 426,
  rate_limited: 429,
  server_error: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** Sends the protocol's typed error: a code the app can translate and words a developer can read. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  extra: Omit<ErrorResponse['error'], 'code' | 'message'> = {},
): FastifyReply {
  return reply.code(STATUS[code]).send({ error: { code, message, ...extra } });
}

/** Zod's issues as `path: message` pairs, the path written like `events.3.payload.courseId`. */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

export function invalidBody(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const issues = issuesOf(error);
  const first = issues[0];
  return sendError(
    reply,
    'invalid_body',
    first ? `${first.path}: ${first.message}` : 'Invalid body',
    { issues },
  );
}
