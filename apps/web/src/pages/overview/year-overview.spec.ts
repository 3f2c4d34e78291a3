import { statusRow, type OrgUnitView, type YearStatusRow } from '@rodtrad/contracts';
import { overviewPerNamnd } from './year-overview';

const units: OrgUnitView[] = [
  { id: 'k', parentId: null, kind: 'kommun', name: 'Hallsbergs kommun', code: 'KOM' },
  { id: 'bin', parentId: 'k', kind: 'namnd', name: 'Bildningsnämnden', code: 'BIN' },
  { id: 'bif', parentId: 'bin', kind: 'forvaltning', name: 'Bildningsförvaltningen', code: 'BIF' },
  { id: 'tran', parentId: 'bif', kind: 'enhet', name: 'Transtenskolan', code: 'TRAN' },
  { id: 'sn', parentId: 'k', kind: 'namnd', name: 'Socialnämnden', code: 'SN' },
  { id: 'ks', parentId: 'k', kind: 'ks', name: 'Kommunstyrelsen', code: 'KS' },
];
const now = new Date('2027-03-01T09:00:00Z');
const row = (orgUnitId: string, extra: Partial<YearStatusRow>) =>
  statusRow({ orgUnitId, orgUnitName: orgUnitId, documentType: 'enhetsplan', ...extra });

describe('overviewPerNamnd', () => {
  it('counts late, due within 14 days and waiting for decision per nämnd, units under their nämnd', () => {
    const rows = [
      row('tran', { overdue: true, phase: 'in_progress', dueAt: '2027-02-15T22:59:59Z' }),
      row('bif', { overdue: true, phase: 'not_started', dueAt: '2027-02-15T22:59:59Z' }),
      row('bin', { phase: 'in_progress', dueAt: '2027-03-10T22:59:59Z' }),
      row('bin', { phase: 'submitted', dueAt: '2027-06-10T21:59:59Z' }),
      // Due in 20 days: not soon. Decided though late on paper: not counted.
      row('sn', { phase: 'in_progress', dueAt: '2027-03-21T22:59:59Z' }),
      row('sn', { phase: 'decided', overdue: true, dueAt: '2027-02-01T22:59:59Z' }),
      row('ks', { phase: 'in_progress', dueAt: '2027-03-14T22:59:59Z' }),
    ];
    expect(overviewPerNamnd(rows, units, now)).toEqual([
      { namndId: 'bin', namndName: 'Bildningsnämnden', late: 2, dueSoon: 1, awaitingDecision: 1 },
      { namndId: 'ks', namndName: 'Kommunstyrelsen', late: 0, dueSoon: 1, awaitingDecision: 0 },
    ]);
  });

  it('says nothing of a year where all is on time and far off', () => {
    expect(
      overviewPerNamnd([row('tran', { phase: 'in_progress', dueAt: '2027-12-01T22:59:59Z' })], units, now),
    ).toEqual([]);
  });
});
