import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';

const fieldProblem = {
  type: 'object',
  required: ['pointer', 'message'],
  additionalProperties: false,
  properties: {
    pointer: {
      type: 'string',
      description: 'RFC 6901 JSON pointer into the request body (or the query, prefixed "/query")',
    },
    message: { type: 'string' },
    code: { type: 'string', description: 'Of a rule that names itself, e.g. a workflow definition check' },
  },
} as const;

const problemDetails = {
  type: 'object',
  description:
    'RFC 9457 problem details: every error of the API (4xx, 5xx) as application/problem+json. Extension members (e.g. retryAfter) may follow.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable, machine-readable code of the problem' },
    errors: { type: 'array', items: fieldProblem, description: 'One entry per invalid field' },
    correlationId: { type: 'string', description: 'Of a 500: quote it to support' },
  },
} as const;

export type FieldProblemView = FromSchema<typeof fieldProblem>;
export type ProblemDetailsView = FromSchema<typeof problemDetails>;
export const problemDetailsSchema: JsonSchema = problemDetails;
