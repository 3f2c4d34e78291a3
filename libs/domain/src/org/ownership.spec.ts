import {
  NO_OWNERSHIP,
  normalisedOwnership,
  ownershipForm,
  ownershipProblems,
  ownershipText,
} from './ownership';

describe('ownership of companies and kommunalförbund', () => {
  const company = (sharePercent: number | null) => ({ sharePercent, memberMunicipalities: [] });
  const forbund = (...memberMunicipalities: string[]) => ({ sharePercent: null, memberMunicipalities });

  it('calls a company with 100 % wholly owned and one with less partly owned', () => {
    expect(ownershipForm('bolag', company(100))).toBe('helagt');
    expect(ownershipForm('bolag', company(40))).toBe('delagt');
    expect(ownershipForm('kommunalforbund', forbund('Askersund', 'Hallsberg'))).toBe('kommunalforbund');
    expect(ownershipForm('namnd', NO_OWNERSHIP)).toBeNull();
    expect(ownershipText('bolag', company(100))).toBe('Helägt bolag (100 %)');
    expect(ownershipText('bolag', company(33.5))).toBe('Delägt bolag (33,5 %)');
    expect(ownershipText('kommunalforbund', forbund('Askersund', 'Hallsberg', 'Kumla', 'Laxå'))).toBe(
      'Kommunalförbund (medlemmar: Askersund, Hallsberg, Kumla, Laxå)',
    );
  });

  it('accepts a share over 0 and at most 100, in hundredths, and nothing else', () => {
    expect(ownershipProblems('bolag', company(100))).toEqual([]);
    expect(ownershipProblems('bolag', company(0.01))).toEqual([]);
    expect(ownershipProblems('bolag', company(49.99))).toEqual([]);
    for (const bad of [0, -5, 100.01, 250])
      expect(ownershipProblems('bolag', company(bad)).map((p) => p.pointer)).toEqual(['/sharePercent']);
    expect(ownershipProblems('bolag', company(12.345))[0]?.message).toBe(
      'Ange ägarandelen med högst två decimaler.',
    );
    expect(ownershipProblems('bolag', company(null))[0]?.message).toBe('Ange kommunens ägarandel i procent.');
  });

  it('needs a kommunalförbund’s members, each once and named, and no share', () => {
    expect(ownershipProblems('kommunalforbund', forbund('Askersund', 'Hallsberg'))).toEqual([]);
    expect(ownershipProblems('kommunalforbund', forbund())).toEqual([
      { pointer: '/memberMunicipalities', message: 'Ange förbundets medlemskommuner (minst en).' },
    ]);
    expect(ownershipProblems('kommunalforbund', forbund('Kumla', ' ', 'kumla'))).toEqual([
      { pointer: '/memberMunicipalities/1', message: 'Ange kommunens namn.' },
      { pointer: '/memberMunicipalities/2', message: 'Kommunen finns redan i listan.' },
    ]);
    expect(
      ownershipProblems('kommunalforbund', { sharePercent: 25, memberMunicipalities: ['Laxå'] }).map(
        (p) => p.pointer,
      ),
    ).toEqual(['/sharePercent']);
  });

  it('refuses members on a company and a holding on any other unit', () => {
    expect(
      ownershipProblems('bolag', { sharePercent: 100, memberMunicipalities: ['Kumla'] }).map(
        (p) => p.pointer,
      ),
    ).toEqual(['/memberMunicipalities']);
    expect(ownershipProblems('namnd', company(100)).map((p) => p.message)).toEqual([
      'Bara ett bolag har en ägarandel.',
    ]);
    expect(ownershipProblems('namnd', NO_OWNERSHIP)).toEqual([]);
  });

  it('trims member names', () => {
    expect(normalisedOwnership(forbund(' Laxå ', 'Kumla'))).toEqual(forbund('Laxå', 'Kumla'));
  });
});
