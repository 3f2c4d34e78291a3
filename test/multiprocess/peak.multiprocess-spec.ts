import { describePeak, runPeak, type PeakOptions } from './peak';

/**
 * The yearly peak through two API and two worker processes on one MariaDB and Redis, one API and
 * one worker killed with SIGKILL in the middle (#21). Scaled down from the benchmark's 10,000
 * deadlines (test/bench/multiprocess-peak.bench.ts; MULTIPROCESS_DEADLINES sets the count here).
 * The processes are the built apps (dist/, as `npm start` runs them): this tier runs after the
 * build; MULTIPROCESS_RUNNER=sources runs them through swc instead.
 */
describe('the yearly peak through several processes, one API and one worker killed (#21)', () => {
  it('does every transition once, fires every deadline once, sends every mail, escalates every report once, and the audit chains verify', async () => {
    const outcome = await runPeak({
      name: 'peak',
      apis: 2,
      workers: 2,
      deadlines: Number(process.env['MULTIPROCESS_DEADLINES'] ?? 500),
      kill: true,
      runner: (process.env['MULTIPROCESS_RUNNER'] as PeakOptions['runner'] | undefined) ?? 'built',
      log: (line) => process.stderr.write(`  [peak] ${line}\n`),
    });
    process.stderr.write(`  [peak] ${describePeak('2 APIs + 2 workers', outcome)}\n`);

    expect(outcome.killedAt).not.toBeNull();
    // Every plan went through submit, approval by link and adoption once; every report was sent once.
    expect(outcome.unitsNotAdopted).toEqual([]);
    expect(outcome.repeatedTransitions).toEqual([]);
    expect(outcome.transitions).toBeGreaterThanOrEqual(outcome.units * 3 + outcome.reports);
    expect(outcome.deadlinesNotFiredOnce).toBe(0);
    // At least once, and a mail sent again carries its first Message-ID.
    expect(outcome.mailsNotSent).toBe(0);
    expect(outcome.mailsNeverReceived).toBe(0);
    expect(outcome.receivedWithForeignMessageId).toBe(0);
    expect(outcome.mails).toBeGreaterThanOrEqual(outcome.deadlines + outcome.units);
    expect(outcome.escalationsNotOnce).toEqual([]);
    expect(outcome.effectsWithoutReceipt).toBe(0);
    expect(outcome.audit).toMatchObject({ ok: true });
  }, 900_000);
});
