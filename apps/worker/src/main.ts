import { ConfigError, loadConfig } from '@rodtrad/config';
import { ServiceUnavailableAtStartError } from '@rodtrad/persistence';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const worker = await createWorkerApp(config);
  console.log(
    `Rödtråd worker running (queue prefix "${worker.namespace.prefix}", concurrency ${config.workerConcurrency})`,
  );
  const stop = async () => {
    await worker.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof ServiceUnavailableAtStartError)
    console.error(`\nRödtråd worker cannot start.\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
