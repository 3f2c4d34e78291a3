import { goesToKfForInformation, isKfInformationType, kfInformationDefault } from './kf-information';

describe('which nämnd reports go on to KF for information', () => {
  it('by default none of the tertial reports does: §6.1 has KS treat it in May', () => {
    expect(kfInformationDefault('tertialrapport', 'T1')).toBe(false);
    expect(goesToKfForInformation('tertialrapport', 'T1', [])).toBe(false);
  });

  it("follows the year's setting for the line, period by period", () => {
    const settings = [{ documentType: 'tertialrapport', period: 'T1', toKf: true }];
    expect(goesToKfForInformation('tertialrapport', 'T1', settings)).toBe(true);
    expect(goesToKfForInformation('tertialrapport', 'T2', settings)).toBe(false);
    expect(
      goesToKfForInformation('tertialrapport', 'T1', [
        { documentType: 'tertialrapport', period: 'T1', toKf: false },
      ]),
    ).toBe(false);
  });

  it('never sends other types, nor a report without a period, by this rule', () => {
    const settings = [{ documentType: 'manadsrapport', period: '2031-03', toKf: true }];
    expect(goesToKfForInformation('manadsrapport', '2031-03', settings)).toBe(false);
    expect(goesToKfForInformation('tertialrapport', null, [])).toBe(false);
    expect(isKfInformationType('delarsrapport-kommunen')).toBe(false);
    expect(isKfInformationType('tertialrapport')).toBe(true);
  });
});
