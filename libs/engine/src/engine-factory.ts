import type { DataSource } from 'typeorm';
import { OrgTree } from '@rodtrad/domain';
import { OrgUnitRepository } from '@rodtrad/persistence';
import { DefinitionStore } from './definition-store';
import { DocumentEngine, type DocumentEngineOptions } from './document-engine';
import type { EnginePorts } from './ports';
import { MunicipalYearWheel } from './municipal-year-wheel';

/** The organisation tree from the database, kept a few seconds (it changes rarely). */
export function cachedOrgTree(
  ds: DataSource,
  ttlMs = 5_000,
): { tree(): Promise<OrgTree>; invalidate(): void } {
  const units = new OrgUnitRepository(ds);
  let cached: { tree: OrgTree; at: number } | undefined;
  return {
    async tree() {
      if (cached && Date.now() - cached.at < ttlMs) return cached.tree;
      cached = { tree: new OrgTree(await units.all()), at: Date.now() };
      return cached.tree;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** The engine with its production ports; apps pass their own where they have one. */
export function createDocumentEngine(
  ds: DataSource,
  overrides: Partial<EnginePorts> & { definitions?: DefinitionStore } & DocumentEngineOptions = {},
): DocumentEngine {
  const org = cachedOrgTree(ds);
  return new DocumentEngine(
    ds,
    overrides.definitions ?? DefinitionStore.fromCwd(ds),
    {
      orgTree: overrides.orgTree ?? (() => org.tree()),
      // The municipality's edited wheel from the database, so API and worker agree on every date.
      dueAt: overrides.dueAt ?? new MunicipalYearWheel(ds).dueAt,
      now: overrides.now ?? (() => new Date()),
    },
    { documentCache: overrides.documentCache },
  );
}
