import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('follows only same-site paths', () => {
    expect(safeNext('/dokument/1')).toBe('/dokument/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
