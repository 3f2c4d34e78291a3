import {
  CONTROL_AIMS,
  controlFollowUpPrefill,
  DEFAULT_RISK_MATRIX,
  plannedControls,
  readControlFollowUp,
  riskMatrixGrid,
  riskMatrixProblems,
  summariseControls,
  withRiskValues,
} from './internal-control';

const PLAN = {
  risker: [
    {
      risk: 'Felaktiga utbetalningar',
      sannolikhet: 3,
      konsekvens: 4,
      riskvarde: 1,
      kontroll: 'Attestkontroll',
    },
    { risk: 'Nycklar kommer bort', sannolikhet: 2, konsekvens: 2, kontroll: 'Nyckelinventering' },
    { risk: 'Ej bedömd', kontroll: 'Stickprov' },
  ],
};

describe('the five marks of good internal control (§2)', () => {
  it('are quoted from the source word for word, in its order', () => {
    expect(CONTROL_AIMS).toEqual([
      'ändamålsenliga och väl dokumenterade system och rutiner för styrning',
      'en rättvisande och tillförlitlig redovisning och information om verksamheten',
      'säkerställande av att lagar, policies, reglementen m.m. tillämpas',
      'skydd mot förluster eller förstörelse av kommunens tillgångar',
      'eliminering eller upptäckt av allvarliga fel',
    ]);
  });
});

describe('withRiskValues', () => {
  it('stores sannolikhet × konsekvens, replacing a typed value, and none for an ungraded risk', () => {
    const out = withRiskValues(PLAN);
    expect(out.risker.map((r) => (r as { riskvarde?: number }).riskvarde)).toEqual([12, 4, undefined]);
    expect('riskvarde' in (out.risker[2] as object)).toBe(false);
  });

  it('leaves data without risks alone', () => {
    const data = { ekonomi: { utfall: 1 } };
    expect(withRiskValues(data)).toBe(data);
  });
});

describe('riskMatrixProblems', () => {
  it('accepts the default 4 × 4 and a 5 × 5 with its own thresholds', () => {
    expect(riskMatrixProblems(DEFAULT_RISK_MATRIX)).toEqual([]);
    expect(riskMatrixProblems({ size: 5, mediumFrom: 6, highFrom: 15 })).toEqual([]);
  });

  it('names each wrong field in Swedish', () => {
    expect(riskMatrixProblems({ size: 1, mediumFrom: 5, highFrom: 9 })).toEqual([
      { pointer: '/size', message: 'Matrisens storlek ska vara ett heltal från 2 till 10.' },
    ]);
    expect(riskMatrixProblems({ size: 4, mediumFrom: 9, highFrom: 5 }).map((p) => p.pointer)).toEqual([
      '/highFrom',
    ]);
    expect(riskMatrixProblems({ size: 4, mediumFrom: 1, highFrom: 17 }).map((p) => p.pointer)).toEqual([
      '/mediumFrom',
      '/highFrom',
    ]);
  });
});

describe('riskMatrixGrid', () => {
  it('places each risk in its cell, highest likelihood first, with the level of the cell', () => {
    const grid = riskMatrixGrid(plannedControls(PLAN), DEFAULT_RISK_MATRIX);
    expect(grid.rows.map((r) => r.sannolikhet)).toEqual([4, 3, 2, 1]);
    const cell = grid.rows[1].cells[3];
    expect(cell).toMatchObject({ sannolikhet: 3, konsekvens: 4, riskvarde: 12, level: 'high' });
    expect(cell.risks).toEqual([{ nr: 1, risk: 'Felaktiga utbetalningar' }]);
    expect(grid.rows[2].cells[1]).toMatchObject({ riskvarde: 4, level: 'low', risks: [{ nr: 2 }] });
    expect(grid.outside).toEqual([{ nr: 3, risk: 'Ej bedömd' }]);
    expect(grid.total).toBe(3);
  });

  it('keeps a risk graded beyond a smaller matrix outside it', () => {
    const grid = riskMatrixGrid(
      plannedControls({ risker: [{ risk: 'Stor', sannolikhet: 5, konsekvens: 1 }] }),
      { size: 4, mediumFrom: 5, highFrom: 9 },
    );
    expect(grid.outside).toEqual([{ nr: 1, risk: 'Stor' }]);
  });
});

describe('the follow-up of the controls', () => {
  const plan = plannedControls(PLAN);

  it('prefills one row per planned control', () => {
    expect(controlFollowUpPrefill(PLAN)).toEqual([
      { nr: 1, kontroll: 'Attestkontroll' },
      { nr: 2, kontroll: 'Nyckelinventering' },
      { nr: 3, kontroll: 'Stickprov' },
    ]);
  });

  it('counts planned, performed, deviations and unreported, and lists the deviations', () => {
    const reported = readControlFollowUp({
      internkontroll: [
        {
          nr: 1,
          kontroll: 'Attestkontroll',
          utfall: 'avvikelse',
          beskrivning: 'Saknad attest',
          atgard: 'Utbildning',
        },
        { nr: 2, kontroll: 'Nyckelinventering', utfall: 'genomford' },
        { nr: 3, kontroll: 'Stickprov' },
      ],
    });
    const summary = summariseControls(plan, reported);
    expect(summary).toMatchObject({
      planned: 3,
      performed: 2,
      withDeviation: 1,
      notPerformed: 0,
      unreported: 1,
    });
    expect(summary.deviations).toEqual([
      {
        nr: 1,
        kontroll: 'Attestkontroll',
        utfall: 'avvikelse',
        beskrivning: 'Saknad attest',
        atgard: 'Utbildning',
      },
    ]);
  });

  it('knows a row without a number by its control’s text', () => {
    const summary = summariseControls(plan, [
      { nr: null, kontroll: 'Stickprov', utfall: 'genomford', beskrivning: '', atgard: '' },
    ]);
    expect(summary).toMatchObject({ performed: 1, unreported: 2 });
  });

  it('lists a control not carried out among the deviations', () => {
    const summary = summariseControls(plan, [
      { nr: 2, kontroll: 'Nyckelinventering', utfall: 'ej-genomford', beskrivning: 'Sjukdom', atgard: '' },
    ]);
    expect(summary).toMatchObject({ performed: 0, notPerformed: 1, unreported: 2 });
    expect(summary.deviations.map((d) => d.utfall)).toEqual(['ej-genomford']);
  });
});
