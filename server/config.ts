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
  /** Ed25519 seed that signs content packs, as ISSUER_PRIVATE_KEY; unset: generated and stored. */
  CONTENT_PRIVATE_KEY: z.string().min(1).optional(),
  /**
   * Which proxies' X-Forwarded-For to believe, so rate limits count each phone rather than the
   * proxy: `false` (none, the default), `true` (any: only behind a proxy no one can bypass), a
   * hop count, or addresses/CIDRs such as `127.0.0.1,10.0.0.0/8`.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value): boolean | number | string => {
      if (value === 'true' || value === 'false') return value === 'true';
      return /^\d+$/.test(value) ? Number(value) : value;
    }),
  /** Rate-limit counters in Redis (e.g. redis://127.0.0.1:6379) instead of the database. */
  REDIS_URL: z.string().url().optional(),
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

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Certificates carry the issuer address for ever: one signed as `localhost` can be checked by no
 * one else. A production server that others reach (HOST not a loopback) refuses to start with
 * it; any other run is warned.
 */
export function issuerAddressProblem(
  config: ServerConfig,
): { refuse: boolean; message: string } | null {
  const host = new URL(config.ISSUER_URL).hostname;
  if (!LOOPBACK.has(host) && !host.endsWith('.localhost')) return null;
  const refuse = config.NODE_ENV === 'production' && !LOOPBACK.has(config.HOST);
  return {
    refuse,
    message:
      `ISSUER_URL is ${config.ISSUER_URL}: certificates signed now name an address only this ` +
      'machine reaches. Set ISSUER_URL to the public https address of this server.',
  };
}
