import type { DataSource } from 'typeorm';
import type { OrgTree } from '@rodtrad/domain';
import { cachedOrgTree } from './engine-factory';

/**
 * The organisation tree of this process, kept a few seconds (it changes rarely) and dropped at
 * once when this process changes it. One per process (EngineModule), shared by the engine, the
 * use cases and the app's own services, so an invalidation reaches every reader.
 */
export class OrgTreeCache {
  private readonly cache: ReturnType<typeof cachedOrgTree>;

  constructor(ds: DataSource, ttlMs?: number) {
    this.cache = cachedOrgTree(ds, ttlMs);
  }

  tree(): Promise<OrgTree> {
    return this.cache.tree();
  }

  invalidate(): void {
    this.cache.invalidate();
  }
}
