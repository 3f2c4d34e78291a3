import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { OpenYearResult } from '@rodtrad/contracts';
import {
  DocumentEngine,
  EngineError,
  MunicipalYearWheel,
  plannedDocuments,
  slotKey,
  SYSTEM_ACTOR,
  type PlannedDocument,
} from '@rodtrad/engine';
import { OrgTreeService } from '../auth/org-tree.service';
import { DATA_SOURCE } from '../infrastructure/tokens';

/** Creations in flight at once: enough to hide round trips, well below the connection pool. */
const PARALLEL_CREATES = 8;

/**
 * `openBudgetYear`: creates every document the year wheel names for every unit that owns it,
 * through the engine as the system, so each gets its audit entry and its deadline effects.
 * Idempotent: one query finds the slots already filled; only the missing ones are created, so a
 * second call creates nothing and a unit added later gets its documents on the next call.
 */
@Injectable()
export class OpenBudgetYear {
  private readonly logger = new Logger('OpenBudgetYear');

  constructor(
    private readonly engine: DocumentEngine,
    private readonly wheel: MunicipalYearWheel,
    private readonly orgTree: OrgTreeService,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  async execute(year: number): Promise<OpenYearResult> {
    const started = Date.now();
    // Units added by another API process must be seen now, not after the tree cache expires.
    this.orgTree.invalidate();
    const tree = await this.orgTree.tree();
    const planned = plannedDocuments(await this.wheel.wheel(year), tree.all());
    const rows: { type: string; orgUnitId: string; period: string }[] = await this.ds.query(
      'SELECT type, org_unit_id AS orgUnitId, period FROM document WHERE year = ?',
      [year],
    );
    const filled = new Set(rows.map((r) => slotKey(r.type, r.orgUnitId, r.period || null)));
    const missing = planned.filter((p) => !filled.has(slotKey(p.type, p.orgUnitId, p.period)));
    let existing = planned.length - missing.length;
    let created = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < missing.length) {
        const slot = missing[next++] as PlannedDocument;
        try {
          await this.engine.create({ ...slot, year, actor: SYSTEM_ACTOR });
          created++;
        } catch (e) {
          // Another call opened the same slot at the same moment: it exists, which is the aim.
          if (e instanceof EngineError && e.code === 'slot-taken') existing++;
          else throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_CREATES, missing.length) }, worker));
    this.logger.log({ year, created, existing, ms: Date.now() - started }, 'budget year opened');
    return { created, existing };
  }
}
