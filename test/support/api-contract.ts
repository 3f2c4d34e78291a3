import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { problemDetailsSchema, type JsonSchema } from '@rodtrad/contracts';

/**
 * Checks every response the integration tier receives against what `/api/docs-json` declares for
 * it. The rule (docs/testing.md, "Every response against its contract"):
 *
 * - A path outside `/api`, or under `/api/docs`, is not part of the API description: not checked.
 * - The operation is found by method and path template (the template with the most literal
 *   segments wins); a HEAD by the GET of the path, and must come without a body. The response must be declared for its status (or by a `default` response),
 *   its content type must be one declared for that status, and a JSON body must validate against
 *   the declared schema. A status declared without content must come without a body.
 * - A status the operation does not declare, and any answer to an `/api` path no operation
 *   matches, is accepted only as an error (4xx, 5xx) in `application/problem+json` that validates
 *   against `problemDetailsSchema`: the API description promises problem+json for every error.
 *   Anything else is an undeclared response and fails.
 */
export interface ApiContract {
  /** A message naming what does not match, or null when the response keeps to the contract. */
  check(response: CheckedResponse): string | null;
}

export interface CheckedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  text: string;
  body: unknown;
}

interface OpenApiMedia {
  schema?: JsonSchema;
}
interface OpenApiResponse {
  description?: string;
  content?: Record<string, OpenApiMedia>;
}
interface OpenApiOperation {
  responses?: Record<string, OpenApiResponse>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Record<string, Record<string, JsonSchema>>;
}

interface Route {
  template: string;
  pattern: RegExp;
  literals: number;
  operations: Record<string, OpenApiOperation>;
}

// The options of the API's own body validator (apps/api/src/common/validation/schema-validator.ts);
// ajv reads OpenAPI's `nullable` itself. Bodies are validated as a copy: useDefaults would fill them in.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true }));
const validateProblem = ajv.compile(problemDetailsSchema);

export async function loadApiContract(baseUrl: string): Promise<ApiContract> {
  const res = await fetch(`${baseUrl}/api/docs-json`);
  if (!res.ok) throw new Error(`GET /api/docs-json answered ${res.status}`);
  return apiContract((await res.json()) as OpenApiDocument);
}

export function apiContract(doc: OpenApiDocument): ApiContract {
  const routes: Route[] = Object.entries(doc.paths)
    .map(([template, operations]) => ({
      template,
      operations,
      literals: template.split('/').filter((s) => s && !s.includes('{')).length,
      pattern: new RegExp(
        '^' +
          template
            .split(/(\{[^}]+\})/)
            .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
            .join('') +
          '$',
      ),
    }))
    .sort((a, b) => b.literals - a.literals);
  const compiled = new Map<JsonSchema, ValidateFunction>();
  const validatorOf = (schema: JsonSchema) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(resolveRefs(schema, doc));
      compiled.set(schema, validate);
    }
    return validate;
  };

  return {
    check(r) {
      const path = r.path.split(/[?#]/)[0] ?? r.path;
      if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return null;
      // HEAD is answered by the GET route (RFC 9110): the GET's declaration, without a body.
      const head = r.method.toLowerCase() === 'head';
      const method = head ? 'get' : r.method.toLowerCase();
      const route = routes.find((x) => x.pattern.test(path) && x.operations[method]);
      const at = `${r.method.toUpperCase()} ${path} → ${r.status}`;
      const operation = route?.operations[method];
      const declared = operation?.responses?.[String(r.status)] ?? operation?.responses?.['default'];
      const mediaType = r.contentType?.split(';')[0]?.trim().toLowerCase() ?? null;

      if (!declared) {
        const what = route ? `${route.template} declares no ${r.status} response` : 'no operation matches';
        if (r.status < 400 || mediaType !== 'application/problem+json')
          return `${at} (${mediaType ?? 'no body'}): undeclared response, ${what}.`;
        return checkBody(at, validateProblem, r) ?? problemStatusMismatch(at, r);
      }
      const content = declared.content ?? {};
      if (head) return r.text ? `${at}: a HEAD answered with a body.` : null;
      if (Object.keys(content).length === 0)
        return r.text ? `${at}: declared without a body, but a body came (${mediaType}).` : null;
      if (!mediaType || !(mediaType in content))
        return `${at}: content type ${mediaType ?? '(none)'} is not one declared (${Object.keys(content).join(', ')}).`;
      const schema = content[mediaType]?.schema;
      if (!/[/+]json$/.test(mediaType) || !schema) return null;
      return checkBody(at, validatorOf(schema), r);
    },
  };
}

function checkBody(at: string, validate: ValidateFunction, r: CheckedResponse): string | null {
  if (r.body === undefined && r.text) return `${at}: the body is not JSON.`;
  if (validate(structuredClone(r.body))) return null;
  return `${at}: the body does not match the declared schema:\n${formatErrors(validate.errors ?? [])}`;
}

function problemStatusMismatch(at: string, r: CheckedResponse): string | null {
  const status = (r.body as { status?: unknown }).status;
  return status === r.status ? null : `${at}: the problem document says status ${String(status)}.`;
}

const formatErrors = (errors: ErrorObject[]) =>
  errors
    .slice(0, 20)
    .map((e) => `  ${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join('\n');

/**
 * Inlines the document's local `$ref`s (`#/components/...`), so that ajv sees one schema, and reads
 * OpenAPI 3.0's exclusive bounds (`minimum: n, exclusiveMinimum: true`) as ajv's (`exclusiveMinimum: n`).
 */
function resolveRefs(schema: unknown, doc: OpenApiDocument, seen: string[] = []): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      if (seen.includes(ref))
        throw new Error(`recursive $ref ${ref} in /api/docs-json is not supported here`);
      return resolveRefs(pointer(doc, ref), doc, [...seen, ref]);
    }
    const o: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    for (const [bound, exclusive] of [
      ['minimum', 'exclusiveMinimum'],
      ['maximum', 'exclusiveMaximum'],
    ] as const)
      if (o[exclusive] === true) {
        o[exclusive] = o[bound];
        delete o[bound];
      } else if (o[exclusive] === false) delete o[exclusive];
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
  };
  return walk(schema) as JsonSchema;
}

function pointer(doc: unknown, ref: string): unknown {
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (node === undefined) throw new Error(`$ref ${ref} does not resolve in /api/docs-json`);
  return node;
}
