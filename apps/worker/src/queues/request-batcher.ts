/**
 * Runs one batch for the requests that arrive together. The batch may also take keys nobody asked
 * for yet (`claim`): their outcomes are kept for a while, so the requests that come for them later
 * are answered without running anything. A request for a key a running batch has claimed waits for
 * that batch instead of starting another.
 */
export type RunBatch<R> = (
  keys: string[],
  claim: (others: readonly string[]) => void,
) => Promise<Map<string, R>>;

export interface RequestBatcherOptions {
  /** Keys in one batch, at most. */
  maxBatch: number;
  /** Batches running at once, at most. */
  parallel: number;
  /** How long the outcome of a key a batch took unasked is kept for its own request (ms). */
  keepFor: number;
  /** Outcomes kept at most; the oldest go first. */
  keepAtMost: number;
  /** Told when a batch fails (its requests are rejected with the error). */
  onError?: (keys: readonly string[], error: unknown) => void;
  now?: () => number;
}

interface Waiter<R> {
  resolve: (outcome: R) => void;
  reject: (error: unknown) => void;
}

export class RequestBatcher<R> {
  private readonly waiting = new Map<string, Waiter<R>[]>();
  /** Keys a running batch has claimed, with the batch's completion. */
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Outcomes of keys a batch took that their own request did not start. */
  private readonly settled = new Map<string, { outcome: R; until: number }>();
  private running = 0;
  private readonly now: () => number;

  constructor(
    private readonly run: RunBatch<R>,
    private readonly options: RequestBatcherOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The key's outcome: from a batch that already took it, or from the next batch to run. */
  async request(key: string): Promise<R> {
    const known = this.takeSettled(key);
    if (known) return known.outcome;
    const batch = this.inFlight.get(key);
    if (batch) {
      await batch.catch(() => undefined);
      const after = this.takeSettled(key);
      if (after) return after.outcome;
    }
    return new Promise<R>((resolve, reject) => {
      const list = this.waiting.get(key) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(key, list);
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.parallel && this.waiting.size) {
      const keys = [...this.waiting.keys()].slice(0, this.options.maxBatch);
      const waiters = new Map(keys.map((k) => [k, this.waiting.get(k) as Waiter<R>[]]));
      for (const k of keys) this.waiting.delete(k);
      this.running++;
      const claimed: string[] = [];
      // Settles once the batch's outcomes are kept, so a request waiting on it finds its own.
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const done = Promise.resolve().then(() =>
        this.run(keys, (others) => {
          for (const k of others) {
            claimed.push(k);
            this.inFlight.set(k, finished);
          }
        }),
      );
      done
        .then(
          (outcomes) => {
            for (const [k, outcome] of outcomes) {
              const list = waiters.get(k);
              if (list) for (const w of list) w.resolve(outcome);
              else this.keep(k, outcome);
            }
          },
          (e) => {
            this.options.onError?.(keys, e);
            for (const list of waiters.values()) for (const w of list) w.reject(e);
          },
        )
        .finally(() => {
          for (const k of claimed) this.inFlight.delete(k);
          finish();
          this.running--;
          this.pump();
        });
    }
  }

  private keep(key: string, outcome: R): void {
    // Oldest first (a Map keeps insertion order): a request that never comes must not keep memory.
    for (const [k] of this.settled) {
      if (this.settled.size < this.options.keepAtMost) break;
      this.settled.delete(k);
    }
    this.settled.set(key, { outcome, until: this.now() + this.options.keepFor });
  }

  private takeSettled(key: string): { outcome: R } | undefined {
    const hit = this.settled.get(key);
    if (!hit) return undefined;
    this.settled.delete(key);
    return hit.until >= this.now() ? { outcome: hit.outcome } : undefined;
  }
}
