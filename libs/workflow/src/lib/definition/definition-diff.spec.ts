import { loadFormCatalog } from '../forms/form-catalog';
import type { FormEntry } from '../forms/form-catalog';
import { enhetsplanWithQualityCheck, shippedEnhetsplan } from '../testing/quality-check.fixture';
import { diffDefinitions } from './definition-diff';

const catalog = loadFormCatalog('forms');
const bundle = (): Record<string, FormEntry> =>
  Object.fromEntries(
    ['draft', 'review', 'adoption'].map((s) => [
      s,
      structuredClone(catalog.get('enhetsplan', s) as FormEntry),
    ]),
  );

describe('diffDefinitions', () => {
  it('finds nothing between a version and a reformatted copy of itself', () => {
    const a = shippedEnhetsplan();
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const reordered = reverse(a) as typeof a;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
    const diff = diffDefinitions(
      { definition: a, forms: bundle() },
      { definition: reordered, forms: bundle() },
    );
    expect(diff.unchanged).toBe(true);
  });

  it('reports an added step with its transitions, roles and deadline, and the rerouted approval', () => {
    const diff = diffDefinitions(
      { definition: shippedEnhetsplan(), forms: bundle() },
      { definition: enhetsplanWithQualityCheck(), forms: bundle() },
    );
    expect(diff.unchanged).toBe(false);
    expect(diff.states.added).toEqual([{ state: 'quality_check', title: 'Kvalitetsgranskning' }]);
    expect(diff.states.removed).toEqual([]);
    expect(diff.transitions.added).toEqual([
      { from: 'quality_check', event: 'QUALITY_OK', candidate: 0, to: 'adoption' },
      { from: 'quality_check', event: 'RETURN', candidate: 0, to: 'draft' },
    ]);
    expect(diff.transitions.changed).toEqual([
      expect.objectContaining({
        from: 'review',
        event: 'APPROVE',
        changes: [{ attribute: 'to', from: 'adoption', to: 'quality_check' }],
      }),
    ]);
    expect(diff.roles.added).toEqual(
      expect.arrayContaining([
        { state: 'quality_check', where: 'responsible', role: 'forvaltningschef' },
        { state: 'quality_check', where: 'events.QUALITY_OK', role: 'forvaltningschef' },
      ]),
    );
    expect(diff.roles.removed).toEqual([]);
    expect(diff.deadlines.added).toEqual([
      { state: 'quality_check', deadline: { key: 'enhetsplan', reminders: [3], escalate: false } },
    ]);
    expect(diff.formFields).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports removed and changed guards, roles and deadlines', () => {
    const a = shippedEnhetsplan();
    const b = shippedEnhetsplan();
    const adopt = b.machine.states['adoption'].on?.['ADOPT'] as { guard: unknown };
    adopt.guard = { type: 'formComplete' };
    delete (b.machine.states['draft'].on?.['SUBMIT'] as { guard?: unknown }).guard;
    b.machine.states['draft'].meta.editableBy = ['enhetschef'];
    b.machine.states['review'].meta.deadline = { key: 'enhetsplan', reminders: [7], escalate: true };
    const diff = diffDefinitions({ definition: a }, { definition: b });
    expect(diff.guards.removed).toEqual([
      expect.objectContaining({ from: 'draft', event: 'SUBMIT', guard: { type: 'formComplete' } }),
    ]);
    expect(diff.guards.changed).toEqual([
      expect.objectContaining({ from: 'adoption', event: 'ADOPT', after: { type: 'formComplete' } }),
    ]);
    expect(diff.roles.removed).toEqual([{ state: 'draft', where: 'editableBy', role: 'handlaggare' }]);
    expect(diff.deadlines.changed).toEqual([
      { state: 'review', changes: [{ attribute: 'reminders', from: [14, 3, 1], to: [7] }] },
    ]);
    expect(diff.states.changed).toEqual([]);
  });

  it('lists form fields added, removed and changed, nested ones by path', () => {
    const a = bundle();
    const b = bundle();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- editing a JSON schema in place
    const content = (b['draft'].schema['allOf'] as Array<{ properties: Record<string, any> }>)[0];
    content.properties['budget'] = { type: 'number', title: 'Budget' };
    delete content.properties['fokusomraden'];
    content.properties['aktiviteter'].items.properties['status'].enum.push('flyttad');
    content.properties['aktiviteter'].items.properties['kostnad'] = { type: 'integer' };
    content.properties['aktiviteter'].items.required.push('status');
    (b['review'].uiSchema as Record<string, unknown>)['ui:order'] = ['*'];
    const diff = diffDefinitions(
      { definition: shippedEnhetsplan(), forms: a },
      { definition: shippedEnhetsplan(), forms: b },
    );
    expect(diff.forms.changed).toEqual([
      { form: 'draft', schemaChanged: true, uiSchemaChanged: false },
      { form: 'review', schemaChanged: false, uiSchemaChanged: true },
    ]);
    expect(diff.formFields.added).toEqual([
      { form: 'draft', path: 'aktiviteter[].kostnad', required: false },
      { form: 'draft', path: 'budget', required: false },
    ]);
    expect(diff.formFields.removed).toEqual([{ form: 'draft', path: 'fokusomraden', required: false }]);
    expect(diff.formFields.changed).toEqual([
      {
        form: 'draft',
        path: 'aktiviteter[].status',
        changes: [
          {
            attribute: 'enum',
            from: ['planerad', 'pagaende', 'genomford', 'installd'],
            to: ['planerad', 'pagaende', 'genomford', 'installd', 'flyttad'],
          },
          { attribute: 'required', from: false, to: true },
        ],
      },
    ]);
  });

  it('names a form only present in one version as added or removed, with its fields', () => {
    const a = bundle();
    const b = bundle();
    delete b['adoption'];
    const diff = diffDefinitions(
      { definition: shippedEnhetsplan(), forms: a },
      { definition: shippedEnhetsplan(), forms: b },
    );
    expect(diff.forms.removed).toEqual(['adoption']);
    expect(diff.formFields.removed.every((f) => f.form === 'adoption')).toBe(true);
    expect(diff.formFields.removed.length).toBeGreaterThan(0);
  });
});
