import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { ValidBody } from './body';

const schema = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };

class Example {
  create(@ValidBody(schema) body: unknown) {
    return body;
  }
}

describe('@ValidBody', () => {
  it('names the schema once: it validates the argument and documents the request body', () => {
    const documented = Reflect.getMetadata(DECORATORS.API_PARAMETERS, Example.prototype.create);
    expect(documented).toEqual([expect.objectContaining({ in: 'body', schema, required: true })]);
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Example, 'create');
    expect(Object.values(args)).toEqual([expect.objectContaining({ index: 0, data: schema })]);
  });
});
