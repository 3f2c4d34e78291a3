import { fitName } from './names';

describe('fitName', () => {
  it('keeps a name that fits', () => {
    expect(fitName('rodtrad_test_it_deadlines', 40)).toBe('rodtrad_test_it_deadlines');
  });

  it('keeps long names apart that differ only past the limit, within the limit', () => {
    const run = 'rodtrad_test_it_a-rather-long-run-id-1234';
    const a = fitName(`${run}_goalindicators`, 40);
    const b = fitName(`${run}_goalbalance`, 40);
    expect(a).not.toBe(b);
    expect(a).toHaveLength(40);
    expect(b).toHaveLength(40);
    expect(a.startsWith('rodtrad_test_it_a-rather-long-r')).toBe(true);
    expect(fitName(`${run}_goalindicators`, 40)).toBe(a);
  });
});
