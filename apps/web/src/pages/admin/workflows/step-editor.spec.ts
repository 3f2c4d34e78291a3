import {
  addEvent,
  addStep,
  newEventProblem,
  newStepProblem,
  parseReminders,
  setEventPermission,
  setEventTarget,
  setStepMeta,
  steps,
  toggle,
} from './step-editor';

const definition = {
  key: 'enhetsplan',
  title: 'Enhetsplan',
  machine: {
    id: 'enhetsplan',
    initial: 'draft',
    states: {
      draft: {
        meta: {
          title: 'Utkast',
          form: 'draft',
          editableBy: ['enhetschef'],
          events: { SUBMIT: { label: 'Skicka', roles: ['enhetschef'] } },
        },
        on: {
          SUBMIT: { target: 'review', guard: { type: 'formComplete' }, actions: [{ type: 'markSubmitted' }] },
        },
      },
      review: { meta: { title: 'Granskning' }, on: { APPROVE: [{ target: 'adopted' }] } },
      adopted: { type: 'final', meta: { title: 'Antagen' } },
    },
  },
};

describe('the visual step editor’s edits', () => {
  it('reads the steps with their transitions', () => {
    expect(steps(definition).map((s) => [s.key, s.final, s.transitions])).toEqual([
      ['draft', false, [{ event: 'SUBMIT', target: 'review', guarded: true }]],
      ['review', false, [{ event: 'APPROVE', target: 'adopted', guarded: false }]],
      ['adopted', true, []],
    ]);
    expect(steps({ not: 'a workflow' })).toEqual([]);
  });

  it('changes a step’s title, form, editors and deadline, removing what is emptied, and leaves the argument alone', () => {
    const before = JSON.stringify(definition);
    const edited = setStepMeta(definition, 'draft', {
      title: 'Utkast av enhetschef',
      editableBy: [],
      deadline: { key: 'enhetsplan', reminders: [14, 3] },
    });
    expect(steps(edited)[0]?.meta).toEqual({
      title: 'Utkast av enhetschef',
      form: 'draft',
      deadline: { key: 'enhetsplan', reminders: [14, 3] },
      events: { SUBMIT: { label: 'Skicka', roles: ['enhetschef'] } },
    });
    expect(JSON.stringify(definition)).toBe(before);
  });

  it('changes who may send an event and where it leads, keeping its guard and actions', () => {
    let edited = setEventPermission(definition, 'draft', 'SUBMIT', {
      roles: ['enhetschef', 'handlaggare'],
      requiresComment: true,
    });
    edited = setEventTarget(edited, 'draft', 'SUBMIT', 'adopted');
    edited = setEventTarget(edited, 'review', 'APPROVE', 'draft');
    const [draft, review] = steps(edited);
    expect(draft?.meta.events?.['SUBMIT']).toEqual({
      label: 'Skicka',
      roles: ['enhetschef', 'handlaggare'],
      requiresComment: true,
    });
    expect((edited as typeof definition).machine.states.draft.on.SUBMIT).toEqual({
      target: 'adopted',
      guard: { type: 'formComplete' },
      actions: [{ type: 'markSubmitted' }],
    });
    expect(review?.transitions).toEqual([{ event: 'APPROVE', target: 'draft', guarded: false }]);
  });

  it('adds a step and an event, and says in Swedish why a key cannot be used', () => {
    expect(newStepProblem(definition, 'Review', 'x')).toContain('gemener');
    expect(newStepProblem(definition, 'review', 'x')).toBe('Steget review finns redan.');
    expect(newStepProblem(definition, 'nämnd', 'x')).toContain('gemener');
    expect(newStepProblem(definition, 'namnd', ' ')).toBe('Ge steget en rubrik.');
    let edited = addStep(definition, 'namnd', 'Beslut i nämnden');
    expect(newEventProblem(edited, 'review', 'approve', 'x')).toContain('versaler');
    expect(newEventProblem(edited, 'review', 'APPROVE', 'x')).toBe('Steget har redan händelsen APPROVE.');
    edited = addEvent(edited, 'review', 'SEND_TO_NAMND', 'namnd', 'Skicka till nämnden', [
      'forvaltningschef',
    ]);
    const review = steps(edited).find((s) => s.key === 'review');
    expect(review?.transitions).toContainEqual({ event: 'SEND_TO_NAMND', target: 'namnd', guarded: false });
    expect(review?.meta.events?.['SEND_TO_NAMND']).toEqual({
      label: 'Skicka till nämnden',
      roles: ['forvaltningschef'],
    });
    expect(steps(edited).map((s) => s.key)).toEqual(['draft', 'review', 'adopted', 'namnd']);
  });

  it('reads reminders as whole days, latest first, and toggles roles', () => {
    expect(parseReminders('3, 14 1')).toEqual([14, 3, 1]);
    expect(parseReminders('')).toEqual([]);
    expect(parseReminders('tre')).toBeNull();
    expect(toggle(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
