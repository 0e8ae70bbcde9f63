import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import type { Database } from '../db/database';
import { freshDatabase } from '../testing';
import { responseChecker, type OpenApiDocument } from '../testkit/openapi';
import { request } from '../testkit/world';
import { openApiPath } from './openapi';

describe('GET /api/openapi.json', () => {
  let app: FastifyInstance;
  let db: Database;
  let document: OpenApiDocument;
  const answered: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase('pglite');
    app = await buildServer({
      db,
      onRoute: ({ method, url }) => {
        // Fastify adds a HEAD beside every GET by itself.
        for (const one of [method].flat()) if (one !== 'HEAD') answered.push(`${one} ${url}`);
      },
    });
    document = (await request(app)('GET', '/api/openapi.json')).json<OpenApiDocument>();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    // The validator does refuse: an answer without its description is not valid OpenAPI.
    const broken = { ...document, paths: { '/x': { get: { responses: { 200: {} } } } } };
    expect((await validator.validate(broken)).valid).toBe(false);
    expect((document as unknown as { openapi: string }).openapi).toMatch(/^3\.1\./);
  });

  it('lists every route the server answers, and only those', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = answered.map((route) => {
      const [method, url] = route.split(' ') as [string, string];
      return `${method} ${openApiPath(url)}`;
    });
    expect(documented.sort()).toEqual([...served].sort());
    // The sync and team log routes are among them (they were the last outside a table).
    expect(documented).toEqual(
      expect.arrayContaining(['POST /api/sync/push', 'GET /api/teams/{teamId}/visits.xlsx']),
    );
  });

  it('documents every error a route can give with the typed error body', () => {
    const signIn = document.paths['/api/auth/sign-in']!.post!.responses;
    expect(Object.keys(signIn).sort()).toEqual(['200', '400', '401', '413', '429', '500']);
    const members = document.paths['/api/orgs/{id}/members']!.get!.responses;
    expect(Object.keys(members).sort()).toEqual(['200', '400', '401', '403', '404', '500']);
    expect(members['403']!.content['application/json']!.schema).toMatchObject({
      required: ['error'],
    });
  });

  it('tells an answer that does not fit its schema from one that does', async () => {
    const check = responseChecker(document);
    const health = await request(app)('GET', '/api/health');
    expect(check('GET', '/api/health', health)).toEqual([]);
    const wrong = { ...health, json: () => ({ status: 'fine' }) } as typeof health;
    expect(check('GET', '/api/health', wrong).length).toBeGreaterThan(0);
    const unknown = await request(app)('GET', '/api/nowhere');
    expect(check('GET', '/api/nowhere', unknown)).toEqual([
      'GET /api/nowhere is not in the document',
    ]);
  });
});
