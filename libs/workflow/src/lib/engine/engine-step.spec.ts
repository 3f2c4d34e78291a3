import fc from 'fast-check';
import { listStates } from '../definition/definition-graph';
import { createRegistry } from '../registry/registry';
import { guardContext, sampleDefinition } from '../testing/sample-definition.fixture';
import { compileWorkflow, createWorkflowCache } from './compile-definition';
import {
  initialStep,
  step,
  WorkflowSnapshotError,
  type PersistedSnapshot,
  type StepSuccess,
} from './engine-step';

const registry = createRegistry();
const compiled = compileWorkflow(sampleDefinition(), registry);
const decided = { beslut: { datum: '2026-01-20', paragraf: '§ 12' } };

function ok(result: ReturnType<typeof step>): StepSuccess {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.reason}`);
  return result;
}

function inReview(): PersistedSnapshot {
  const start = initialStep(compiled, guardContext());
  return ok(
    step({
      definition: compiled,
      snapshot: start.snapshot,
      event: { type: 'SUBMIT' },
      guardContext: guardContext(),
    }),
  ).snapshot;
}

describe('initialStep', () => {
  it('starts in the initial step and schedules its deadline', () => {
    const start = initialStep(compiled, guardContext());
    expect(start).toMatchObject({
      ok: true,
      state: 'draft',
      previousState: null,
      changed: true,
      final: false,
    });
    expect(start.snapshot).toEqual({
      status: 'active',
      value: 'draft',
      context: {},
      historyValue: {},
      children: {},
    });
    expect(start.effects).toEqual([
      {
        type: 'scheduleDeadline',
        params: { state: 'draft', key: 'enhetsplan', reminders: [14, 3, 1], onDue: 'EXPIRE', escalate: true },
      },
    ]);
  });

  it('compiles a raw definition through the cache', () => {
    const cache = createWorkflowCache();
    initialStep(sampleDefinition(), guardContext(), { registry, cache });
    initialStep(sampleDefinition(), guardContext(), { registry, cache });
    expect(cache.size).toBe(1);
  });
});

describe('step', () => {
  it('moves to the target, with exit, transition and entry effects in order', () => {
    const start = initialStep(compiled, guardContext());
    const result = ok(
      step({
        definition: compiled,
        snapshot: start.snapshot,
        event: { type: 'SUBMIT' },
        guardContext: guardContext(),
      }),
    );
    expect(result).toMatchObject({ state: 'review', previousState: 'draft', changed: true, final: false });
    expect(result.snapshot.value).toBe('review');
    expect(result.effects).toEqual([
      { type: 'cancelDeadlines', params: { state: 'draft' } },
      { type: 'notify', params: { roles: ['omradeschef'], template: 'review-requested' } },
      { type: 'markSubmitted', params: { from: 'draft', by: 'user-1' } },
    ]);
  });

  it('accepts a raw definition and a null snapshot (new document), keeping the initial entry effects', () => {
    const result = ok(
      step({
        definition: sampleDefinition(),
        snapshot: null,
        event: { type: 'SUBMIT' },
        guardContext: guardContext(),
      }),
    );
    expect(result.state).toBe('review');
    expect(result.effects.map((e) => e.type)).toEqual([
      'scheduleDeadline',
      'cancelDeadlines',
      'notify',
      'markSubmitted',
    ]);
  });

  it('runs a targetless transition without leaving the step (deadline kept)', () => {
    const start = initialStep(compiled, guardContext());
    const result = ok(
      step({
        definition: compiled,
        snapshot: start.snapshot,
        event: { type: 'EXPIRE' },
        guardContext: guardContext(),
      }),
    );
    expect(result).toMatchObject({ state: 'draft', changed: false });
    expect(result.effects).toEqual([
      { type: 'notify', params: { roles: ['omradeschef'], template: 'deadline-passed' } },
    ]);
  });

  it('refuses an event the step does not accept, in Swedish', () => {
    const start = initialStep(compiled, guardContext());
    const result = step({
      definition: compiled,
      snapshot: start.snapshot,
      event: { type: 'APPROVE' },
      guardContext: guardContext(),
    });
    expect(result).toEqual({
      ok: false,
      code: 'unknown-event',
      reason: 'Händelsen APPROVE kan inte skickas i steget "Utkast".',
    });
    const proto = step({
      definition: compiled,
      snapshot: start.snapshot,
      event: { type: 'toString' },
      guardContext: guardContext(),
    });
    expect(proto).toMatchObject({ ok: false, code: 'unknown-event' });
  });

  it('refuses with the reason and field errors of the guard that refused', () => {
    const start = initialStep(compiled, guardContext());
    const errors = [{ pointer: '/aktiviteter', message: 'Fältet är obligatoriskt' }];
    const seen: unknown[] = [];
    const ctx = guardContext({
      data: { x: 1 },
      validateForm: (data, form) => {
        seen.push([data, form]);
        return errors;
      },
    });
    const result = step({
      definition: compiled,
      snapshot: start.snapshot,
      event: { type: 'SUBMIT' },
      guardContext: ctx,
    });
    expect(result).toEqual({
      ok: false,
      code: 'guard-refused',
      reason: 'Formuläret är inte komplett: 1 fält behöver åtgärdas.',
      guard: 'formComplete',
      errors,
    });
    expect(seen[0]).toEqual([{ x: 1 }, { type: 'enhetsplan', step: 'draft' }]);
  });

  it('evaluates composite guards and reports the failing part', () => {
    const snapshot = inReview();
    const noData = step({
      definition: compiled,
      snapshot,
      event: { type: 'APPROVE' },
      guardContext: guardContext(),
    });
    expect(noData).toMatchObject({ ok: false, code: 'guard-refused', guard: 'fieldsPresent' });
    const noRole = step({
      definition: compiled,
      snapshot,
      event: { type: 'APPROVE' },
      guardContext: guardContext({ data: decided, hasRole: () => false }),
    });
    expect(noRole).toMatchObject({
      ok: false,
      guard: 'hasRole',
      reason: 'Du har inte behörighet att göra detta i det här steget.',
    });
    const approved = ok(
      step({
        definition: compiled,
        snapshot,
        event: { type: 'APPROVE' },
        guardContext: guardContext({ data: decided }),
      }),
    );
    expect(approved).toMatchObject({ state: 'adopted', final: true, changed: true });
    expect(approved.snapshot.status).toBe('done');
    expect(approved.effects).toEqual([
      {
        type: 'markDecided',
        params: { outcome: 'faststalld', date: '2026-01-20', paragraph: '§ 12', by: 'user-1' },
      },
      { type: 'assignDiarienummer', params: { body: 'ks' } },
    ]);
  });

  it('takes the first guarded candidate whose guard passes', () => {
    const snapshot = inReview();
    const yes = ok(
      step({
        definition: compiled,
        snapshot,
        event: { type: 'DECIDE' },
        guardContext: guardContext({ facts: { approved: true } }),
      }),
    );
    expect(yes.state).toBe('adopted');
    const no = ok(
      step({ definition: compiled, snapshot, event: { type: 'DECIDE' }, guardContext: guardContext() }),
    );
    expect(no.state).toBe('rejected');
  });

  it('requires a comment when meta.events says so', () => {
    const snapshot = inReview();
    expect(
      step({
        definition: compiled,
        snapshot,
        event: { type: 'RETURN', comment: '  ' },
        guardContext: guardContext(),
      }),
    ).toEqual({ ok: false, code: 'guard-refused', reason: 'En kommentar krävs.', guard: 'commentGiven' });
    const returned = ok(
      step({
        definition: compiled,
        snapshot,
        event: { type: 'RETURN', comment: 'Komplettera' },
        guardContext: guardContext(),
      }),
    );
    expect(returned.state).toBe('draft');
    expect(returned.effects.map((e) => e.type)).toEqual(['notify', 'scheduleDeadline']);
  });

  it('accepts nothing in a final step', () => {
    const adopted = ok(
      step({
        definition: compiled,
        snapshot: inReview(),
        event: { type: 'APPROVE' },
        guardContext: guardContext({ data: decided }),
      }),
    );
    const after = step({
      definition: compiled,
      snapshot: adopted.snapshot,
      event: { type: 'RETURN', comment: 'x' },
      guardContext: guardContext(),
    });
    expect(after).toMatchObject({ ok: false, code: 'unknown-event' });
  });

  it('does not let the caller smuggle a guard context through the event', () => {
    const start = initialStep(compiled, guardContext());
    const result = step({
      definition: compiled,
      snapshot: start.snapshot,
      event: { type: 'SUBMIT', $guardContext: guardContext({ validateForm: () => [] }) },
      guardContext: guardContext({
        validateForm: () => [{ pointer: '/x', message: 'Fältet är obligatoriskt' }],
      }),
    });
    expect(result).toMatchObject({ ok: false, code: 'guard-refused' });
  });

  it('throws on a snapshot whose state is not in the definition', () => {
    const bad = { status: 'active', value: 'gone', context: {} } as PersistedSnapshot;
    expect(() =>
      step({ definition: compiled, snapshot: bad, event: { type: 'SUBMIT' }, guardContext: guardContext() }),
    ).toThrow(WorkflowSnapshotError);
  });

  it('property: random event sequences never reach a state outside the definition', () => {
    const states = new Set(listStates(compiled.definition));
    const eventArb = fc.record({
      type: fc.constantFrom('SUBMIT', 'APPROVE', 'RETURN', 'DECIDE', 'EXPIRE', 'REGISTER', 'ADOPT'),
      comment: fc.option(fc.constantFrom('', 'Komplettera'), { nil: undefined }),
    });
    const ctxArb = fc.record({
      complete: fc.boolean(),
      decided: fc.boolean(),
      approved: fc.boolean(),
      role: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, ctxArb), { maxLength: 25 }), (steps) => {
        let snapshot: PersistedSnapshot = initialStep(compiled, guardContext()).snapshot;
        for (const [event, c] of steps) {
          const ctx = guardContext({
            data: c.decided ? decided : {},
            facts: { approved: c.approved },
            hasRole: () => c.role,
            validateForm: () => (c.complete ? [] : [{ pointer: '/a', message: 'Fältet är obligatoriskt' }]),
          });
          const result = step({ definition: compiled, snapshot, event, guardContext: ctx });
          if (!result.ok) {
            expect(['unknown-event', 'guard-refused']).toContain(result.code);
            expect(result.reason.length).toBeGreaterThan(0);
            continue;
          }
          expect(states.has(result.state)).toBe(true);
          expect(result.snapshot).toEqual(JSON.parse(JSON.stringify(result.snapshot)));
          snapshot = result.snapshot;
        }
      }),
      { numRuns: 300 },
    );
  });
});
