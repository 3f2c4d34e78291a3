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
