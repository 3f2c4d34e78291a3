import type { OpenAPIObject } from '@nestjs/swagger';
import { problemDetailsSchema } from '@rodtrad/contracts';

/** Set by `@Public()` on an operation (auth.decorators.ts); the document says it with `security: []`. */
export const PUBLIC_EXTENSION = 'x-rodtrad-public';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

type Json = Record<string, unknown>;
interface Operation {
  parameters?: { in?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
  [key: string]: unknown;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The refusals every operation can give, by what it takes: they come from the shared layers (the
 * session guard, the same-origin check, the body and query validators, the use cases' lookups),
 * not from each controller, so they are declared here once rather than on 70 operations.
 * An operation's own declaration of a status wins.
 */
function commonProblems(
  op: Operation,
  path: string,
  method: string,
  isPublic: boolean,
): Record<string, unknown> {
  const hasBody = op.requestBody !== undefined;
  const inputs = hasBody || (op.parameters ?? []).some((p) => p.in === 'query' || p.in === 'path');
  const changes = !['get', 'head', 'options'].includes(method);
  return {
    ...(hasBody ? { 400: problem('The body is not JSON (or not the declared content type).') } : {}),
    ...(isPublic ? {} : { 401: problem('No valid session or bearer token.') }),
    ...(!isPublic || changes
      ? {
          403: problem(
            isPublic
              ? 'A request with the session cookie from another origin (apps/api/src/common/http/same-origin.ts).'
              : 'The caller may not do this here: a role or scope it lacks, or a cookie-authenticated request from another origin.',
          ),
        }
      : {}),
    ...(path.includes('{') ? { 404: problem('Nothing by that id, or nothing the caller may see.') } : {}),
    ...(inputs ? { 422: problem('Invalid input: each field named by its JSON pointer in `errors`.') } : {}),
  };
}

/**
 * OpenAPI 3.0 writes an exclusive bound as `minimum: n, exclusiveMinimum: true`; the contracts are
 * written for ajv (JSON Schema draft 7: `exclusiveMinimum: n`). Rewritten here for the document.
 */
function toOpenApi30Bounds(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(toOpenApi30Bounds);
  if (!node || typeof node !== 'object') return;
  const o = node as Json;
  for (const [bound, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (typeof o[exclusive] === 'number') {
      o[bound] = o[exclusive];
      o[exclusive] = true;
    }
  }
  Object.values(o).forEach(toOpenApi30Bounds);
}

/**
 * What the generated document lacks for integrators and their tools (openapi-spec-validator,
 * Redocly's recommended rules): `security` per operation (`[]` where public), the common problem
 * responses with one Problem schema, OpenAPI 3.0 bounds. Pure: returns a changed copy.
 */
export function completeOpenApiDocument(generated: OpenAPIObject): OpenAPIObject {
  const doc = structuredClone(generated) as OpenAPIObject;
  doc.components = {
    ...doc.components,
    schemas: { ...(doc.components?.schemas ?? {}), Problem: problemDetailsSchema as Json },
  };
  const signedIn = Object.keys(doc.components.securitySchemes ?? {}).map((name) => ({ [name]: [] }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const isPublic = op[PUBLIC_EXTENSION] === true;
      delete op[PUBLIC_EXTENSION];
      op.security ??= isPublic ? [] : signedIn;
      op.responses = { ...commonProblems(op, path, method, isPublic), ...(op.responses ?? {}) };
    }
  }
  toOpenApi30Bounds(doc.paths);
  toOpenApi30Bounds(doc.components.schemas);
  return doc;
}
