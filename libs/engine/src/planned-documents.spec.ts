import { defaultYearWheel, DEMO_UNITS, demoOrgUnits } from '@rodtrad/domain';
import { plannedDocuments } from './planned-documents';

describe('plannedDocuments (opening a budget year)', () => {
  const units = demoOrgUnits(DEMO_UNITS);
  const planned = plannedDocuments(defaultYearWheel(2027), units);
  const count = (type: string, unit?: string) =>
    planned.filter((p) => p.type === type && (!unit || p.orgUnitId === unit)).length;

  it('plans the year-end hearing in KS (bokslutsdialog) once per nämnd and bolag, not for KS itself', () => {
    for (const unit of ['bin', 'san', 'dsn', 'hbab']) expect(count('bokslutsdialog', unit)).toBe(1);
    expect(count('bokslutsdialog', 'ks')).toBe(0);
    expect(count('bokslutsdialog')).toBe(
      units.filter((u) => u.kind === 'namnd' || u.kind === 'bolag').length,
    );
    const line = defaultYearWheel(2027).find((e) => e.key === 'bokslutsdialog');
    expect(line).toMatchObject({ documentType: 'bokslutsdialog', date: '2028-02-28' });
  });

  it('plans the GPF once, for KS', () => {
    expect(planned.filter((p) => p.type === 'gpf')).toEqual([{ type: 'gpf', orgUnitId: 'ks', period: null }]);
  });

  it('plans Mål och budget and internkontrollplan per nämnd and for KS, not for companies', () => {
    for (const unit of ['ks', 'bin', 'san', 'dsn', 'myn', 'val']) {
      expect(count('mal-och-budget', unit)).toBe(1);
      expect(count('internkontrollplan', unit)).toBe(1);
    }
    expect(count('mal-och-budget', 'hbab')).toBe(0);
  });

  it('plans a plan per förvaltning, område and enhet', () => {
    const kinds = (kind: string) => units.filter((u) => u.kind === kind).length;
    expect(count('forvaltningsplan')).toBe(kinds('forvaltning'));
    // …except those under the kommunalförbund (gymnasium and its two schools).
    expect(count('verksamhetsplan')).toBe(kinds('omrade') - 1);
    expect(count('enhetsplan')).toBe(kinds('enhet') - 2);
  });

  it("plans a monthly report per nämnd and month, T1 and D1, and none of the nämnder's reports for companies", () => {
    expect(
      planned.filter((p) => p.type === 'manadsrapport' && p.orgUnitId === 'bin').map((p) => p.period),
    ).toEqual(['2027-02', '2027-03', '2027-07', '2027-09', '2027-10', '2027-11']);
    expect(planned.find((p) => p.type === 'tertialrapport' && p.orgUnitId === 'san')?.period).toBe('T1');
    expect(count('manadsrapport', 'hbab')).toBe(0);
    expect(count('tertialrapport', 'hbab')).toBe(0);
    expect(count('delarsrapport', 'hbab')).toBe(0);
    expect(count('verksamhetsberattelse', 'hbab')).toBe(0);
  });

  it('plans a company its own report to KS, at the interim and after the year end, and KS one assessment of the companies', () => {
    expect(planned.filter((p) => p.type === 'bolagsrapport').map((p) => [p.orgUnitId, p.period])).toEqual([
      ['hbab', 'D1'],
      ['hbab', 'HELAR'],
    ]);
    expect(planned.filter((p) => p.type === 'ks-bolagsbedomning')).toEqual([
      { type: 'ks-bolagsbedomning', orgUnitId: 'ks', period: null },
    ]);
  });

  it('plans nothing for a kommunalförbund or the units under it, nor the owner steering documents', () => {
    for (const unit of ['sydnarke', 'gymnasium', 'alleskolan', 'vuxenutbildning'])
      expect([unit, planned.filter((p) => p.orgUnitId === unit)]).toEqual([unit, []]);
    for (const type of ['bolagsordning', 'bolagspolicy', 'agardirektiv', 'agardirektiv-gemensamma'])
      expect([type, count(type)]).toEqual([type, 0]);
  });

  it('never plans an åtgärdsplan, which answers a trigger', () => {
    expect(count('atgardsplan')).toBe(0);
  });

  it('plans no slot twice', () => {
    const keys = planned.map((p) => `${p.type}|${p.orgUnitId}|${p.period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
