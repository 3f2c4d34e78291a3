import { DEMO_MUNICIPALITY, demoFrame } from './hallsberg';

describe('DEMO_MUNICIPALITY', () => {
  it('has the two mandate periods', () => {
    expect(DEMO_MUNICIPALITY.mandatePeriods.map((p) => [p.key, p.startDate, p.endDate])).toEqual([
      ['2023-2026', '2023-01-01', '2026-12-31'],
      ['2027-2030', '2027-01-01', '2030-12-31'],
    ]);
  });

  it('carries the vision, core values and strategic areas from the source', () => {
    expect(DEMO_MUNICIPALITY.vision).toBe('Det öppna Hallsberg');
    expect(DEMO_MUNICIPALITY.coreValues.map((v) => v.name)).toEqual(['Glädje', 'Driv', 'Öppenhet']);
    for (const period of DEMO_MUNICIPALITY.mandatePeriods) {
      const areas = DEMO_MUNICIPALITY.strategicAreas.filter((a) => a.mandatePeriodKey === period.key);
      expect(areas.map((a) => a.name)).toEqual([
        'Hållbar kommun',
        'Livslångt lärande',
        'Allas inflytande',
        'God service',
      ]);
      for (const area of areas) expect(area.description.length).toBeGreaterThan(40);
    }
  });

  it('has a frame in whole kronor for every nämnd and KS per budget year', () => {
    const namndKeys = DEMO_MUNICIPALITY.units
      .filter((unit) => unit.kind === 'namnd' || unit.kind === 'ks')
      .map((unit) => unit.key);
    for (const year of [2026, 2027, 2028]) {
      for (const key of namndKeys) {
        const frame = demoFrame(key, year);
        expect([key, year, Number.isSafeInteger(frame) && (frame as number) > 0]).toEqual([key, year, true]);
      }
    }
    expect(demoFrame('bin', 2027)).toBe(548_000_000);
    expect(demoFrame('val', 2026)).toBeGreaterThan(demoFrame('val', 2027) as number);
    expect(demoFrame('bin', 1999)).toBeUndefined();
  });
});
