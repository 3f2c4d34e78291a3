import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblem } from '../problem/problem';
import { validatorFor, type JsonSchema } from './schema-validator';

/**
 * `@ValidQuery(schema)`: the query parameters, validated with ajv against an object schema (text
 * coerced to the declared types, defaults filled in) and published one by one as the endpoint's
 * query parameters in the OpenAPI description, so the schema is named once, like `@ValidBody`.
 * Every failing parameter is reported with its pointer under /query (422 problem+json); nothing
 * reaches the handler unless all are valid.
 */
export function ValidQuery(schema: JsonSchema): ParameterDecorator {
  // Query strings arrive as text: the schema is always read with coercion (schema-validator.ts).
  const querySchema = schema['x-query'] ? schema : { ...schema, 'x-query': true };
  const validated = validatedQuery(querySchema);
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return (target, key, index) => {
    validated(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return;
    for (const [name, property] of Object.entries(properties))
      ApiQuery({
        name,
        required: required.has(name),
        schema: property,
        ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
      })(target, key as string | symbol, descriptor);
  };
}

const validatedQuery = createParamDecorator((schema: JsonSchema, ctx: ExecutionContext) =>
  validateQuery(schema, ctx.switchToHttp().getRequest<Request>().query),
);

/** The query validated (a copy, so ajv's defaults and coercion do not touch the request's own). */
function validateQuery(schema: JsonSchema, query: unknown): unknown {
  const copy = { ...((query ?? {}) as object) };
  const problems = validatorFor(schema)(copy);
  if (problems.length)
    throw ApiProblem.validation(problems.map((p) => ({ ...p, pointer: '/query' + p.pointer })));
  return copy;
}
