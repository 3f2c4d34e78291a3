import { guardInputs } from './guard-inputs';
import { createRegistry } from './registry';

describe('guardInputs', () => {
  const registry = createRegistry();

  it('reads nothing for an event without guards, or with guards that need neither', () => {
    expect(guardInputs(undefined, registry)).toEqual({ facts: false, forms: false });
    expect(guardInputs({ target: 'b' }, registry)).toEqual({ facts: false, forms: false });
    expect(guardInputs({ target: 'b', guard: { type: 'commentGiven', params: {} } }, registry)).toEqual({
      facts: false,
      forms: false,
    });
  });

  it('finds the guards that declare facts or forms, inside composites and guarded alternatives', () => {
    expect(guardInputs({ target: 'b', guard: { type: 'formComplete' } }, registry)).toEqual({
      facts: false,
      forms: true,
    });
    expect(
      guardInputs(
        [
          { target: 'b', guard: { type: 'not', guards: [{ type: 'withinFrame' }] } },
          {
            target: 'c',
            guard: {
              type: 'and',
              guards: [{ type: 'formComplete' }, { type: 'sentVia', params: { via: ['user'] } }],
            },
          },
        ],
        registry,
      ),
    ).toEqual({ facts: true, forms: true });
    for (const type of ['upstreamAdopted', 'withinFrame', 'factIs'])
      expect(guardInputs({ guard: { type } }, registry).facts).toBe(true);
  });

  it('goes by the declaration, not the name: an extra guard declaring facts is read for', () => {
    const extended = createRegistry({
      guards: [
        {
          name: 'budgetBalanced',
          description: 'test',
          paramsSchema: { type: 'object' },
          reads: ['facts'],
          implementation: () => true,
        },
      ],
    });
    const transitions = { guard: { type: 'budgetBalanced' } };
    expect(guardInputs(transitions, extended).facts).toBe(true);
    expect(guardInputs(transitions, registry).facts).toBe(false);
  });
});
