import type { ChildProcess } from 'node:child_process';

export default async function e2eGlobalTeardown(): Promise<void> {
  const children = (globalThis as { __E2E_CHILDREN__?: ChildProcess[] }).__E2E_CHILDREN__ ?? [];
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          const force = setTimeout(() => c.kill('SIGKILL'), 10_000);
          c.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
}
