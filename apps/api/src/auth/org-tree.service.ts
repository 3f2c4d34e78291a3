import { Injectable } from '@nestjs/common';
import { OrgTree } from '@rodtrad/domain';
import { OrgUnitRepository } from '@rodtrad/persistence';

/**
 * The organisation tree, read for every authorization decision. Kept for a few
 * seconds and dropped at once when this process changes it; other API processes
 * see a change within the TTL.
 */
@Injectable()
export class OrgTreeService {
  private cached?: { tree: OrgTree; at: number };
  private static readonly TTL_MS = 5_000;

  constructor(private readonly units: OrgUnitRepository) {}

  async tree(): Promise<OrgTree> {
    if (this.cached && Date.now() - this.cached.at < OrgTreeService.TTL_MS) return this.cached.tree;
    const tree = new OrgTree(await this.units.all());
    this.cached = { tree, at: Date.now() };
    return tree;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
