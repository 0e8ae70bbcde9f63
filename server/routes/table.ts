import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  preHandlerAsyncHookHandler,
} from 'fastify';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { errorResponseSchema, type ErrorCode } from '../../src/protocol';
import type { Database } from '../db/database';
import { audit } from '../services/audit';
import { CONTENT_TYPES, type ExportFile, type ExportFormat } from '../services/exportFiles';
import { principalOf, type Principal } from '../services/principal';
import { issuesOf, sendError, statusOf } from './errors';
import { refuseOutdated } from './protocol';

/** Who may call a route: anyone, any holder of a token (device or account), or an account. */
export type Who = 'anyone' | 'caller' | 'account';
type AccountPrincipal = Extract<Principal, { kind: 'account' }>;
type CallerOf<W extends Who> = W extends 'account'
  ? AccountPrincipal
  : W extends 'caller'
    ? Principal
    : null;

/** A body that is not JSON (a file, a page): its media types, each with its schema. */
export interface MediaBodies {
  content: Record<string, z.ZodType>;
}
export type ResponseBody = z.ZodType | MediaBodies;

type Part = z.ZodType | undefined;
type Parsed<S extends Part> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P extends Part, Q extends Part, B extends Part, W extends Who> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  caller: CallerOf<W>;
}

export interface RouteSpec<P extends Part, Q extends Part, B extends Part, W extends Who> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** One line for the OpenAPI document. */
  summary: string;
  who: W;
  /** Refuse an app speaking another protocol version first (426), before anything is read. */
  checksProtocol?: boolean;
  schemas: {
    params?: P;
    querystring?: Q;
    body?: B;
    /** Every answer the route's own rules give; the table adds those it causes (see below). */
    response: Record<number, ResponseBody>;
  };
  /** Rate limits (see rateLimits.ts), checked once the request is valid. */
  preHandler?: preHandlerAsyncHookHandler;
  /** Extra route options, such as a per-route rate limit. */
  config?: Record<string, unknown>;
  /** A larger body than the server's default, for the few routes that take a file's rows. */
  bodyLimit?: number;
  handler: (context: RouteContext<P, Q, B, W>) => Promise<unknown>;
}

/** A route of a table, its types erased so tables of different routes fit in one list. */
export type Route = RouteSpec<Part, Part, Part, Who>;

/** Declares one route; the types of its handler's context follow from its schemas. */
export function route<
  W extends Who,
  P extends Part = undefined,
  Q extends Part = undefined,
  B extends Part = undefined,
>(spec: RouteSpec<P, Q, B, W>): Route {
  return spec as unknown as Route;
}

/** The typed error answers with these codes, for a route's `response`. */
export function refusals(...codes: ErrorCode[]): Record<number, ResponseBody> {
  return Object.fromEntries(codes.map((code) => [statusOf(code), errorResponseSchema]));
}

/**
 * Every answer a route can give: its own, and the refusals the table itself causes — a bad
 * request (400, 413 with a body), no or the wrong token (401, 403), an old app (426), a rate
 * limit (429), and a failure on the server (500).
 */
export function responsesOf(spec: Route): Record<number, ResponseBody> {
  const { params, querystring, body } = spec.schemas;
  const causes: ErrorCode[] = ['server_error'];
  if (params || querystring || body) causes.push('invalid_body');
  if (body) causes.push('payload_too_large');
  if (spec.who !== 'anyone') causes.push('unauthorized');
  if (spec.who === 'account') causes.push('forbidden');
  if (spec.checksProtocol) causes.push('protocol_outdated');
  if (spec.preHandler || spec.config?.rateLimit) causes.push('rate_limited');
  return { ...refusals(...causes), ...spec.schemas.response };
}

/** A request that its route's schema refused: answered as `invalid_body` with its issues. */
export class InvalidRequest extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(error: z.ZodError) {
    const issues = issuesOf(error);
    const first = issues[0];
    super(first ? `${first.path}: ${first.message}` : 'Invalid request');
    this.issues = issues;
  }
}

/** Fastify validates each part of a request with the route's zod schema, compiled once. */
function zodValidator({ schema }: { schema: unknown }) {
  const zodSchema = schema as z.ZodType;
  return (data: unknown) => {
    const parsed = zodSchema.safeParse(data ?? undefined);
    return parsed.success ? { value: parsed.data } : { error: new InvalidRequest(parsed.error) };
  };
}

type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * Made once per process, however many servers it builds (a restart, several test servers):
 * each zod schema's JSON Schema, and each response schema's serialiser. Compiling them was
 * a fifth of the time of a test that restarts its server often.
 */
const jsonSchemas = {
  input: new WeakMap<z.ZodType, JsonSchema>(),
  output: new WeakMap<z.ZodType, JsonSchema>(),
};
const serialisers = new WeakMap<JsonSchema, (data: unknown) => string>();

/**
 * The JSON Schema of what a zod schema takes or sends (for serialisation and the OpenAPI
 * document). Shared, so frozen: whoever needs another shape makes a new object.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const known = jsonSchemas[io].get(schema);
  if (known) return known;
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  const frozen = deepFreeze(json);
  jsonSchemas[io].set(schema, frozen);
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Fastify serialises a JSON answer with fast-json-stringify, compiled once per schema. */
function cachedSerialiser({ schema }: { schema: unknown }) {
  const json = schema as JsonSchema;
  let serialise = serialisers.get(json);
  if (!serialise) {
    serialise = fastJson(json as unknown as Parameters<typeof fastJson>[0]);
    serialisers.set(json, serialise);
  }
  return serialise;
}

/** Fastify serialises JSON answers from their schemas; other media are sent as they are. */
function serialisedResponses(spec: Route): Record<number, JsonSchema> {
  const responses: Record<number, JsonSchema> = {};
  for (const [status, body] of Object.entries(responsesOf(spec))) {
    const json = body instanceof z.ZodType ? body : body.content['application/json'];
    if (json) responses[Number(status)] = jsonSchemaOf(json, 'output');
  }
  return responses;
}

const callers = new WeakMap<FastifyRequest, Principal>();
const documented = new WeakMap<FastifyInstance, Route[]>();

/** The routes registered through tables on this server, in order: what OpenAPI describes. */
export function documentedRoutes(app: FastifyInstance): readonly Route[] {
  return documented.get(app) ?? [];
}

function gate(db: Database, spec: Route) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (spec.checksProtocol && refuseOutdated(request, reply)) return reply;
    if (spec.who === 'anyone') return;
    const principal = await principalOf(db, request.headers.authorization);
    if (!principal) return sendError(reply, 'unauthorized', 'Missing or unknown token');
    if (spec.who === 'account' && principal.kind !== 'account') {
      return sendError(reply, 'forbidden', 'This needs an account, not only a device');
    }
    callers.set(request, principal);
  };
}

/** Registers a table: who may call, validation and serialisation all come from each route. */
export function registerRoutes(app: FastifyInstance, db: Database, table: Route[]): void {
  documented.set(app, [...documentedRoutes(app), ...table]);
  for (const spec of table) {
    const { params, querystring, body } = spec.schemas;
    const schema: FastifySchema = { response: serialisedResponses(spec) };
    if (params) schema.params = params;
    if (querystring) schema.querystring = querystring;
    if (body) schema.body = body;
    app.route({
      method: spec.method,
      url: spec.url,
      schema,
      validatorCompiler: zodValidator,
      serializerCompiler: cachedSerialiser,
      preValidation: gate(db, spec),
      ...(spec.preHandler ? { preHandler: spec.preHandler } : {}),
      ...(spec.config ? { config: spec.config } : {}),
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: (request, reply) =>
        spec.handler({
          request,
          reply,
          params: request.params as Parsed<Part>,
          query: request.query as Parsed<Part>,
          body: request.body as Parsed<Part>,
          caller: (callers.get(request) ?? null) as CallerOf<Who>,
        }),
    });
  }
}

/** How a route documents its answer when it is a CSV or XLSX file. */
export function fileAnswer(format: ExportFormat): MediaBodies {
  return { content: { [CONTENT_TYPES[format].split(';')[0]!]: z.string() } };
}

/**
 * Sends an export file once the audit log holds who took what (its kind, format and row
 * count, never its contents): never kept by a cache, saved as `fileName`.
 */
export async function sendExport(
  db: Database,
  reply: FastifyReply,
  export_: { actorId: string; target: string; kind: string; file: ExportFile; fileName: string },
  format: ExportFormat,
) {
  const { actorId, target, kind, file, fileName } = export_;
  await audit(db, actorId, 'export', target, { kind, format, rows: file.rows });
  return reply
    .header('cache-control', 'no-store')
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(file.body);
}
