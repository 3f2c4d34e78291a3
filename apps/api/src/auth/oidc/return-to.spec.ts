import { localReturnPath } from './return-to';

describe('the path after sign-in', () => {
  it('keeps a path of Rödtråd', () => {
    expect(localReturnPath('/')).toBe('/');
    expect(localReturnPath('/approve/abc?x=1#d')).toBe('/approve/abc?x=1#d');
    expect(localReturnPath('/dokument/%C3%A5r')).toBe('/dokument/%C3%A5r');
  });

  it('refuses every way to another site', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      'evil.example',
      '',
      '/a\\b',
      '/x'.repeat(1001),
      42,
      undefined,
    ])
      expect(localReturnPath(bad)).toBeNull();
  });
});
