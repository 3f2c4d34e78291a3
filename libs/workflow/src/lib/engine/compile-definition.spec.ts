import { createActor, transition } from 'xstate';
import { createRegistry } from '../registry/registry';
import { guardContext, sampleDefinition } from '../testing/sample-definition.fixture';
import {
  compileDefinition,
  compileWorkflow,
  createWorkflowCache,
  GUARD_CONTEXT_KEY,
  WorkflowDefinitionError,
} from './compile-definition';

const registry = createRegistry();

describe('compileDefinition', () => {
  it('builds an XState machine whose guards and actions are the registry entries, by name', () => {
    const machine = compileDefinition(sampleDefinition(), registry);
    expect(machine.id).toBe('enhetsplan');
    expect(Object.keys(machine.implementations.guards)).toEqual(
      expect.arrayContaining(['formComplete', 'hasRole']),
    );
    expect(Object.keys(machine.implementations.actions)).toEqual(
      expect.arrayContaining(['notify', 'markDecided']),
    );
    expect(machine.states['review'].meta).toEqual(sampleDefinition().machine.states['review'].meta);
  });

  it('keeps the machine context empty so snapshots stay small', () => {
    const machine = compileDefinition(sampleDefinition(), registry);
    const actor = createActor(machine).start();
    expect(actor.getPersistedSnapshot()).toMatchObject({ value: 'draft', context: {} });
    actor.stop();
  });

  it('evaluates guards from the context the engine puts on the event', () => {
    const machine = compileDefinition(sampleDefinition(), registry);
    const draft = machine.resolveState({ value: 'draft', context: {} });
    const state = { value: 'draft', form: 'draft' };
    const refusing = guardContext({ state, validateForm: () => [{ pointer: '/a', message: 'x' }] });
    expect(transition(machine, draft, { type: 'SUBMIT', [GUARD_CONTEXT_KEY]: refusing })[0].value).toBe(
      'draft',
    );
    expect(
      transition(machine, draft, { type: 'SUBMIT', [GUARD_CONTEXT_KEY]: guardContext({ state }) })[0].value,
    ).toBe('review');
    expect(() => transition(machine, draft, { type: 'SUBMIT' })).toThrow('through the engine step');
  });

  it('refuses a structurally broken definition with every problem listed', () => {
    const def = sampleDefinition();
    def.machine.states['review'].on = { APPROVE: { target: 'nowhere', guard: { type: 'isBoss' } } };
    let error: unknown;
    try {
      compileWorkflow(def, registry);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowDefinitionError);
    expect((error as WorkflowDefinitionError).problems.map((p) => p.code)).toEqual([
      'unknown-target',
      'unknown-guard',
    ]);
  });

  it('does not mind catalog problems (those are for validateDefinition at start-up)', () => {
    const def = sampleDefinition();
    def.machine.states['draft'].meta.form = 'no-such-form';
    expect(() => compileWorkflow(def, registry)).not.toThrow();
  });
});

describe('createWorkflowCache', () => {
  it('compiles once per (key, version, checksum) and registry', () => {
    const cache = createWorkflowCache();
    const a = cache.get(sampleDefinition(), registry);
    expect(cache.get(sampleDefinition(), registry)).toBe(a);
    const v2 = { ...sampleDefinition(), version: 2 };
    expect(cache.get(v2, registry)).not.toBe(a);
    const edited = sampleDefinition();
    edited.machine.states['draft'].meta.title = 'Utkast (ändrad)';
    expect(cache.get(edited, registry).checksum).not.toBe(a.checksum);
    expect(cache.get(sampleDefinition(), createRegistry())).not.toBe(a);
    expect(cache.size).toBe(4);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
