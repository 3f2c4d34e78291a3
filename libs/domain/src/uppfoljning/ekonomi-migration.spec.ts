import { applyDataMigration, isDataMigrationName, migrateEkonomiNettokostnad } from './ekonomi-migration';

describe('ekonomi-nettokostnad', () => {
  it('maps the old period budget, outcome and full-year forecast and takes arsbudget from the frame', () => {
    // The product's own fixture before #15: positive net costs.
    const old = {
      ekonomi: { budget: 100_750_000, utfall: 101_400_000, prognos: 606_800_000 },
      analys: 'Text',
      investeringar: 'Ombyggnaden av kök går enligt plan.',
    };
    expect(migrateEkonomiNettokostnad(old, { arsbudget: 604_500_000 })).toEqual({
      data: {
        ekonomi: {
          arsbudget: 604_500_000,
          periodbudget: 100_750_000,
          utfall: 101_400_000,
          prognos: 606_800_000,
        },
        analys: 'Text',
        investeringar: [],
        investeringarKommentar: 'Ombyggnaden av kök går enligt plan.',
      },
      changed: true,
      notes: [],
    });
  });

  it('negates figures typed as negative costs (the result statement’s way)', () => {
    const r = migrateEkonomiNettokostnad(
      { ekonomi: { budget: -183_000_000, utfall: -187_000_000, prognos: -562_000_000 } },
      { arsbudget: 550_000_000 },
    );
    expect(r.data['ekonomi']).toEqual({
      arsbudget: 550_000_000,
      periodbudget: 183_000_000,
      utfall: 187_000_000,
      prognos: 562_000_000,
    });
    expect(r.notes).toEqual([expect.stringContaining('bytt tecken')]);
  });

  it('keeps mixed signs and says so; says when the annual budget is unknown', () => {
    const r = migrateEkonomiNettokostnad(
      { ekonomi: { budget: -1_000_000, utfall: 900_000, prognos: 0 } },
      {},
    );
    expect(r.data['ekonomi']).toEqual({ periodbudget: -1_000_000, utfall: 900_000, prognos: 0 });
    expect(r.notes).toEqual([
      expect.stringContaining('både positiva och negativa'),
      expect.stringContaining('Årsbudget saknas'),
    ]);
  });

  it('maps the verksamhetsberättelse’s year budget to arsbudget, the adopted frame winning', () => {
    const old = { ekonomi: { budget: 604_500_000, utfall: 601_200_000 }, analys: 'Överskott.' };
    expect(
      migrateEkonomiNettokostnad(old, { arsbudget: 604_500_000, documentType: 'verksamhetsberattelse' }),
    ).toEqual({
      data: { ekonomi: { arsbudget: 604_500_000, utfall: 601_200_000 }, analys: 'Överskott.' },
      changed: true,
      notes: [],
    });
    // A frame changed after the report was typed: the adopted one is taken, and a person is told.
    const framed = migrateEkonomiNettokostnad(old, {
      arsbudget: 610_000_000,
      documentType: 'verksamhetsberattelse',
    });
    expect(framed.data['ekonomi']).toEqual({ arsbudget: 610_000_000, utfall: 601_200_000 });
    expect(framed.notes).toEqual([expect.stringContaining('hämtad från den antagna ramen')]);
  });

  it('keeps the verksamhetsberättelse’s own budget without a frame, signs as for the monthly reports', () => {
    const r = migrateEkonomiNettokostnad(
      { ekonomi: { budget: -210_000_000, utfall: -212_100_000 } },
      { documentType: 'verksamhetsberattelse' },
    );
    expect(r.data['ekonomi']).toEqual({ arsbudget: 210_000_000, utfall: 212_100_000 });
    expect(r.notes).toEqual([expect.stringContaining('bytt tecken')]);
    const again = migrateEkonomiNettokostnad(r.data, { documentType: 'verksamhetsberattelse' });
    expect(again).toEqual({ data: r.data, changed: false, notes: [] });
  });

  it('leaves data in the new shape alone, so a second run changes nothing', () => {
    const current = {
      ekonomi: { arsbudget: 1, periodbudget: 1, utfall: 1, prognos: 1 },
      investeringar: [{ projekt: 'x', budget: 1, utfall: 0, prognos: 1 }],
    };
    expect(applyDataMigration('ekonomi-nettokostnad', current, { arsbudget: 2 })).toEqual({
      data: current,
      changed: false,
      notes: [],
    });
    expect(migrateEkonomiNettokostnad({}, {}).changed).toBe(false);
    expect(isDataMigrationName('ekonomi-nettokostnad')).toBe(true);
    expect(isDataMigrationName('annat')).toBe(false);
  });
});
