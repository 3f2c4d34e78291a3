import type { CurrentUser, OrgUnitView } from '@rodtrad/contracts';
import { reportableUnits } from './report-deviation-page';

const unit = (id: string, kind: string, parentId: string | null, name = id): OrgUnitView =>
  ({ id, kind, parentId, name, code: id.toUpperCase() }) as OrgUnitView;
const units = [
  unit('kommun', 'kommun', null),
  unit('bin', 'namnd', 'kommun', 'Bildningsnämnden'),
  unit('bin-f', 'forvaltning', 'bin'),
  unit('transten', 'enhet', 'bin-f'),
  unit('san', 'namnd', 'kommun', 'Social- och arbetsmarknadsnämnden'),
  unit('hbab', 'bolag', 'kommun', 'Hallsbergs Bostads AB'),
];
const userWith = (...roles: [string, string][]): CurrentUser =>
  ({ roles: roles.map(([role, orgUnitId]) => ({ role, orgUnitId })) }) as unknown as CurrentUser;

describe('the nämnder a user may report a deviation for', () => {
  it('a role on the nämnd, or on the förvaltning that serves it, reaches the nämnd', () => {
    expect(reportableUnits(userWith(['namnd.ordforande', 'san']), units).map((u) => u.id)).toEqual(['san']);
    expect(reportableUnits(userWith(['forvaltningschef', 'bin-f']), units).map((u) => u.id)).toEqual(['bin']);
    expect(
      reportableUnits(userWith(['handlaggare', 'bin-f'], ['handlaggare', 'hbab']), units).map((u) => u.id),
    ).toEqual(['bin', 'hbab']);
  });

  it('a role further down, or one that does not report, reaches none', () => {
    expect(reportableUnits(userWith(['handlaggare', 'transten']), units)).toEqual([]);
    expect(reportableUnits(userWith(['enhetschef', 'transten'], ['omradeschef', 'bin-f']), units)).toEqual(
      [],
    );
  });
});
