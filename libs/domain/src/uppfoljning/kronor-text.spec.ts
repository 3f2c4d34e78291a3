import { kronorInput, kronorText, parseKronor } from './kronor-text';

const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

describe('amounts in kronor as people type and read them', () => {
  it('reads spaces, a unit and a Swedish minus', () => {
    expect(parseKronor('12 500 000')).toEqual({ ok: true, value: 12_500_000 });
    expect(parseKronor('12500000 kr')).toEqual({ ok: true, value: 12_500_000 });
    expect(parseKronor(nbsp('12 500 000 kr'))).toEqual({ ok: true, value: 12_500_000 });
    expect(parseKronor('−3 000')).toEqual({ ok: true, value: -3000 });
    expect(parseKronor('-3000')).toEqual({ ok: true, value: -3000 });
    expect(parseKronor('12 500 000,00')).toEqual({ ok: true, value: 12_500_000 });
    expect(parseKronor('  ')).toEqual({ ok: true, value: undefined });
  });

  it('refuses öre with a message instead of reading 11900000,50 as 1190000050', () => {
    const parsed = parseKronor('11900000,50');
    expect(parsed.ok).toBe(false);
    expect(parsed).toMatchObject({ message: expect.stringMatching(/hela kronor/) });
    expect(parseKronor('11900000.5').ok).toBe(false);
  });

  it('refuses what is not an amount', () => {
    expect(parseKronor('tolv miljoner')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/siffror/),
    });
    expect(parseKronor('12 500 000 000 000 000 000')).toMatchObject({ ok: false });
    expect(parseKronor('1.250.000')).toMatchObject({ ok: false });
  });

  it('writes amounts grouped, with kr in text and without it in a field', () => {
    expect(kronorText(12_500_000)).toBe(`${nbsp('12 500 000')} kr`);
    expect(kronorInput(12_500_000)).toBe(nbsp('12 500 000'));
    expect(kronorInput(undefined)).toBe('');
    expect(parseKronor(kronorInput(-12_500_000))).toEqual({ ok: true, value: -12_500_000 });
  });
});
