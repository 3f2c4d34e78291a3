import { ConfigError, loadConfig } from './config';

describe('TRUST_PROXY', () => {
  it('believes no forwarded header by default, nor when set to none', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toEqual([]);
  });

  it('reads addresses, CIDRs and named ranges, comma-separated', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.0.0/24,fd00::/8, loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.0.0.0/24',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['true', '1', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', 'none,10.0.0.1'])(
    'refuses %s, naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be none, or IP addresses/);
    },
  );
});
