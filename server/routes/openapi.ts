import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { documentedRoutes, jsonSchemaOf, responsesOf, route, type Route } from './table';

type JsonSchema = Record<string, unknown>;

/** Fastify's `/a/:id/b` and `/V/*` written the OpenAPI way: `/a/{id}/b`, `/V/{*}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{*}');
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

const DESCRIPTIONS: Record<number, string> = {
  200: 'Done',
  201: 'Made',
  400: 'invalid_body: the request does not match its schema (the issues say where)',
  401: 'unauthorized: no token, or one the server does not know',
  403: 'forbidden: this caller may not do this',
  404: 'not_found',
  409: 'conflict: it was done already, or it clashes with what is stored',
  413: 'payload_too_large',
  426: 'protocol_outdated: the app speaks another protocol version and must update',
  429: 'rate_limited: too many attempts, wait a minute',
  500: 'server_error',
};

function operationOf(spec: Route) {
  const responses = Object.fromEntries(
    Object.entries(responsesOf(spec)).map(([status, body]) => {
      const content = body instanceof z.ZodType ? { 'application/json': body } : body.content;
      return [
        status,
        {
          description: DESCRIPTIONS[Number(status)] ?? status,
          content: Object.fromEntries(
            Object.entries(content).map(([mediaType, schema]) => [
              mediaType,
              { schema: jsonSchemaOf(schema, 'output') },
            ]),
          ),
        },
      ];
    }),
  );
  const { params, querystring, body } = spec.schemas;
  return {
    summary: spec.summary,
    ...(spec.who === 'anyone' ? {} : { security: [{ bearer: [] }] }),
    parameters: [...parametersOf(params, 'path'), ...parametersOf(querystring, 'query')],
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of these routes: every path, method, answer and schema. */
export function openApiDocument(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = openApiPath(spec.url);
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operationOf(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Học Số',
      version: String(PROTOCOL_VERSION),
      description:
        'The sync server of Học Số. Errors are `{ error: { code, message, issues? } }`; the app ' +
        `names its protocol version (${PROTOCOL_VERSION}) in the x-hoc-so-protocol header.`,
    },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: "A device's token or an account's access token",
        },
      },
    },
  };
}

/** `GET /api/openapi.json`: made once, from the tables registered on this server. */
export function openApiTable(app: FastifyInstance) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return [
    route({
      method: 'GET',
      url: '/api/openapi.json',
      summary: 'This document',
      who: 'anyone',
      schemas: { response: { 200: z.record(z.string(), z.unknown()) } },
      handler: async () => (document ??= openApiDocument(documentedRoutes(app))),
    }),
  ];
}
