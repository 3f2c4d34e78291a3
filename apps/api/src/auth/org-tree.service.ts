import { Injectable } from '@nestjs/common';
import type { OrgTree } from '@rodtrad/domain';
import { OrgTreeCache } from '@rodtrad/engine';

/**
 * The organisation tree, read for every authorization decision: the process's one cache
 * (EngineModule's, which the engine reads too), kept for a few seconds and dropped at once when
 * this process changes it; other API processes see a change within the TTL.
 */
@Injectable()
export class OrgTreeService {
  constructor(private readonly cache: OrgTreeCache) {}

  tree(): Promise<OrgTree> {
    return this.cache.tree();
  }

  invalidate(): void {
    this.cache.invalidate();
  }
}
