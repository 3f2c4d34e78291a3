import { ConfigError } from '@rodtrad/config';
import { ShippedDefinitionsInvalidError } from '@rodtrad/engine';
import { ServiceUnavailableAtStartError } from '@rodtrad/persistence';

/** Known start-up failures print a plain message; anything else keeps its stack. */
export function exitWithMessage(e: unknown): never {
  if (
    e instanceof ConfigError ||
    e instanceof ServiceUnavailableAtStartError ||
    e instanceof ShippedDefinitionsInvalidError
  ) {
    console.error(`\nRödtråd cannot start.\n${e.message}\n`);
  } else {
    console.error(e);
  }
  process.exit(1);
}
