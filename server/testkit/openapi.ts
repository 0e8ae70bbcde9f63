import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { request } from './world';

interface MediaType {
  schema: object;
}
interface Operation {
  responses: Record<string, { content: Record<string, MediaType> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** A documented path as a pattern of concrete urls: `{id}` is one segment, `{*}` the rest. */
function pathPattern(path: string): RegExp {
  const escaped = path.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('{*}', '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`);
}

/**
 * Checks answers against the OpenAPI document: the route, its status and its media type are
 * documented, and a JSON body matches its schema. Returns what does not fit (empty when all do).
 */
export function responseChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // zod writes `startsWith` as this format beside the pattern that checks it.
  ajv.addFormat('starts_with', true);
  const compiled = new Map<object, ValidateFunction>();
  const patterns = Object.keys(document.paths).map((path) => ({
    path,
    pattern: pathPattern(path),
  }));

  return (method: string, url: string, response: LightMyRequestResponse): string[] => {
    const path = url.split('?')[0]!;
    const found = patterns.find(({ pattern }) => pattern.test(path));
    const operation = found && document.paths[found.path]![method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not in the document`];
    const answer = operation.responses[String(response.statusCode)];
    if (!answer) return [`${method} ${found.path} does not document ${response.statusCode}`];
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0]!;
    const content = answer.content[mediaType];
    if (!content) return [`${method} ${found.path} ${response.statusCode} is not ${mediaType}`];
    if (mediaType !== 'application/json') return [];
    let validate = compiled.get(content.schema);
    if (!validate) {
      validate = ajv.compile(content.schema);
      compiled.set(content.schema, validate);
    }
    if (validate(response.json())) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${method} ${found.path} ${response.statusCode}: ${error.instancePath} ${error.message}`,
    );
  };
}

const checkers = new WeakMap<FastifyInstance, Promise<ReturnType<typeof responseChecker>>>();

/**
 * The testkit's `request`, with every answer checked against the server's own OpenAPI
 * document: an answer that does not fit throws, naming what does not fit.
 */
export function documentedRequest(app: FastifyInstance) {
  const call = request(app);
  return async (...args: Parameters<typeof call>) => {
    let checker = checkers.get(app);
    if (!checker) {
      checker = call('GET', '/api/openapi.json').then((document) =>
        responseChecker(document.json<OpenApiDocument>()),
      );
      checkers.set(app, checker);
    }
    const [method, url] = args;
    const response = await call(...args);
    const problems = (await checker)(method, url, response);
    if (problems.length > 0) throw new Error(`Not as documented:\n${problems.join('\n')}`);
    return response;
  };
}
