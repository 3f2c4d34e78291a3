import { bullConnection } from './connection';
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
