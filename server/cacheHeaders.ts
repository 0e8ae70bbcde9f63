import type { FastifyInstance } from 'fastify';

/**
 * Every API answer is `Cache-Control: no-store` unless its route chose otherwise (the public
 * issuer keys and revocation list do): tokens, accounts, learners' events and figures must stay
 * in no cache — a shared phone's browser, a proxy — after they are read.
 */
export function noStoreByDefault(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
