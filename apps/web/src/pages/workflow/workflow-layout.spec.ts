import { layoutWorkflow } from './workflow-layout';

const enhetsplan = {
  initial: 'draft',
  states: {
    draft: { meta: { title: 'Utkast' }, on: { SUBMIT: { target: 'review' } } },
    review: {
      meta: { title: 'Granskning' },
      on: { APPROVE: { target: 'adoption' }, RETURN: { target: 'draft' } },
    },
    adoption: {
      meta: { title: 'Antagande' },
      on: { ADOPT: { target: 'adopted' }, RETURN: { target: 'draft' } },
    },
    adopted: { type: 'final', meta: { title: 'Antagen' } },
    orphan: {},
  },
};

describe('layoutWorkflow', () => {
  const layout = layoutWorkflow(enhetsplan, (_s, e) => e.toLowerCase());
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));

  it('puts each state in the layer of its distance from the initial state', () => {
    expect(['draft', 'review', 'adoption', 'adopted'].map((id) => byId.get(id)?.layer)).toEqual([0, 1, 2, 3]);
    expect(byId.get('orphan')?.layer).toBe(4);
    expect(byId.get('adopted')?.final).toBe(true);
    expect(byId.get('draft')?.title).toBe('Utkast');
  });

  it('marks returns as back edges and keeps every transition', () => {
    expect(layout.edges).toHaveLength(5);
    expect(layout.edges.filter((e) => e.back).map((e) => `${e.from}->${e.to}`)).toEqual([
      'review->draft',
      'adoption->draft',
    ]);
    expect(layout.edges[0].label).toBe('submit');
  });

  it('is wide enough for every layer', () => {
    const right = Math.max(...layout.nodes.map((n) => n.x));
    expect(layout.width).toBeGreaterThan(right);
  });
});
