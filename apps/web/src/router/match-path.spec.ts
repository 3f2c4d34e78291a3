import { matchPath, safeNext } from './match-path';

describe('matchPath', () => {
  it('matches parameters and decodes them', () => {
    expect(matchPath('/dokument/:id', '/dokument/42')).toEqual({ id: '42' });
    expect(matchPath('/approve/:token', '/approve/a%2Fb')).toEqual({ token: 'a/b' });
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/admin', '/admin/')).toEqual({});
  });

  it('refuses other paths', () => {
    expect(matchPath('/dokument/:id', '/dokument')).toBeNull();
    expect(matchPath('/admin', '/adminx')).toBeNull();
    expect(matchPath('/approve/:token', '/approve/%E0%A4%A')).toBeNull();
  });
});

describe('safeNext', () => {
  it('follows only same-site paths', () => {
    expect(safeNext('/dokument/1')).toBe('/dokument/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
