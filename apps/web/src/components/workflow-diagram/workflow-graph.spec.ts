import { guardText, workflowGraph } from './workflow-graph';

const definition = {
  title: 'Enhetsplan',
  machine: {
    initial: 'draft',
    states: {
      archived: { type: 'final', meta: { title: 'Arkiverad' } },
      draft: {
        meta: { title: 'Utkast', events: { SUBMIT: { label: 'Skicka', roles: ['handlaggare'] } } },
        on: {
          SUBMIT: {
            target: 'review',
            guard: { type: 'and', guards: [{ type: 'formComplete' }, { type: 'x' }] },
          },
        },
      },
      review: {
        meta: { title: 'Granskning', deadline: { key: 'review' } },
        on: { APPROVE: 'adopted', RETURN: [{ target: 'draft' }], BROKEN: { target: 'nowhere' } },
      },
      adopted: { type: 'final', meta: { title: 'Antagen' } },
    },
  },
};

describe('workflowGraph', () => {
  it('orders the steps from the start, unreachable ones last', () => {
    const graph = workflowGraph(definition);
    expect(graph?.nodes.map((n) => n.id)).toEqual(['draft', 'review', 'adopted', 'archived']);
    expect(graph?.nodes.find((n) => n.id === 'review')?.deadline).toBe('review');
    expect(graph?.nodes.find((n) => n.id === 'adopted')?.final).toBe(true);
  });

  it('reads transitions with their labels, guards and roles, and marks the ways back', () => {
    const edges = workflowGraph(definition.machine)?.edges ?? [];
    expect(edges.map((e) => `${e.from}-${e.event}-${e.to}`)).toEqual([
      'draft-SUBMIT-review',
      'review-APPROVE-adopted',
      'review-RETURN-draft',
    ]);
    expect(edges[0]).toMatchObject({
      label: 'Skicka',
      guard: 'formComplete och x',
      roles: ['handlaggare'],
      back: false,
    });
    expect(edges[2].back).toBe(true);
  });

  it('is null for text that is not (yet) a workflow', () => {
    expect(workflowGraph(null)).toBeNull();
    expect(workflowGraph({ machine: { states: {} } })).toBeNull();
    expect(workflowGraph([1, 2])).toBeNull();
  });
});

describe('guardText', () => {
  it('says a guard in words', () => {
    expect(guardText({ type: 'not', guards: [{ type: 'late' }] })).toBe('inte late');
    expect(guardText({ type: 'or', guards: [{ type: 'a' }, { type: 'b' }] })).toBe('a eller b');
    expect(guardText(undefined)).toBe('');
  });
});
