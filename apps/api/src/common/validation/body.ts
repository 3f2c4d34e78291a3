import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiProblem } from '../problem/problem';
import { validatorFor, type JsonSchema } from './schema-validator';

/**
 * `@ValidBody(schema)`: the request body, validated with ajv against a JSON Schema
 * (the same schema is published in the OpenAPI description). Every failing field is
 * reported with its JSON pointer; nothing reaches the handler unless it is valid.
 */
export const ValidBody = createParamDecorator((schema: JsonSchema, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const body: unknown = req.body;
  if (
    body === undefined ||
    body === null ||
    (typeof body === 'object' &&
      !Array.isArray(body) &&
      Object.keys(body).length === 0 &&
      !req.is('application/json'))
  ) {
    if (
      !req.is('application/json') &&
      req.headers['content-length'] &&
      req.headers['content-length'] !== '0'
    ) {
      throw new ApiProblem(
        415,
        'unsupported-media-type',
        'Fel innehållstyp',
        'Skicka innehållet som application/json.',
      );
    }
  }
  const problems = validatorFor(schema)(body ?? {});
  if (problems.length) throw ApiProblem.validation(problems);
  return body;
});

/** Query parameters validated the same way; pointers are prefixed with /query. */
export function validateQuery<T>(schema: JsonSchema, query: unknown): T {
  const problems = validatorFor(schema)(query ?? {});
  if (problems.length)
    throw ApiProblem.validation(problems.map((p) => ({ ...p, pointer: '/query' + p.pointer })));
  return query as T;
}
