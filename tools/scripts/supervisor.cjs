// Keeps the processes of `npm start` running: one that stops unexpectedly is started again after a
// pause that doubles with each quick failure (1 s, 2 s, 4 s … 30 s), and the pause starts over once
// it has run for a minute. One that keeps failing at start (a wrong setting, say) is given up after
// ten tries in a row, and then everything stops with its reason. Production runs the API and the
// worker as separate services, restarted by Docker or Kubernetes instead.
'use strict';

const STABLE_MS = 60_000;
const MAX_QUICK_FAILURES = 10;
const delayFor = (failures) => Math.min(1000 * 2 ** (failures - 1), 30_000);

/**
 * @param {{ name: string, start: () => import('node:child_process').ChildProcess, log: (line: string) => void,
 *   giveUp: (name: string) => void, now?: () => number, setTimer?: typeof setTimeout }} opts
 * @returns {{ stop: (signal?: NodeJS.Signals) => Promise<void>, current: () => import('node:child_process').ChildProcess }}
 */
function supervise(opts) {
  const now = opts.now ?? Date.now;
  const setTimer = opts.setTimer ?? setTimeout;
  let child;
  let startedAt = 0;
  let quickFailures = 0;
  let stopping = false;
  let timer;

  function launch() {
    startedAt = now();
    child = opts.start();
    child.once('exit', (code, signal) => {
      if (stopping) return;
      quickFailures = now() - startedAt >= STABLE_MS ? 1 : quickFailures + 1;
      const how = signal ?? `exit ${code}`;
      if (quickFailures > MAX_QUICK_FAILURES) {
        opts.log(`▸ ${opts.name} stannade igen (${how}) efter ${MAX_QUICK_FAILURES} försök i rad: ger upp.`);
        opts.giveUp(opts.name);
        return;
      }
      const delay = delayFor(quickFailures);
      opts.log(
        `▸ ${opts.name} stannade oväntat (${how}); startar om om ${delay / 1000} s (försök ${quickFailures}).`,
      );
      timer = setTimer(() => {
        timer = undefined;
        if (!stopping) launch();
      }, delay);
    });
  }
  launch();

  return {
    current: () => child,
    stop(signal = 'SIGTERM') {
      stopping = true;
      if (timer) clearTimeout(timer);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}

module.exports = { supervise, delayFor, STABLE_MS, MAX_QUICK_FAILURES };
