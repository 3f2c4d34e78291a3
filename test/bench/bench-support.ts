import os from 'node:os';
import { dropDatabase } from '@rodtrad/persistence';

/** Percentile of a sorted-in-place sample, in the sample's unit. */
export function percentile(sample: number[], p: number): number {
  if (!sample.length) return NaN;
  sample.sort((a, b) => a - b);
  return sample[Math.min(sample.length - 1, Math.floor((p / 100) * sample.length))];
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A fresh database of its own for a benchmark (dropped and re-created). */
export async function freshBenchDatabase(name: string): Promise<string> {
  const server = process.env['BENCH_DATABASE_SERVER'] ?? 'mysql://root@127.0.0.1:3306';
  const url = `${server}/${name}`;
  await dropDatabase(url);
  return url;
}

/** Runs `clients` loops concurrently until each has done `perClient` operations; returns latencies (ms) and wall time. */
export async function drive(
  clients: number,
  perClient: number,
  op: (client: number, i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const t0 = performance.now();
        await op(c, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
