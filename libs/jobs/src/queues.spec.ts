import { bullConnection } from './connection';
import { queueNamespace } from './queue-namespace';
import { jobId } from './queues';

describe('jobId', () => {
  it('joins parts deterministically', () => {
    expect(jobId('deadline', 'abc', 3)).toBe('deadline__abc__3');
  });
  it("refuses ':' which BullMQ reserves", () => {
    expect(() => jobId('a:b')).toThrow(/must not contain ':'/);
  });
});

describe('bullConnection', () => {
  it('gives workers unlimited retries per request and producers a bound', () => {
    expect(bullConnection('redis://:secret@cache:6380/2', 'worker')).toMatchObject({
      host: 'cache',
      port: 6380,
      password: 'secret',
      db: 2,
      maxRetriesPerRequest: null,
    });
    expect(bullConnection('redis://127.0.0.1:6379', 'producer')).toMatchObject({
      maxRetriesPerRequest: 3,
      enableOfflineQueue: false,
    });
  });
});

describe('queueNamespace', () => {
  it('puts the installation under the configured prefix, so every key still starts with QUEUE_PREFIX:', () => {
    expect(queueNamespace('rodtrad', '3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toEqual({
      prefix: 'rodtrad:3f2504e04f89',
      configuredPrefix: 'rodtrad',
      installationId: '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
    });
  });
  it('gives two databases two namespaces', () => {
    const a = queueNamespace('rodtrad', 'a1b2c3d4-0000-4000-8000-000000000001');
    const b = queueNamespace('rodtrad', 'b1b2c3d4-0000-4000-8000-000000000001');
    expect(a.prefix).not.toBe(b.prefix);
  });
  it('refuses what is not an installation id', () => {
    expect(() => queueNamespace('rodtrad', '')).toThrow(/Not an installation id/);
    expect(() => queueNamespace('rodtrad', 'rodtrad:evil')).toThrow(/Not an installation id/);
  });
});
