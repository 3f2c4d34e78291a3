import { loadConfig } from '@rodtrad/config';
import { exitWithMessage } from './startup-errors';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app } = await createApiApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(
    `Rödtråd API listening on ${config.publicUrl} (port ${config.port}); API docs at ${config.publicUrl}/api/docs`,
  );
}

main().catch((e) => exitWithMessage(e));
