import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFormValidator } from './form-validator';
import { loadFormCatalog } from './form-catalog';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let dir: string;

function write(path: string, json: unknown) {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(json));
}

const content = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'content',
  type: 'object',
  required: ['aktiviteter'],
  definitions: { datum: { type: 'string', format: 'date' } },
  properties: {
    aktiviteter: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', properties: { klart: { $ref: '#/definitions/datum' } } },
    },
    beslut: { $ref: '_beslut.schema.json' },
  },
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'forms-'));
  write('enhetsplan/content.schema.json', content);
  write('enhetsplan/_beslut.schema.json', {
    type: 'object',
    required: ['datum', 'paragraf'],
    properties: { datum: { type: 'string', format: 'date' }, paragraf: { type: 'string', minLength: 1 } },
  });
  write('enhetsplan/draft.schema.json', { $ref: 'content.schema.json', title: 'Utkast' });
  write('enhetsplan/draft.ui.json', { 'ui:order': ['aktiviteter', '*'] });
  write('enhetsplan/review.schema.json', {
    type: 'object',
    definitions: { kommentar: { type: 'string', maxLength: 500 } },
    properties: {
      aktiviteter: { $ref: 'content.schema.json#/properties/aktiviteter' },
      kommentar: { $ref: '#/definitions/kommentar' },
    },
  });
  write('manadsrapport/draft.schema.json', { type: 'object', properties: { prognos: { type: 'number' } } });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadFormCatalog', () => {
  it('lists the step forms, not the shared files', () => {
    const catalog = loadFormCatalog(dir);
    expect(catalog.list()).toEqual([
      { type: 'enhetsplan', step: 'draft' },
      { type: 'enhetsplan', step: 'review' },
      { type: 'manadsrapport', step: 'draft' },
    ]);
    expect(catalog.has('enhetsplan', 'draft')).toBe(true);
    expect(catalog.has('enhetsplan', 'content')).toBe(false);
    expect(catalog.has('enhetsplan', '_beslut')).toBe(false);
    expect(catalog.get('gpf', 'draft')).toBeUndefined();
  });

  it('inlines a whole sibling file, keeping the members beside $ref, resolving its own local refs', () => {
    const draft = loadFormCatalog(dir).get('enhetsplan', 'draft');
    expect(draft?.uiSchema).toEqual({ 'ui:order': ['aktiviteter', '*'] });
    const schema = draft?.schema as Json;
    expect(schema.title).toBe('Utkast');
    expect(schema.$id).toBeUndefined();
    expect(schema.properties.aktiviteter.items.properties.klart).toEqual({ type: 'string', format: 'date' });
    expect(schema.properties.beslut.required).toEqual(['datum', 'paragraf']);
    expect(JSON.stringify(schema)).not.toContain('$ref');
  });

  it('inlines a fragment of a sibling file and keeps refs local to the step file', () => {
    const review = loadFormCatalog(dir).get('enhetsplan', 'review');
    expect(review?.uiSchema).toEqual({});
    const schema = review?.schema as Json;
    expect(schema.properties.aktiviteter.minItems).toBe(1);
    expect(schema.properties.kommentar).toEqual({ $ref: '#/definitions/kommentar' });
  });

  it('returns schemas ajv validates without any other file', () => {
    const catalog = loadFormCatalog(dir);
    const validator = createFormValidator();
    const draft = catalog.get('enhetsplan', 'draft')?.schema ?? {};
    expect(validator.validate(draft, { aktiviteter: [{ klart: '2026-05-01' }] })).toEqual([]);
    expect(
      validator.validate(draft, { aktiviteter: [{ klart: 'maj' }], beslut: { datum: '2026-01-01' } }),
    ).toEqual([
      { pointer: '/aktiviteter/0/klart', message: 'Ange ett datum (ÅÅÅÅ-MM-DD)' },
      { pointer: '/beslut/paragraf', message: 'Fältet är obligatoriskt' },
    ]);
    const review = catalog.get('enhetsplan', 'review')?.schema ?? {};
    expect(validator.validate(review, { kommentar: 'x'.repeat(501) })).toEqual([
      { pointer: '/kommentar', message: 'Ange högst 500 tecken' },
    ]);
  });

  it('refuses circular references and references outside the forms folder', () => {
    write('gpf/a.schema.json', { $ref: 'content-b.schema.json' });
    write('gpf/content-b.schema.json', { properties: { x: { $ref: 'a.schema.json' } } });
    expect(() => loadFormCatalog(dir)).toThrow('Circular $ref');
    rmSync(join(dir, 'gpf'), { recursive: true });
    write('gpf/a.schema.json', { $ref: '../../etc/x.schema.json' });
    expect(() => loadFormCatalog(dir)).toThrow('outside the forms folder');
  });

  it('names the file and ref that resolve to nothing', () => {
    write('gpf/a.schema.json', { $ref: 'content.schema.json#/properties/nope' });
    write('gpf/content.schema.json', { properties: {} });
    expect(() => loadFormCatalog(dir)).toThrow(
      'gpf/a.schema.json: $ref content.schema.json#/properties/nope resolves to nothing',
    );
  });

  it('is empty for a missing folder', () => {
    expect(loadFormCatalog(join(dir, 'nothing')).list()).toEqual([]);
  });
});
