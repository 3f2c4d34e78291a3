import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleDefinition } from '../testing/sample-definition.fixture';
import { definitionSchema } from './definition-schema';

// Mutations reach into arbitrary depths of a plain JSON value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const schemaFile = join(__dirname, '../../../../../workflows/definition.schema.json');

describe('definition schema', () => {
  it('is what workflows/definition.schema.json holds (regenerate the file from definitionSchema)', () => {
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(definitionSchema);
  });

  it('compiles with ajv 8 in strict mode with ajv-formats', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(definitionSchema);
    expect(validate(sampleDefinition())).toBe(true);
  });

  it.each([
    ['a misspelt state member', (d: Json) => (d.machine.states.draft.metta = {}), '/machine/states/draft'],
    [
      'a misspelt meta member',
      (d: Json) => (d.machine.states.draft.meta.editablBy = []),
      '/machine/states/draft/meta',
    ],
    ['a lower-case event', (d: Json) => (d.machine.states.draft.on.submit = {}), '/machine/states/draft/on'],
    [
      'a state key with capitals',
      (d: Json) => (d.machine.states.Draft = { meta: { title: 'x' } }),
      '/machine/states',
    ],
    [
      'transitions out of a final state',
      (d: Json) => (d.machine.states.adopted.on = {}),
      '/machine/states/adopted/on',
    ],
    [
      'a guard with a misspelt member',
      (d: Json) => (d.machine.states.draft.on.SUBMIT.guard = { type: 'x', parms: {} }),
      '/machine/states/draft/on/SUBMIT/guard',
    ],
    [
      '"not" with two guards',
      (d: Json) =>
        (d.machine.states.draft.on.SUBMIT.guard = { type: 'not', guards: [{ type: 'a' }, { type: 'b' }] }),
      '/machine/states/draft/on/SUBMIT/guard/guards',
    ],
    [
      'an empty candidate list',
      (d: Json) => (d.machine.states.draft.on.SUBMIT = []),
      '/machine/states/draft/on/SUBMIT',
    ],
    [
      'a single action instead of a list',
      (d: Json) => (d.machine.states.draft.on.SUBMIT.actions = { type: 'notify' }),
      '/machine/states/draft/on/SUBMIT/actions',
    ],
    [
      'an event permission without roles',
      (d: Json) => (d.machine.states.draft.meta.events.SUBMIT = { label: 'x' }),
      '/machine/states/draft/meta/events/SUBMIT',
    ],
  ])('rejects %s', (_name, mutate, pointer) => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const validate = ajv.compile(definitionSchema);
    const def = sampleDefinition();
    mutate(def);
    expect(validate(def)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(pointer);
  });
});
