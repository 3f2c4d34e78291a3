import { apiContract, type CheckedResponse } from './api-contract';

const doc = {
  paths: {
    '/api/items/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
        },
      },
      delete: { responses: { '204': { description: 'Deleted' } } },
    },
    '/api/items/export': {
      get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: {
      Item: {
        type: 'object',
        required: ['id', 'note'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, note: { type: 'string', nullable: true } },
      },
    },
  },
};
const contract = apiContract(doc);
const json = (r: Partial<CheckedResponse> & { body?: unknown }): CheckedResponse => ({
  method: 'GET',
  path: '/api/items/1',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  text: JSON.stringify(r.body ?? null),
  body: null,
  ...r,
});
const problem = (status: number) => ({ type: 'https://rodtrad.se/problems/x', title: 'X', status });

describe('the API contract of a response', () => {
  it('accepts a body the declared schema (through $ref, with nullable) describes', () => {
    expect(contract.check(json({ body: { id: '1', note: null } }))).toBeNull();
    expect(contract.check(json({ path: '/api/items/1?x=1', body: { id: '1', note: 'a' } }))).toBeNull();
  });

  it('names the path, status and the validation errors of a body that does not match', () => {
    const msg = contract.check(json({ body: { id: 1, extra: true } }));
    expect(msg).toContain('GET /api/items/1 → 200');
    expect(msg).toContain('/id must be string');
    expect(msg).toContain('"missingProperty":"note"');
    expect(msg).toContain('"additionalProperty":"extra"');
  });

  it('prefers the template with more literal segments and checks only the declared content type', () => {
    const csv = { path: '/api/items/export', contentType: 'text/csv', text: 'a;b', body: undefined };
    expect(contract.check(json(csv))).toBeNull();
    expect(contract.check(json({ ...csv, contentType: 'text/plain' }))).toContain('not one declared');
  });

  it('fails a status the operation does not declare unless it is a problem+json error', () => {
    expect(contract.check(json({ status: 201, body: { id: '1', note: null } }))).toContain('declares no 201');
    const notFound = { status: 404, contentType: 'application/problem+json', body: problem(404) };
    expect(contract.check(json(notFound))).toBeNull();
    expect(contract.check(json({ ...notFound, body: { title: 'X' } }))).toContain('does not match');
    expect(contract.check(json({ ...notFound, body: problem(400) }))).toContain('says status 400');
    expect(contract.check(json({ ...notFound, contentType: 'application/json' }))).toContain('undeclared');
  });

  it('fails an /api path no operation matches unless it is a problem+json error; other paths are not checked', () => {
    expect(contract.check(json({ path: '/api/nothing', body: {} }))).toContain('no operation matches');
    const missing = { path: '/api/nothing', status: 404, contentType: 'application/problem+json' };
    expect(contract.check(json({ ...missing, body: problem(404) }))).toBeNull();
    expect(contract.check(json({ path: '/api/docs-json', body: {} }))).toBeNull();
    expect(
      contract.check(json({ path: '/admin/queues', contentType: 'text/html', text: '<html>' })),
    ).toBeNull();
  });

  it('wants no body where none is declared, and HEAD answered like the GET without one', () => {
    expect(contract.check(json({ method: 'DELETE', status: 204, text: '', contentType: null }))).toBeNull();
    expect(contract.check(json({ method: 'DELETE', status: 204, body: {} }))).toContain('without a body');
    expect(contract.check(json({ method: 'HEAD', text: '', body: undefined }))).toBeNull();
  });
});
