import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_TYPE_KEYS, DOCUMENT_TYPES, toSwedish } from '@rodtrad/domain';
import { loadShippedDefinitions, type WorkflowDefinition } from '@rodtrad/workflow';

/**
 * A document type is one row in the domain's table (DOCUMENT_TYPES) and a set of files beside it:
 * its workflow, a form for every step that names one, a test fixture and its Swedish label. This
 * fails when a type is added to the table without them, or a file is left for a type not in it.
 */
describe('every document type in DOCUMENT_TYPES has its workflow, forms, fixture and label', () => {
  const root = join(__dirname, '../../..');
  const definitions = new Map(
    loadShippedDefinitions(join(root, 'workflows')).map((s) => [
      s.definition.key,
      s.definition as WorkflowDefinition,
    ]),
  );
  const types = DOCUMENT_TYPE_KEYS.map((t) => [t]);

  it.each(types)('%s has a workflow in workflows/', (type) => {
    expect(existsSync(join(root, 'workflows', `${type}.workflow.json`))).toBe(true);
    expect(definitions.get(type)?.key).toBe(type);
  });

  it.each(types)('%s has a schema and a ui schema in forms/<type>/ for every step with a form', (type) => {
    const states = Object.values(definitions.get(type)?.machine.states ?? {});
    const forms = [...new Set(['content', ...states.flatMap((s) => (s.meta?.form ? [s.meta.form] : []))])];
    const missing = forms.flatMap((form) =>
      ['schema', 'ui']
        .map((kind) => `forms/${type}/${form}.${kind}.json`)
        .filter((file) => !existsSync(join(root, file))),
    );
    expect(missing).toEqual([]);
    expect(forms.length).toBeGreaterThan(1);
  });

  it.each(types)('%s has a test fixture in test/fixtures/documents/', (type) => {
    expect(existsSync(join(root, 'test/fixtures/documents', `${type}.json`))).toBe(true);
  });

  it.each(types)('%s has a Swedish title that the glossary knows', (type) => {
    const title = DOCUMENT_TYPES[type].title;
    expect(title.trim()).not.toBe('');
    expect(toSwedish(type)).toBe(title.toLocaleLowerCase('sv'));
  });

  it('names no workflow, form folder or fixture of a type that is not in the table', () => {
    const known = new Set<string>(DOCUMENT_TYPE_KEYS);
    const strays = [
      ...readdirSync(join(root, 'workflows'))
        .filter((f) => f.endsWith('.workflow.json'))
        .map((f) => f.replace('.workflow.json', '')),
      ...readdirSync(join(root, 'forms'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
      ...readdirSync(join(root, 'test/fixtures/documents')).map((f) => f.replace(/\.json$/, '')),
    ].filter((name) => !known.has(name));
    expect(strays).toEqual([]);
  });

  it('orders the types without ties', () => {
    const orders = DOCUMENT_TYPE_KEYS.map((t) => DOCUMENT_TYPES[t].order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});
