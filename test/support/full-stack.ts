import { startTestApi, type TestApi } from './api-harness';
import { LocalSmtpServer } from './local-smtp';
import { isolatedStack, startTestWorker } from './worker-harness';

export type TestWorker = Awaited<ReturnType<typeof startTestWorker>>;

/**
 * The API, a worker and a real SMTP server, wired to one another on a database and queue prefix
 * of the spec's own (`name`): no other file's worker handles its effects. `env` adds settings.
 */
export interface FullStack {
  smtp: LocalSmtpServer;
  api: TestApi;
  worker: TestWorker;
  /** The environment the API and the worker were started with. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startFullStack(name: string, env: Record<string, string> = {}): Promise<FullStack> {
  const smtp = new LocalSmtpServer();
  await smtp.start();
  const full = { ...(await isolatedStack(name)), SMTP_URL: smtp.url, ...env };
  const api = await startTestApi(full);
  const worker = await startTestWorker(full);
  return {
    smtp,
    api,
    worker,
    env: full,
    async stop() {
      await worker.close();
      await api.close();
      await smtp.stop();
    },
  };
}
