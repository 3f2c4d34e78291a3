import { EventEmitter } from 'node:events';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the CommonJS helper of `npm start` lives in tools/scripts
const { supervise, MAX_QUICK_FAILURES, STABLE_MS } = require('../../tools/scripts/supervisor.cjs');

/** A stand-in child process: `die()` makes it exit as a crash would. */
class FakeChild extends EventEmitter {
  exitCode: number | null = null;
  signalCode: string | null = null;
  die(code = 1) {
    this.exitCode = code;
    this.emit('exit', code, null);
  }
  kill(signal: string) {
    this.signalCode = signal;
    this.emit('exit', null, signal);
  }
}

describe('npm start keeps its processes running', () => {
  let clock = 0;
  const timers: (() => void)[] = [];
  const delays: number[] = [];
  const setup = () => {
    const children: FakeChild[] = [];
    const log: string[] = [];
    const gaveUp: string[] = [];
    const s = supervise({
      name: 'worker',
      start: () => {
        const c = new FakeChild();
        children.push(c);
        return c;
      },
      log: (l: string) => log.push(l),
      giveUp: (n: string) => gaveUp.push(n),
      now: () => clock,
      setTimer: (fn: () => void, ms: number) => {
        delays.push(ms);
        timers.push(fn);
        return 0;
      },
    });
    return { s, children, log, gaveUp };
  };
  const fireTimer = () => (timers.shift() as () => void)();
  beforeEach(() => {
    clock = 0;
    timers.length = 0;
    delays.length = 0;
  });

  it('restarts a crashed worker with a growing pause, logged, and starts the pause over once it ran a minute', () => {
    const { children, log } = setup();
    children[0].die(1);
    fireTimer();
    children[1].die(1);
    fireTimer();
    expect(children).toHaveLength(3);
    expect(delays).toEqual([1000, 2000]);
    expect(log[0]).toBe('▸ worker stannade oväntat (exit 1); startar om om 1 s (försök 1).');
    clock += STABLE_MS;
    children[2].die(137);
    expect(delays.at(-1)).toBe(1000);
  });

  it('gives up after ten quick failures in a row and says so', () => {
    const { children, gaveUp, log } = setup();
    for (let i = 0; i < MAX_QUICK_FAILURES; i++) {
      children[i].die(1);
      fireTimer();
    }
    expect(delays.at(-1)).toBe(30_000);
    children[MAX_QUICK_FAILURES].die(1);
    expect(gaveUp).toEqual(['worker']);
    expect(log.at(-1)).toMatch(/ger upp/);
    expect(timers).toHaveLength(0);
  });

  it('stops on Ctrl-C without starting the process again', async () => {
    const { s, children } = setup();
    await s.stop();
    expect(children[0].signalCode).toBe('SIGTERM');
    expect(children).toHaveLength(1);
    expect(timers).toHaveLength(0);
  });
});
