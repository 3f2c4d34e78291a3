import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  DOCUMENT_TYPE_KEYS,
  documentPhase,
  dueInstant,
  type DocumentTypeKey,
  type OrgTree,
  type OrgUnitNode,
} from '@rodtrad/domain';
import type { YearStatusQuery, YearStatusRow } from '@rodtrad/contracts';
import { DefinitionStore, MunicipalYearWheel, plannedDocuments, slotKey } from '@rodtrad/engine';
import { stateMeta } from '@rodtrad/workflow';
import { OrgTreeService } from '../auth/org-tree.service';
import { ApiProblem } from '../common/problem/problem';
import { CLOCK, DATA_SOURCE, type Clock } from '../infrastructure/tokens';

interface StatusDocumentRow {
  id: string;
  type: string;
  orgUnitId: string;
  period: string;
  state: string;
  final: number;
  version: number;
  definitionId: string;
  dueAt: Date | null;
  overdue: number;
  submittedAt: Date | null;
  decidedAt: Date | null;
  diarienummer: string | null;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** Units depth first from the roots, so a nämnd's rows stand together with its units below it. */
function treeOrder(tree: OrgTree): Map<string, number> {
  const order = new Map<string, number>();
  for (const root of tree.roots())
    for (const u of [root, ...tree.descendants(root.id)]) order.set(u.id, order.size);
  return order;
}

/**
 * The registrar's view of a budget year: every planned slot (unit × type × period) with its
 * document, plus documents outside the plan (åtgärdsplaner). A constant number of SQL statements
 * per request whatever the number of units: the org tree (cached), the wheel edits, and one
 * read of the year's documents; state titles come from the cached definitions.
 */
@Injectable()
export class YearStatusService {
  constructor(
    private readonly wheel: MunicipalYearWheel,
    private readonly definitions: DefinitionStore,
    private readonly orgTree: OrgTreeService,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rows(year: number, q: Omit<YearStatusQuery, 'format'>): Promise<YearStatusRow[]> {
    const tree = await this.orgTree.tree();
    if (q.namndId && !tree.get(q.namndId))
      throw ApiProblem.validation([{ pointer: '/query/namndId', message: 'Nämnden finns inte.' }]);
    const inScope = (unitId: string): boolean => !q.namndId || tree.namndOf(unitId)?.id === q.namndId;
    const wheel = await this.wheel.wheel(year);
    const params: unknown[] = [year];
    let where = 'year = ?';
    if (q.type) {
      where += ' AND type = ?';
      params.push(q.type);
    }
    const docs: StatusDocumentRow[] = await this.ds.query(
      `SELECT id, type, org_unit_id AS orgUnitId, period, state, final, version, definition_id AS definitionId,
              due_at AS dueAt, overdue, submitted_at AS submittedAt, decided_at AS decidedAt, diarienummer
         FROM document WHERE ${where}`,
      params,
    );
    const bySlot = new Map(docs.map((d) => [slotKey(d.type, d.orgUnitId, d.period || null), d]));
    const now = this.clock.now();
    const { titles, initialStates } = await this.stateTitles(docs);
    const units = new Map(tree.all().map((u) => [u.id, u] as [string, OrgUnitNode]));

    const out: YearStatusRow[] = [];
    const row = (type: string, unitId: string, period: string | null, d?: StatusDocumentRow): void => {
      const plannedDue = !d ? wheel.find((e) => e.key === type && (e.period ?? null) === period)?.date : null;
      const dueAt = d ? d.dueAt : plannedDue ? dueInstant(plannedDue) : null;
      const final = d ? !!d.final : false;
      out.push({
        orgUnitId: unitId,
        orgUnitName: units.get(unitId)?.name ?? '',
        documentType: type as DocumentTypeKey,
        period,
        documentId: d?.id ?? null,
        state: d?.state ?? null,
        stateTitle: d ? (titles.get(`${d.definitionId}|${d.state}`) ?? d.state) : null,
        dueAt: iso(dueAt),
        overdue: (d ? !!d.overdue : false) || (!final && !!dueAt && new Date(dueAt) < now),
        submittedAt: iso(d?.submittedAt ?? null),
        decidedAt: iso(d?.decidedAt ?? null),
        diarienummer: d?.diarienummer ?? null,
        phase: documentPhase({
          exists: !!d,
          version: d?.version ?? 0,
          final,
          submittedAt: d?.submittedAt ?? null,
          inInitialState: !!d && initialStates.get(d.definitionId) === d.state,
        }),
      });
    };
    const seen = new Set<string>();
    for (const p of plannedDocuments(wheel, tree.all())) {
      if ((q.type && p.type !== q.type) || !inScope(p.orgUnitId)) continue;
      const key = slotKey(p.type, p.orgUnitId, p.period);
      seen.add(key);
      row(p.type, p.orgUnitId, p.period, bySlot.get(key));
    }
    for (const [key, d] of bySlot)
      if (!seen.has(key) && inScope(d.orgUnitId)) row(d.type, d.orgUnitId, d.period || null, d);

    const order = treeOrder(tree);
    const typeIndex = (t: string) => DOCUMENT_TYPE_KEYS.indexOf(t as never);
    return out
      .filter(
        (r) =>
          (!q.state || r.state === q.state) &&
          (!q.phase || r.phase === q.phase) &&
          (!q.overdue || r.overdue === (q.overdue === 'true')),
      )
      .sort(
        (a, b) =>
          (order.get(a.orgUnitId) ?? 0) - (order.get(b.orgUnitId) ?? 0) ||
          typeIndex(a.documentType) - typeIndex(b.documentType) ||
          (a.period ?? '').localeCompare(b.period ?? ''),
      );
  }

  /**
   * Step titles by definition version and state, and each version's initial state; definitions
   * are cached once loaded.
   */
  private async stateTitles(
    docs: StatusDocumentRow[],
  ): Promise<{ titles: Map<string, string>; initialStates: Map<string, string> }> {
    const titles = new Map<string, string>();
    const definitionIds = [...new Set(docs.map((d) => d.definitionId))];
    const defs = new Map(
      (await Promise.all(definitionIds.map((id) => this.definitions.load(id)))).map((d) => [d.id, d]),
    );
    for (const d of docs) {
      const key = `${d.definitionId}|${d.state}`;
      const def = defs.get(d.definitionId);
      if (!titles.has(key) && def) titles.set(key, stateMeta(def.definition, d.state)?.title ?? d.state);
    }
    const initialStates = new Map(
      [...defs.values()].map((d) => [d.id, String(d.definition.machine.initial)]),
    );
    return { titles, initialStates };
  }
}
