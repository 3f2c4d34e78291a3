import { loadFormCatalog, type FormEntry } from '../forms/form-catalog';
import { createRegistry } from '../registry/registry';
import { enhetsplanWithQualityCheck } from '../testing/quality-check.fixture';
import { compileWorkflow } from './compile-definition';
import { step } from './engine-step';
import { simulateWorkflow } from './simulate-workflow';
import { snapshotAt } from './snapshot-at';

const catalog = loadFormCatalog('forms');
const forms = Object.fromEntries(
  ['draft', 'review', 'adoption'].map((s) => [s, catalog.get('enhetsplan', s) as FormEntry]),
);
const compiled = compileWorkflow(enhetsplanWithQualityCheck(), createRegistry());
const complete = {
  aktiviteter: [
    {
      titel: 'Läsfrämjande',
      namndmalId: 'BIN-1',
      ansvarig: 'Erik',
      klartDatum: '2027-06-01',
      status: 'planerad',
    },
  ],
  fokusomraden: ['Läsning'],
  aptDatum: '2027-01-15',
};

describe('simulateWorkflow', () => {
  it('walks a version through its steps and reports the mails and deadlines that would go out', () => {
    const result = simulateWorkflow({
      compiled,
      forms,
      data: complete,
      facts: { upstreamAdopted: true },
      events: [{ type: 'SUBMIT' }, { type: 'APPROVE' }, { type: 'QUALITY_OK' }, { type: 'ADOPT' }],
    });
    expect(result.steps.map((s) => [s.event, s.ok, s.state])).toEqual([
      [null, true, 'draft'],
      ['SUBMIT', true, 'review'],
      ['APPROVE', true, 'quality_check'],
      ['QUALITY_OK', true, 'adoption'],
      ['ADOPT', true, 'adopted'],
    ]);
    expect(result.final).toBe(true);
    expect(result.steps[0].deadlines).toEqual([
      expect.objectContaining({
        type: 'scheduleDeadline',
        params: expect.objectContaining({ state: 'draft' }),
      }),
    ]);
    expect(result.steps[1].mails).toEqual([
      expect.objectContaining({
        type: 'requestApproval',
        params: expect.objectContaining({ state: 'review' }),
      }),
    ]);
    expect(result.steps[2].deadlines.map((e) => [e.type, e.params['state']])).toEqual([
      ['cancelDeadlines', 'review'],
      ['scheduleDeadline', 'quality_check'],
    ]);
    expect(result.steps[2].sentBy).toEqual(
      compiled.definition.machine.states['review'].meta.events?.['APPROVE'].roles,
    );
    expect(result.steps[2].sentBy).toContain('omradeschef');
    expect(result.totals.mails).toBe(4);
    expect(result.totals.documents).toBe(0);
  });

  it('reports refusals with their reasons and field errors, and stays in the step', () => {
    const result = simulateWorkflow({
      compiled,
      forms,
      events: [
        { type: 'SUBMIT' },
        { type: 'ADOPT' },
        { type: 'SUBMIT', data: complete },
        { type: 'APPROVE' },
        { type: 'RETURN' },
      ],
    });
    const [, incomplete, unknown, submitted, , noComment] = result.steps;
    expect(incomplete).toMatchObject({ ok: false, state: 'draft', guard: 'formComplete' });
    expect(incomplete.errors?.length).toBeGreaterThan(0);
    expect(unknown).toMatchObject({ ok: false, state: 'draft', reason: expect.stringContaining('ADOPT') });
    expect(submitted).toMatchObject({ ok: true, state: 'review' });
    expect(noComment).toMatchObject({ ok: false, reason: 'En kommentar krävs.' });
  });

  it('needs the facts the engine would compute: without upstreamAdopted the adoption is refused', () => {
    const result = simulateWorkflow({
      compiled,
      forms,
      data: complete,
      events: [{ type: 'SUBMIT' }, { type: 'APPROVE' }, { type: 'QUALITY_OK' }, { type: 'ADOPT' }],
    });
    expect(result.steps[4]).toMatchObject({ ok: false, state: 'adoption', guard: 'upstreamAdopted' });
  });
});

describe('snapshotAt', () => {
  it('is a persisted snapshot the engine step resumes from', () => {
    const snapshot = snapshotAt(compiled, 'quality_check');
    expect(snapshot).toMatchObject({ status: 'active', value: 'quality_check' });
    const next = step({
      definition: compiled,
      snapshot,
      event: { type: 'QUALITY_OK' },
      guardContext: {
        data: {},
        document: { id: 'd', type: 'enhetsplan', orgUnitId: 'u', year: 2030, period: null },
        actor: { userId: null, roles: [], via: 'system' },
        facts: {},
      },
    });
    expect(next).toMatchObject({ ok: true, state: 'adoption' });
  });

  it('refuses a state the version does not have', () => {
    expect(() => snapshotAt(compiled, 'nowhere')).toThrow(/does not exist/);
  });
});
