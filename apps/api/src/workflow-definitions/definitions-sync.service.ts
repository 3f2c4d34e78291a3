import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DefinitionStore } from '@rodtrad/engine';

/** At start-up: the shipped definitions are checked (a bad one stops the process) and synced. */
@Injectable()
export class DefinitionsSync implements OnApplicationBootstrap {
  private readonly logger = new Logger('Definitions');
  constructor(private readonly store: DefinitionStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.store.syncShipped();
    if (created.length)
      this.logger.log(`New workflow versions: ${created.map((c) => `${c.key} v${c.version}`).join(', ')}`);
  }
}
