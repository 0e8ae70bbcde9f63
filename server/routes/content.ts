import { contentSignaturesResponseSchema } from '../../src/protocol';
import { readConfig } from '../config';
import type { Database } from '../db/database';
import { contentSignatures } from '../services/contentSignatures';
import { route } from './table';

/** Content: the content keys and the signatures of the packs, for courses passed as files. */
export function contentTable(db: Database, env: NodeJS.ProcessEnv = process.env) {
  const configured = readConfig(env).CONTENT_PRIVATE_KEY;
  return [
    route({
      method: 'GET',
      url: '/api/content/signatures',
      summary: "The content keys and the content key's signature of every pack this build serves",
      who: 'anyone',
      schemas: { response: { 200: contentSignaturesResponseSchema } },
      handler: async ({ reply }) => {
        reply.header('cache-control', 'public, max-age=300');
        return contentSignatures(db, configured);
      },
    }),
  ];
}
