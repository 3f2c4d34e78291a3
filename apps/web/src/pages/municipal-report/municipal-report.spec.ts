import { deviationWord, reportKindOf, targetText } from './municipal-report';

describe('the municipality’s report page', () => {
  it('reads the kind from the address, the annual report by default', () => {
    expect(reportKindOf('?typ=delarsrapport-kommunen')).toBe('delarsrapport-kommunen');
    expect(reportKindOf('?typ=arsredovisning')).toBe('arsredovisning');
    expect(reportKindOf('')).toBe('arsredovisning');
    expect(reportKindOf('?typ=annat')).toBe('arsredovisning');
  });

  it('says a deviation in words: negative is an underskott', () => {
    expect(deviationWord(-6_800_000)).toBe('underskott');
    expect(deviationWord(1_000_000)).toBe('overskott');
    expect(deviationWord(0)).toBe('balans');
    expect(deviationWord(null)).toBeNull();
  });

  it('writes the target with its direction', () => {
    expect(targetText('minst', '2')).toBe('≥ 2');
    expect(targetText('hogst', '41 200')).toBe('≤ 41 200');
  });
});
