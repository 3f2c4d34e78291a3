import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { ExecutionContext } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { ApiProblem } from '../problem/problem';
import { ValidQuery } from './query';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['year'],
  properties: {
    year: { type: 'integer', minimum: 2000, description: 'Året.' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
};

class Example {
  list(@ValidQuery(schema) query: unknown) {
    return query;
  }
}

/** The factory Nest calls with the request to produce the argument. */
function argumentFor(query: Record<string, unknown>): unknown {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Example, 'list') as Record<
    string,
    { factory: (data: unknown, ctx: ExecutionContext) => unknown; data: unknown }
  >;
  const [{ factory, data }] = Object.values(args);
  const ctx = { switchToHttp: () => ({ getRequest: () => ({ query }) }) } as unknown as ExecutionContext;
  return factory(data, ctx);
}

describe('@ValidQuery', () => {
  it('names the schema once: each property is documented as a query parameter, in order', () => {
    const documented = Reflect.getMetadata(DECORATORS.API_PARAMETERS, Example.prototype.list);
    expect(documented).toEqual([
      expect.objectContaining({ in: 'query', name: 'year', required: true, description: 'Året.' }),
      expect.objectContaining({
        in: 'query',
        name: 'limit',
        required: false,
        schema: schema.properties.limit,
      }),
    ]);
  });

  it('coerces the text of a query string and fills in the defaults, leaving the request as it was', () => {
    const query = { year: '2026' };
    expect(argumentFor(query)).toEqual({ year: 2026, limit: 50 });
    expect(query).toEqual({ year: '2026' });
  });

  it('refuses bad input field by field, each pointer under /query', () => {
    let thrown: unknown;
    try {
      argumentFor({ year: 'nästa', limit: '0', extra: 'x' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ApiProblem);
    expect((thrown as ApiProblem).status).toBe(422);
    expect(((thrown as ApiProblem).errors ?? []).map((e) => e.pointer).sort()).toEqual([
      '/query/extra',
      '/query/limit',
      '/query/year',
    ]);
  });
});
