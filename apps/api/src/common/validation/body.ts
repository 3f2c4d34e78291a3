import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblem } from '../problem/problem';
import { validatorFor, type JsonSchema } from './schema-validator';

/**
 * `@ValidBody(schema)`: the request body, validated with ajv against a JSON Schema and published
 * as the endpoint's request body in the OpenAPI description, so the schema is named once. Every
 * failing field is reported with its JSON pointer; nothing reaches the handler unless it is valid.
 */
export function ValidBody(schema: JsonSchema): ParameterDecorator {
  const validated = validatedBody(schema);
  return (target, key, index) => {
    validated(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) ApiBody({ schema })(target, key as string | symbol, descriptor);
  };
}

const validatedBody = createParamDecorator((schema: JsonSchema, ctx: ExecutionContext) => {
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
