import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { OrgTree } from '@rodtrad/domain';
import { cachedOrgTree } from '@rodtrad/engine';
import { DATA_SOURCE } from '../infrastructure/tokens';

/**
 * The organisation tree, read for every authorization decision. Kept for a few seconds and
 * dropped at once when this process changes it; other API processes see a change within the TTL.
 */
@Injectable()
export class OrgTreeService {
  private readonly cache: ReturnType<typeof cachedOrgTree>;

  constructor(@Inject(DATA_SOURCE) ds: DataSource) {
    this.cache = cachedOrgTree(ds);
  }

  tree(): Promise<OrgTree> {
    return this.cache.tree();
  }

  invalidate(): void {
    this.cache.invalidate();
  }
}
