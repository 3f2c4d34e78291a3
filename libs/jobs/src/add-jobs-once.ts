import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { JobsOptions, Queue } from 'bullmq';
import { jobId } from './queues';

export interface JobSpec<T = unknown> {
  name: string;
  data: T;
  opts: JobsOptions & { jobId: string };
}

/** A job id that already named a job with other data: the id was meant for another row. */
export interface JobIdConflict {
  jobId: string;
  /** The fresh id the job was added under instead. */
  addedAs: string;
  existingData: unknown;
}

export interface AddJobsOutcome {
  /** Added under their own id. */
  added: number;
  /** An unfinished job with the same data already had the id: it will run, nothing added. */
  kept: number;
  /** A finished job with the same data had the id, while the row still asks for it: run again. */
  rerun: number;
  conflicts: JobIdConflict[];
}

/**
 * Adds jobs under deterministic ids, knowing what each id already holds. BullMQ answers an add
 * under an existing id by doing nothing and handing back a job built from the caller's own data,
 * so a plain add cannot tell "already queued" from "the id names some other job". Here:
 * - no job has the id: it is added;
 * - an unfinished job with the same data has it: it is kept (it will run);
 * - a finished (completed or failed) job with the same data has it, yet the caller asks again
 *   because its row is still open (a database restored from a backup, a reconciliation): the old
 *   job is removed and the job added again, as handlers are idempotent;
 * - a job with other data has it: a conflict, never a silent success. The job is added under a
 *   fresh id, and the conflict is returned for the caller to log and count.
 */
export async function addJobsOnce<T>(queue: Queue, specs: readonly JobSpec<T>[]): Promise<AddJobsOutcome> {
  const outcome: AddJobsOutcome = { added: 0, kept: 0, rerun: 0, conflicts: [] };
  if (!specs.length) return outcome;
  // One look-up per id, sent together on the queue's connection.
  const found = await Promise.all(specs.map((s) => queue.getJob(s.opts.jobId)));
  const toAdd: JobSpec<T>[] = [];
  for (const [i, s] of specs.entries()) {
    const existing = found[i];
    if (!existing) {
      toAdd.push(s);
      outcome.added++;
      continue;
    }
    const existingData: unknown = existing.data;
    if (!isDeepStrictEqual(existingData, s.data)) {
      const addedAs = jobId(s.opts.jobId, 'x', randomBytes(4).toString('hex'));
      toAdd.push({ ...s, opts: { ...s.opts, jobId: addedAs } });
      outcome.conflicts.push({ jobId: s.opts.jobId, addedAs, existingData });
    } else if (existing.finishedOn) {
      await queue.remove(s.opts.jobId);
      toAdd.push(s);
      outcome.rerun++;
    } else outcome.kept++;
  }
  for (let i = 0; i < toAdd.length; i += 1000) await queue.addBulk(toAdd.slice(i, i + 1000));
  return outcome;
}
