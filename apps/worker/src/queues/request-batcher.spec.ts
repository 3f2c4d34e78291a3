import { RequestBatcher, type RequestBatcherOptions, type RunBatch } from './request-batcher';

/** A batch the test finishes when it wants to. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setImmediate(r));

const OPTIONS: RequestBatcherOptions = { maxBatch: 10, parallel: 1, keepFor: 60_000, keepAtMost: 100 };

/** Answers each key with `done:<key>`; the first batch also takes `claims` (`swept:<key>`). */
function recordingRun(firstClaims: string[] = []) {
  const batches: string[][] = [];
  const run: RunBatch<string> = async (keys, claim) => {
    batches.push(keys);
    const claims = batches.length === 1 ? firstClaims : [];
    claim(claims);
    return new Map([
      ...keys.map((k) => [k, `done:${k}`] as const),
      ...claims.map((k) => [k, `swept:${k}`] as const),
    ]);
  };
  return { run, batches };
}

/** A batcher whose first batch runs until the test resolves `first`; later ones answer `done:<key>`. */
function firstBatchHeld() {
  const first = deferred<Map<string, string>>();
  const batches: string[][] = [];
  const batcher = new RequestBatcher<string>(async (keys) => {
    batches.push(keys);
    if (batches.length === 1) return first.promise;
    return new Map(keys.map((k) => [k, `done:${k}`]));
  }, OPTIONS);
  return { first, batches, batcher };
}

describe('RequestBatcher', () => {
  it('gathers the requests that arrive while a batch runs into the next one', async () => {
    const { first, batches, batcher } = firstBatchHeld();

    const a = batcher.request('a');
    await flush();
    const b = batcher.request('b');
    const c = batcher.request('c');
    first.resolve(new Map([['a', 'done:a']]));

    expect(await Promise.all([a, b, c])).toEqual(['done:a', 'done:b', 'done:c']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('answers the requests for one key that wait together from one run of it', async () => {
    const { first, batches, batcher } = firstBatchHeld();
    const a = batcher.request('a');
    await flush();
    const b1 = batcher.request('b');
    const b2 = batcher.request('b');
    first.resolve(new Map([['a', 'done:a']]));
    expect(await Promise.all([a, b1, b2])).toEqual(['done:a', 'done:b', 'done:b']);
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('never puts more than maxBatch keys in one batch, and runs at most `parallel` at once', async () => {
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const batcher = new RequestBatcher<string>(
      async (keys) => {
        running++;
        most = Math.max(most, running);
        sizes.push(keys.length);
        await flush();
        running--;
        return new Map(keys.map((k) => [k, k]));
      },
      { ...OPTIONS, maxBatch: 3, parallel: 2 },
    );
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    expect(await Promise.all(keys.map((k) => batcher.request(k)))).toEqual(keys);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(most).toBe(2);
  });

  it('answers a key a batch took unasked without running again', async () => {
    const { run, batches } = recordingRun(['x']);
    const batcher = new RequestBatcher(run, OPTIONS);
    await batcher.request('a');
    expect(await batcher.request('x')).toBe('swept:x');
    expect(batches).toEqual([['a']]);
  });

  it('lets a request for a key a running batch claimed wait for that batch', async () => {
    const gate = deferred<void>();
    const batches: string[][] = [];
    const batcher = new RequestBatcher<string>(
      async (keys, claim) => {
        batches.push(keys);
        claim(['x']);
        await gate.promise;
        return new Map([
          ['a', 'done:a'],
          ['x', 'swept:x'],
        ]);
      },
      { ...OPTIONS, parallel: 2 },
    );
    const a = batcher.request('a');
    await flush();
    const x = batcher.request('x');
    gate.resolve();
    expect(await Promise.all([a, x])).toEqual(['done:a', 'swept:x']);
    expect(batches).toEqual([['a']]);
  });

  it('forgets a kept outcome after keepFor, and then runs the key again', async () => {
    let now = 1_000;
    const { run, batches } = recordingRun(['x']);
    const batcher = new RequestBatcher(run, { ...OPTIONS, keepFor: 500, now: () => now });
    await batcher.request('a');
    now += 501;
    expect(await batcher.request('x')).toBe('done:x');
    expect(batches).toEqual([['a'], ['x']]);
  });

  it('keeps at most keepAtMost outcomes, dropping the oldest', async () => {
    const { run, batches } = recordingRun(['x', 'y', 'z']);
    const batcher = new RequestBatcher(run, { ...OPTIONS, keepAtMost: 2 });
    await batcher.request('a');
    expect(await batcher.request('z')).toBe('swept:z');
    expect(await batcher.request('x')).toBe('done:x');
    expect(batches).toEqual([['a'], ['x']]);
  });

  it('rejects the requests of a failed batch, says so, and runs the next request anew', async () => {
    const failures: string[][] = [];
    let fail = true;
    const batcher = new RequestBatcher<string>(
      async (keys) => {
        if (fail) throw new Error('deadlock');
        return new Map(keys.map((k) => [k, `done:${k}`]));
      },
      { ...OPTIONS, onError: (keys) => failures.push([...keys]) },
    );
    await expect(batcher.request('a')).rejects.toThrow('deadlock');
    expect(failures).toEqual([['a']]);
    fail = false;
    expect(await batcher.request('a')).toBe('done:a');
  });
});
