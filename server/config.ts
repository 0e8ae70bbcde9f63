import { z } from 'zod';

/** Everything the server reads from its environment, with defaults that run out of the box. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Folder of the embedded PostgreSQL (PGlite) used when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  /** A real PostgreSQL server, e.g. postgres://user@127.0.0.1:5432/hocso. */
  DATABASE_URL: z.string().url().optional(),
  /** The built app served in production (`npm run build` writes it). */
  DIST_DIR: z.string().min(1).default('dist'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The public address certificates name as their issuer (issuer id = <url>/api/certificates/issuers). */
  ISSUER_URL: z.string().url().default('http://localhost:8080'),
  ISSUER_NAME: z.string().min(1).default('Học Số'),
  /** Ed25519 seed, base64url (43 characters); unset: a key is generated and stored at first start. */
  ISSUER_PRIVATE_KEY: z.string().min(1).optional(),
});

export type ServerConfig = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
