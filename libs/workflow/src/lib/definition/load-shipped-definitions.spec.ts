import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadShippedDefinitions } from './load-shipped-definitions';

describe('loadShippedDefinitions', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'workflows-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads *.workflow.json sorted by name, skipping the schema and other files', () => {
    writeFileSync(join(dir, 'manadsrapport.workflow.json'), '{"key":"manadsrapport"}');
    writeFileSync(join(dir, 'enhetsplan.workflow.json'), '{"key":"enhetsplan"}');
    writeFileSync(join(dir, 'definition.schema.json'), '{}');
    writeFileSync(join(dir, 'README.md'), '# x');
    expect(loadShippedDefinitions(dir)).toEqual([
      { file: 'enhetsplan.workflow.json', definition: { key: 'enhetsplan' } },
      { file: 'manadsrapport.workflow.json', definition: { key: 'manadsrapport' } },
    ]);
  });

  it('names the file that is not JSON', () => {
    writeFileSync(join(dir, 'gpf.workflow.json'), '{ key: gpf }');
    expect(() => loadShippedDefinitions(dir)).toThrow('Cannot read workflow definition gpf.workflow.json');
  });

  it('is empty for a missing folder', () => {
    expect(loadShippedDefinitions(join(dir, 'none'))).toEqual([]);
  });
});
