import { isPublicDocument, redactData } from './public-record';

describe('public records', () => {
  const osl = 'OSL 21 kap. 1 §';

  it('shows only adopted documents that are not secret as a whole', () => {
    expect(isPublicDocument({ final: true }, [])).toBe(true);
    expect(isPublicDocument({ final: false }, [])).toBe(false);
    expect(isPublicDocument({ final: true }, [{ pointer: '', paragraph: osl }])).toBe(false);
    expect(isPublicDocument({ final: true }, [{ pointer: '/analys', paragraph: osl }])).toBe(true);
  });

  it('takes out marked fields, keeps array positions, and leaves the input as it was', () => {
    const data = {
      analys: 'Hemligt',
      budget: { netto: 5, kostnader: 7 },
      risker: [{ risk: 'A' }, { risk: 'B' }, { risk: 'C' }],
    };
    const out = redactData(data, [
      { pointer: '/analys', paragraph: osl },
      { pointer: '/budget/netto', paragraph: osl },
      { pointer: '/risker/1', paragraph: osl },
      { pointer: '/saknas/djupt', paragraph: osl },
    ]);
    expect(out).toEqual({ budget: { kostnader: 7 }, risker: [{ risk: 'A' }, null, { risk: 'C' }] });
    expect(data.analys).toBe('Hemligt');
    expect(data.risker).toHaveLength(3);
  });
});
