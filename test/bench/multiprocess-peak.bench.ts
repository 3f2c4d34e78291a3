/**
 * The yearly peak of test/multiprocess/peak.ts at full size, once through one API and one worker
 * process and once through two of each with one API and one worker killed (SIGKILL) in the middle;
 * prints both runs' throughput side by side and what held (#21). A benchmark: it asserts nothing
 * (the multi-process test tier checks the same outcome, scaled down).
 *
 *   npm run bench -- multiprocess-peak
 *
 * Env: BENCH_DEADLINES (10000, deadlines falling due in the same second), BENCH_RUNNER (`sources`,
 * through swc; `built` runs dist/ after `npm run build:server`), BENCH_RUNS (`1,2`: one process of
 * each, then two of each).
 */
process.env['DATABASE_URL'] =
  `${process.env['BENCH_DATABASE_SERVER'] ?? 'mysql://root@127.0.0.1:3306'}/rodtrad_bench`;
process.env['QUEUE_PREFIX'] = 'rodtrad_bench';
process.env['DEMO_PASSWORD'] ??= 'demo';
process.env['METRICS_PORT'] = '0';

import { fmt, machine } from './bench-support';
import { describePeak, runPeak, type PeakOptions, type PeakOutcome } from '../multiprocess/peak';

const DEADLINES = Number(process.env['BENCH_DEADLINES'] ?? 10_000);
const RUNNER = (process.env['BENCH_RUNNER'] ?? 'sources') as PeakOptions['runner'];
const RUNS = (process.env['BENCH_RUNS'] ?? '1,2').split(',').map(Number);

function held(o: PeakOutcome): string {
  const broken = [
    o.unitsNotAdopted.length && `${o.unitsNotAdopted.length} plans not adopted`,
    o.repeatedTransitions.length && `${o.repeatedTransitions.length} transitions repeated`,
    o.deadlinesNotFiredOnce && `${o.deadlinesNotFiredOnce} deadlines not fired exactly once`,
    o.mailsNotSent && `${o.mailsNotSent} mails not sent`,
    o.mailsNeverReceived && `${o.mailsNeverReceived} mails never received`,
    o.receivedWithForeignMessageId && `${o.receivedWithForeignMessageId} mails with a foreign Message-ID`,
    o.escalationsNotOnce.length && `${o.escalationsNotOnce.length} reports not escalated exactly once`,
    o.effectsWithoutReceipt && `${o.effectsWithoutReceipt} effects without receipt`,
    !o.audit.ok && `audit chain broken at ${JSON.stringify(o.audit.brokenAt)}`,
  ].filter(Boolean);
  return broken.length
    ? `NOT HELD: ${broken.join('; ')}`
    : `held (audit: ${o.audit.checked} entries verified)`;
}

async function main(): Promise<void> {
  console.log(`Machine: ${machine()}; ${DEADLINES} deadlines; processes from ${RUNNER}`);
  const outcomes: [string, PeakOutcome][] = [];
  for (const n of RUNS) {
    const label = n === 1 ? '1 API + 1 worker' : `${n} APIs + ${n} workers, one of each killed`;
    const o = await runPeak({
      name: `peak${n}`,
      apis: n,
      workers: n,
      deadlines: DEADLINES,
      kill: n > 1,
      runner: RUNNER,
      log: (line) => console.log(`  [${label}] ${line}`),
    });
    console.log(describePeak(label, o));
    console.log(
      `  every transition once, every deadline fired once, every mail sent, every escalation once: ${held(o)}`,
    );
    outcomes.push([label, o]);
  }
  if (outcomes.length === 2) {
    const [[, one], [, many]] = outcomes;
    console.log(
      `\nSide by side: the whole peak took ${fmt(one.seconds)} s through one process of each and ${fmt(many.seconds)} s through two of each with a kill ` +
        `(${fmt((one.seconds / many.seconds) * 100, 0)} % of the one-process rate); deadlines all fired ${fmt(one.deadlineSeconds)} s against ${fmt(many.deadlineSeconds)} s after their moment.`,
    );
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
