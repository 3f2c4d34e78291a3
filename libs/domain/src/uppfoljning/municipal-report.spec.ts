import { compileMunicipalReport, readReportEkonomi, type UnitReportFigures } from './municipal-report';

const unit = (code: string, ekonomi: UnitReportFigures['ekonomi']): UnitReportFigures => ({
  orgUnitId: code.toLowerCase(),
  code,
  name: code,
  documentId: `doc-${code}`,
  state: 'ks_treatment',
  ekonomi,
});

describe('compiling the municipality’s report from the nämnder’s', () => {
  // Interim report per 31 July: BIN forecasts a 6,2 Mkr overrun, SAN a 1,1 Mkr surplus.
  const bin = unit('BIN', {
    arsbudget: 614_500_000,
    periodbudget: 358_500_000,
    utfall: 362_900_000,
    prognos: 620_700_000,
  });
  const san = unit('SAN', {
    arsbudget: 498_000_000,
    periodbudget: 290_500_000,
    utfall: 288_000_000,
    prognos: 496_900_000,
  });

  it('lists each nämnd’s deviation (arsbudget − prognos, periodbudget − utfall) and sums them', () => {
    const c = compileMunicipalReport({
      units: [san, bin],
      finansiellaMal: [],
      malGodEkonomiskHushallning: [],
      outcomes: [],
    });
    expect(c.units.map((u) => [u.code, u.budgetavvikelse, u.periodavvikelse])).toEqual([
      ['BIN', -6_200_000, -4_400_000],
      ['SAN', 1_100_000, 2_500_000],
    ]);
    expect(c.total).toEqual({
      arsbudget: 1_112_500_000,
      periodbudget: 649_000_000,
      utfall: 650_900_000,
      prognos: 1_117_600_000,
      budgetavvikelse: -5_100_000,
      periodavvikelse: -1_900_000,
    });
  });

  it('sums only what was reported, and leaves a deviation open without both figures', () => {
    const partial = unit('DSN', { arsbudget: 96_400_000, periodbudget: null, utfall: null, prognos: null });
    const c = compileMunicipalReport({
      units: [partial],
      finansiellaMal: [],
      malGodEkonomiskHushallning: [],
      outcomes: [],
    });
    expect(c.units[0].budgetavvikelse).toBeNull();
    expect(c.total).toMatchObject({ arsbudget: 96_400_000, prognos: null, budgetavvikelse: null });
  });

  it('follows up KF’s goals with traffic lights', () => {
    const goal = {
      mal: 'Resultatet ska uppgå till minst 2 % av skatter och generella statsbidrag',
      indikator: 'Resultat i % av skatter och statsbidrag',
      riktning: 'minst' as const,
      startvarde: 1.4,
      malvarde: 2,
    };
    const c = compileMunicipalReport({
      units: [],
      finansiellaMal: [goal],
      malGodEkonomiskHushallning: [
        { ...goal, indikator: 'Nettokostnadsandel', riktning: 'hogst', startvarde: 98.6, malvarde: 98 },
      ],
      outcomes: [
        { indikator: goal.indikator, utfall: -0.6 },
        { indikator: 'Nettokostnadsandel', utfall: 98.3 },
      ],
    });
    expect(c.finansiellaMal[0].light).toBe('red');
    expect(c.malGodEkonomiskHushallning[0].light).toBe('yellow');
    expect(c.total.arsbudget).toBeNull();
  });

  it('reads a year-end report’s outcome as its forecast, and the old `budget` name as the annual budget', () => {
    const compiled = {
      arsbudget: 614_500_000,
      periodbudget: 614_500_000,
      utfall: 621_300_000,
      prognos: 621_300_000,
    };
    // The verksamhetsberättelse's ekonomi { arsbudget, utfall } (#15) ...
    expect(readReportEkonomi({ arsbudget: 614_500_000, utfall: 621_300_000 }, true)).toEqual(compiled);
    // ... and one stored before it, with `budget`.
    expect(readReportEkonomi({ budget: 614_500_000, utfall: 621_300_000 }, true)).toEqual({
      arsbudget: 614_500_000,
      periodbudget: 614_500_000,
      utfall: 621_300_000,
      prognos: 621_300_000,
    });
    expect(readReportEkonomi({ arsbudget: 1, prognos: 'x' })).toEqual({
      arsbudget: 1,
      periodbudget: null,
      utfall: null,
      prognos: null,
    });
    expect(readReportEkonomi(undefined).arsbudget).toBeNull();
  });
});
