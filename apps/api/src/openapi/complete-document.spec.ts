import type { OpenAPIObject } from '@nestjs/swagger';
import { completeOpenApiDocument, PUBLIC_EXTENSION } from './complete-document';

/** As SwaggerModule.createDocument gives it: its types know neither extensions nor draft-7 bounds. */
const generated = (): OpenAPIObject =>
  ({
    openapi: '3.0.0',
    info: { title: 'Rödtråd API', version: '0.1.0' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'rodtrad_session' },
      },
    },
    paths: {
      '/api/auth/login': {
        post: {
          [PUBLIC_EXTENSION]: true,
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { 200: { description: 'ok' }, 401: { description: 'Fel användarnamn eller lösenord' } },
        },
      },
      '/api/health': { get: { [PUBLIC_EXTENSION]: true, responses: { 200: { description: 'ok' } } } },
      '/api/org-units/{id}/thresholds': {
        put: {
          parameters: [{ name: 'id', in: 'path', required: true }],
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { shareOfFrame: { type: 'number', exclusiveMinimum: 0, maximum: 1 } },
                },
              },
            },
          },
          responses: { 200: { description: 'ok' } },
        },
      },
    },
  }) as unknown as OpenAPIObject;

describe('completeOpenApiDocument', () => {
  const doc = completeOpenApiDocument(generated());
  const op = (path: string, method: string) =>
    (doc.paths[path] as Record<string, { security?: unknown; responses: Record<string, unknown> }>)[method];

  it('says security: [] on public operations and asks the session or token of the others', () => {
    expect(op('/api/auth/login', 'post').security).toEqual([]);
    expect(op('/api/health', 'get').security).toEqual([]);
    expect(op('/api/org-units/{id}/thresholds', 'put').security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(JSON.stringify(doc)).not.toContain(PUBLIC_EXTENSION);
  });

  it('declares the common problems by what an operation takes, keeping its own', () => {
    expect(Object.keys(op('/api/org-units/{id}/thresholds', 'put').responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '422',
    ]);
    // Public: no 401 of the guard, its own 401 kept; a change refused cross-origin (403).
    const login = op('/api/auth/login', 'post').responses;
    expect(login['401']).toEqual({ description: 'Fel användarnamn eller lösenord' });
    expect(Object.keys(login).sort()).toEqual(['200', '400', '401', '403', '422']);
    expect(Object.keys(op('/api/health', 'get').responses)).toEqual(['200']);
    expect(op('/api/org-units/{id}/thresholds', 'put').responses['422']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(doc.components?.schemas?.['Problem']).toMatchObject({ required: ['type', 'title', 'status'] });
  });

  it('writes exclusive bounds the OpenAPI 3.0 way, and leaves the generated document as it was', () => {
    const input = generated();
    const out = completeOpenApiDocument(input);
    const body = (out.paths['/api/org-units/{id}/thresholds'] as Record<string, any>)['put'].requestBody; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body.content['application/json'].schema.properties.shareOfFrame).toEqual({
      type: 'number',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 1,
    });
    expect(JSON.stringify(input)).toContain('"exclusiveMinimum":0');
  });
});
