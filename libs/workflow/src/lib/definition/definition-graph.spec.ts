import { sampleDefinition } from '../testing/sample-definition.fixture';
import {
  acceptedEvents,
  allowedEvents,
  finalStates,
  isFinalState,
  listStates,
  listTransitions,
  stateMeta,
  stateValueToString,
} from './definition-graph';

const def = sampleDefinition();

describe('definition graph helpers', () => {
  it('lists states and final states', () => {
    expect(listStates(def)).toEqual(['draft', 'review', 'adopted', 'rejected']);
    expect(finalStates(def)).toEqual(['adopted', 'rejected']);
    expect(isFinalState(def, 'adopted')).toBe(true);
    expect(isFinalState(def, 'draft')).toBe(false);
    expect(isFinalState(def, 'constructor')).toBe(false);
  });

  it('lists transitions, one per guarded candidate, targetless ones staying in place', () => {
    expect(
      listTransitions(def).map(({ from, event, to, candidate, targetless }) => [
        from,
        event,
        to,
        candidate,
        targetless,
      ]),
    ).toEqual([
      ['draft', 'SUBMIT', 'review', 0, false],
      ['draft', 'EXPIRE', 'draft', 0, true],
      ['review', 'APPROVE', 'adopted', 0, false],
      ['review', 'RETURN', 'draft', 0, false],
      ['review', 'DECIDE', 'adopted', 0, false],
      ['review', 'DECIDE', 'rejected', 1, false],
    ]);
    expect(listTransitions(def)[0].guard).toEqual({ type: 'formComplete' });
  });

  it('gives the meta of a step', () => {
    expect(stateMeta(def, 'review')?.title).toBe('Granskning');
    expect(stateMeta(def, 'nowhere')).toBeUndefined();
    expect(acceptedEvents(def, 'draft')).toEqual(['SUBMIT', 'EXPIRE']);
  });

  it('lists the buttons an actor may press, never system-only events', () => {
    const onlyOmradeschef = (roles: string[]) => roles.includes('omradeschef');
    expect(allowedEvents(def, 'review', onlyOmradeschef)).toEqual([
      { type: 'APPROVE', label: 'Fastställ', requiresComment: false },
      { type: 'RETURN', label: 'Återför till enhetschef', requiresComment: true },
      { type: 'DECIDE', label: 'Besluta', requiresComment: false },
    ]);
    expect(allowedEvents(def, 'draft', onlyOmradeschef)).toEqual([]);
    expect(allowedEvents(def, 'draft', () => true)).toEqual([
      { type: 'SUBMIT', label: 'Skicka till områdeschef', requiresComment: false },
    ]);
    expect(allowedEvents(def, 'adopted', () => true)).toEqual([]);
  });

  it('writes nested state values as dotted strings', () => {
    expect(stateValueToString('draft')).toBe('draft');
    expect(stateValueToString({ review: { ks: 'waiting' } })).toBe('review.ks.waiting');
    expect(stateValueToString(undefined)).toBe('');
  });
});
