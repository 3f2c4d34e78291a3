import {
  diariumYear,
  formatDiarienummer,
  isValidDiarienummer,
  parseDiarienummer,
  validateDiarienummer,
} from './diarienummer';

describe('diarienummer', () => {
  it('formats as body, number and year', () => {
    expect(formatDiarienummer({ bodyCode: 'KS', number: 48, year: 2015 })).toBe('KS 48/2015');
    expect(formatDiarienummer({ bodyCode: 'BIN', number: 1, year: 2027 })).toBe('BIN 1/2027');
    expect(formatDiarienummer({ bodyCode: 'ÖVN', number: 7, year: 2027 })).toBe('ÖVN 7/2027');
  });

  it('parses, forgiving case and spacing, and round-trips', () => {
    expect(parseDiarienummer('KS 48/2015')).toEqual({ bodyCode: 'KS', number: 48, year: 2015 });
    expect(parseDiarienummer('  san 012 / 2027 ')).toEqual({ bodyCode: 'SAN', number: 12, year: 2027 });
    expect(parseDiarienummer('ävn 3/2027')).toEqual({ bodyCode: 'ÄVN', number: 3, year: 2027 });
    const parsed = parseDiarienummer('KS 48/2015');
    expect(parsed && formatDiarienummer(parsed)).toBe('KS 48/2015');
  });

  it('rejects what is not a diarienummer', () => {
    for (const text of ['KS48/2015', 'KS 0/2015', 'KS 48/15', 'KS 48-2015', 'K5 48/2015', '48/2015', '']) {
      expect([text, parseDiarienummer(text)]).toEqual([text, undefined]);
    }
  });

  it('validates the parts', () => {
    expect(validateDiarienummer({ bodyCode: 'ks', number: -1, year: 215 })).toEqual([
      'bodyCode must be upper-case letters A–Ö',
      'number must be a positive integer',
      'year must have four digits',
    ]);
    expect(isValidDiarienummer({ bodyCode: 'KS', number: 1.5, year: 2015 })).toBe(false);
    expect(() => formatDiarienummer({ bodyCode: 'K S', number: 1, year: 2015 })).toThrow(
      expect.objectContaining({ code: 'diarium.invalid-diarienummer' }),
    );
  });

  it('numbers within the Swedish calendar year, not the UTC one', () => {
    expect(diariumYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026); // 23:59:59 in Stockholm
    expect(diariumYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027); // midnight in Stockholm
    expect(diariumYear(new Date('2027-06-30T22:30:00Z'))).toBe(2027); // summer time: 00:30 on 1 July
    expect(diariumYear(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe(2026);
  });
});
