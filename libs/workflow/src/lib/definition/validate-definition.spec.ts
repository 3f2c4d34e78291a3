import { readFileSync } from 'node:fs';
import type { WorkflowDefinition } from '../workflow.types';
import { sampleCatalogs, sampleDefinition } from '../testing/sample-definition.fixture';
import { validateDefinition } from './validate-definition';

// Mutations reach into arbitrary depths of a plain JSON value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = WorkflowDefinition & { machine: { states: Record<string, any> } };

function problemsAfter(mutate: (d: Mutable) => void, catalogs = sampleCatalogs()) {
  const def = sampleDefinition() as Mutable;
  mutate(def);
  return validateDefinition(def, catalogs).problems;
}

describe('validateDefinition', () => {
  it('accepts the sample definition', () => {
    expect(validateDefinition(sampleDefinition(), sampleCatalogs())).toEqual({ ok: true, problems: [] });
  });

  it('schema: reports ajv errors with the pointer of the offending member', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.draft.meta.titel = 'Utkast';
      d.machine.states.review.meta.title = '';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { pointer: '/machine/states/draft/meta/titel', code: 'schema', message: 'unknown property "titel"' },
        expect.objectContaining({ pointer: '/machine/states/review/meta/title', code: 'schema' }),
      ]),
    );
  });

  it('schema: a definition that is not an object is one problem, not a crash', () => {
    expect(validateDefinition('nonsense', sampleCatalogs()).problems).toEqual([
      { pointer: '', code: 'schema', message: 'must be object' },
    ]);
  });

  it('key-mismatch: machine.id differs from key', () => {
    expect(problemsAfter((d) => (d.machine.id = 'verksamhetsplan'))).toEqual([
      expect.objectContaining({ pointer: '/machine/id', code: 'key-mismatch' }),
    ]);
  });

  it('unknown-target: a transition or the initial state names a missing state', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.review.on.DECIDE[1].target = 'avslagen';
    });
    expect(problems.filter((p) => p.code === 'unknown-target')).toEqual([
      expect.objectContaining({ pointer: '/machine/states/review/on/DECIDE/1/target' }),
    ]);
    expect(problemsAfter((d) => (d.machine.initial = 'start'))).toEqual([
      expect.objectContaining({ pointer: '/machine/initial', code: 'unknown-target' }),
    ]);
  });

  it('unreachable-state: a state no transition leads to', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.archived = { type: 'final', meta: { title: 'Arkiverad' } };
    });
    expect(problems).toEqual([
      expect.objectContaining({ pointer: '/machine/states/archived', code: 'unreachable-state' }),
    ]);
  });

  it('no-path-to-final: a step from which no final step can be reached', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.review.on.HOLD = { target: 'parked' };
      d.machine.states.review.meta.events.HOLD = { label: 'Parkera', roles: ['omradeschef'] };
      d.machine.states.parked = { meta: { title: 'Parkerad', form: 'review' } };
    });
    expect(problems).toEqual([
      expect.objectContaining({ pointer: '/machine/states/parked', code: 'no-path-to-final' }),
    ]);
  });

  it('no-path-to-final: every step when there is no final step', () => {
    const problems = problemsAfter((d) => {
      delete d.machine.states.adopted.type;
      delete d.machine.states.rejected.type;
      d.machine.states.adopted.meta.form = 'review';
      d.machine.states.rejected.meta.form = 'review';
    });
    expect(problems.map((p) => p.code)).toEqual(Array(4).fill('no-path-to-final'));
  });

  it('unknown-guard: also inside composites', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.review.on.APPROVE.guard.guards[1] = { type: 'isBoss' };
    });
    expect(problems).toEqual([
      expect.objectContaining({
        pointer: '/machine/states/review/on/APPROVE/guard/guards/1/type',
        code: 'unknown-guard',
      }),
    ]);
  });

  it('invalid-guard-params: params that break the paramsSchema', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.review.on.APPROVE.guard.guards[0].params = { fields: ['beslut/datum'], extra: 1 };
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['invalid-guard-params', '/machine/states/review/on/APPROVE/guard/guards/0/params/extra'],
      ['invalid-guard-params', '/machine/states/review/on/APPROVE/guard/guards/0/params/fields/0'],
    ]);
  });

  it('unknown-action: in transitions, entry and exit', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.draft.on.SUBMIT.actions[1] = { type: 'sendMail' };
      d.machine.states.adopted.entry = [{ type: 'archive' }];
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['unknown-action', '/machine/states/draft/on/SUBMIT/actions/1/type'],
      ['unknown-action', '/machine/states/adopted/entry/0/type'],
    ]);
  });

  it('invalid-action-params: params that break the paramsSchema', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.draft.on.SUBMIT.actions[0].params = { roles: ['omradeschef'] };
      d.machine.states.adopted.entry[0].params = { body: 'nämnd' };
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['invalid-action-params', '/machine/states/draft/on/SUBMIT/actions/0/params'],
      ['invalid-action-params', '/machine/states/adopted/entry/0/params/body'],
    ]);
  });

  it("invalid-action-params: an escalate kind outside the domain's escalation kinds", () => {
    const escalate = (kind: string) =>
      problemsAfter((d) =>
        d.machine.states.adopted.entry.push({ type: 'escalate', params: { to: 'ks', kind } }),
      );
    expect(escalate('budget')).toEqual([]);
    expect(escalate('balanskrav')).toEqual([]);
    expect(escalate('forsenad-plan')).toEqual([
      expect.objectContaining({
        pointer: '/machine/states/adopted/entry/1/params/kind',
        code: 'invalid-action-params',
      }),
    ]);
  });

  it('unknown-form: meta.form names a form the catalog does not have', () => {
    const problems = problemsAfter((d) => (d.machine.states.review.meta.form = 'granskning'));
    expect(problems).toEqual([
      {
        pointer: '/machine/states/review/meta/form',
        code: 'unknown-form',
        message: 'no form forms/enhetsplan/granskning.schema.json',
      },
    ]);
  });

  it('unknown-role: in editableBy, responsible, meta.events, hasRole and action params', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.draft.meta.editableBy.push('rektor');
      d.machine.states.draft.meta.responsible = ['chef'];
      d.machine.states.review.meta.events.APPROVE.roles = ['omradeschef', 'boss'];
      d.machine.states.review.on.APPROVE.guard.guards[1].params = { role: 'direktor' };
      d.machine.states.draft.on.SUBMIT.actions[0].params.roles = ['omrades-chef'];
    });
    expect(problems.filter((p) => p.code === 'unknown-role').map((p) => p.pointer)).toEqual([
      '/machine/states/draft/meta/editableBy/2',
      '/machine/states/draft/meta/responsible/0',
      '/machine/states/draft/on/SUBMIT/actions/0/params/roles/0',
      '/machine/states/review/meta/events/APPROVE/roles/1',
      '/machine/states/review/on/APPROVE/guard/guards/1/params/role',
    ]);
    expect(problems).toHaveLength(5);
  });

  it('unknown-deadline-key: in meta.deadline and scheduleDeadline', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.draft.meta.deadline.key = 'enhetsplanen';
      d.machine.states.review.entry = [{ type: 'scheduleDeadline', params: { key: 'granskning' } }];
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['unknown-deadline-key', '/machine/states/draft/meta/deadline/key'],
      ['unknown-deadline-key', '/machine/states/review/entry/0/params/key'],
    ]);
  });

  it('unknown-document-type: only when the catalog can tell', () => {
    const mutate = (d: Mutable) => {
      d.machine.states.adopted.entry.push({
        type: 'createDocument',
        params: { type: 'atgardsplan', link: 'atgard-for' },
      });
    };
    expect(problemsAfter(mutate)).toEqual([]);
    const problems = problemsAfter(mutate, sampleCatalogs({ documentTypeExists: (k) => k === 'enhetsplan' }));
    expect(problems).toEqual([
      expect.objectContaining({
        pointer: '/machine/states/adopted/entry/1/params/type',
        code: 'unknown-document-type',
      }),
    ]);
  });

  it('deadline-event-not-handled: onDue names an event the step does not handle', () => {
    const problems = problemsAfter((d) => (d.machine.states.draft.meta.deadline.onDue = 'TIMEOUT'));
    expect(problems).toEqual([
      expect.objectContaining({
        pointer: '/machine/states/draft/meta/deadline/onDue',
        code: 'deadline-event-not-handled',
      }),
      // EXPIRE is no longer the deadline's event, so it now needs a meta.events entry
      expect.objectContaining({
        pointer: '/machine/states/draft/on/EXPIRE',
        code: 'event-without-permission',
      }),
    ]);
  });

  it('event-without-permission: an on event without meta.events, and a meta.events entry without on', () => {
    const problems = problemsAfter((d) => {
      delete d.machine.states.review.meta.events.DECIDE;
      d.machine.states.review.meta.events.REFER_BACK = { label: 'Återremittera', roles: ['omradeschef'] };
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['event-without-permission', '/machine/states/review/meta/events/REFER_BACK'],
      ['event-without-permission', '/machine/states/review/on/DECIDE'],
    ]);
  });

  it('missing-form: a non-final step without a form', () => {
    const problems = problemsAfter((d) => delete d.machine.states.review.meta.form);
    expect(problems).toEqual([
      { pointer: '/machine/states/review/meta', code: 'missing-form', message: 'step "review" has no form' },
    ]);
  });

  it('max-age-without-sign-in: a fresh sign-in asked of a step that does not ask for sign-in', () => {
    expect(
      problemsAfter((d) => (d.machine.states.review.meta.approval = { maxAge: 300 })).map((p) => [
        p.code,
        p.pointer,
      ]),
    ).toEqual([['max-age-without-sign-in', '/machine/states/review/meta/approval/maxAge']]);
    expect(
      problemsAfter((d) => (d.machine.states.review.meta.approval = { requireSignIn: true, maxAge: 300 })),
    ).toEqual([]);
    expect(
      problemsAfter((d) => (d.machine.states.review.meta.approval = { requireSignIn: true, maxAge: -1 })).map(
        (p) => p.code,
      ),
    ).toEqual(['schema']);
  });

  it('reports every problem at once', () => {
    const problems = problemsAfter((d) => {
      d.machine.states.review.meta.form = 'granskning';
      d.machine.states.review.on.RETURN.target = 'utkast';
      d.machine.states.draft.on.SUBMIT.guard = { type: 'isReady' };
    });
    expect(problems.map((p) => p.code).sort()).toEqual(['unknown-form', 'unknown-guard', 'unknown-target']);
  });
});

describe('escalationChain', () => {
  it('accepts the unit kinds an overdue step climbs through', () => {
    const def = { ...sampleDefinition(), escalationChain: ['forvaltning', 'ks'] };
    expect(validateDefinition(def, sampleCatalogs()).ok).toBe(true);
  });

  it('refuses a kind that is not a level of the organisation, with its pointer', () => {
    const def = { ...sampleDefinition(), escalationChain: ['forvaltning', 'skolan'] };
    const result = validateDefinition(def, sampleCatalogs());
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'schema', pointer: '/escalationChain/1' }),
    ]);
  });
});

describe('the example in workflows/README.md', () => {
  it('is a valid definition', () => {
    const readme = readFileSync(`${__dirname}/../../../../../workflows/README.md`, 'utf8');
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? 'null');
    const catalogs = sampleCatalogs({ formExists: () => true });
    expect(validateDefinition(example, catalogs)).toEqual({ ok: true, problems: [] });
  });
});
