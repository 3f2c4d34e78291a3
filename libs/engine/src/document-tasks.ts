import type { DataSource } from 'typeorm';
import { hasAnyRole, type OrgTree, type RoleKey } from '@rodtrad/domain';
import { toDocumentRow, type DocumentRow } from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import type { DefinitionStore } from './definition-store';
import type { EngineActor } from './ports';

export interface DocumentTask {
  doc: DocumentRow;
  stateTitle: string;
  /** What to do next, in Swedish: the first event the actor may send, or filling in the form. */
  action: string;
  events: string[];
}

/**
 * "Mina uppgifter": open documents whose current step waits for one of the actor's roles
 * (the step's responsible roles, or the roles that may send one of its events) on a unit
 * those roles reach. One query for the candidates; scope is checked in memory.
 */
export class DocumentTasks {
  constructor(
    private readonly ds: DataSource,
    private readonly definitions: DefinitionStore,
  ) {}

  async for(actor: EngineActor, tree: OrgTree, opts: { year?: number } = {}): Promise<DocumentTask[]> {
    const held = new Set(actor.roles.map((r) => r.role as string));
    if (!held.size) return [];
    const defIds: { id: string }[] = await this.ds.query(
      'SELECT DISTINCT definition_id AS id FROM document WHERE final = 0',
    );
    const waiting = new Map<
      string,
      {
        roles: string[];
        title: string;
        events: { type: string; label: string; roles: string[] }[];
        editable: string[];
      }
    >();
    for (const { id } of defIds) {
      const def = await this.definitions.load(id);
      for (const [state, spec] of Object.entries(def.definition.machine.states)) {
        if (spec.type === 'final') continue;
        const meta = stateMeta(def.definition, state);
        const events = Object.entries(meta?.events ?? {}).map(([type, p]) => ({
          type,
          label: p.label,
          roles: p.roles,
        }));
        const roles = [...new Set([...(meta?.responsible ?? []), ...events.flatMap((e) => e.roles)])];
        if (roles.some((r) => held.has(r)))
          waiting.set(`${id}|${state}`, {
            roles,
            title: meta?.title ?? state,
            events,
            editable: meta?.editableBy ?? [],
          });
      }
    }
    if (!waiting.size) return [];
    const pairs = [...waiting.keys()].map((k) => k.split('|'));
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT d.id, d.type, d.title, d.org_unit_id AS orgUnitId, u.name AS orgUnitName, d.year, d.period, d.definition_id AS definitionId,
              d.snapshot, d.state, d.final, d.data, d.version, d.due_at AS dueAt, d.overdue, d.submitted_at AS submittedAt,
              d.decided_at AS decidedAt, d.diarienummer, d.audit_seq AS auditSeq, d.audit_hash AS auditHash, d.created_at AS createdAt, d.updated_at AS updatedAt
         FROM document d JOIN org_unit u ON u.id = d.org_unit_id
        WHERE d.final = 0 AND (d.definition_id, d.state) IN (${pairs.map(() => '(?, ?)').join(', ')})${opts.year ? ' AND d.year = ?' : ''}
        ORDER BY d.due_at IS NULL, d.due_at, d.title`,
      [...pairs.flat(), ...(opts.year ? [opts.year] : [])],
    );
    const tasks: DocumentTask[] = [];
    for (const row of rows) {
      const doc = toDocumentRow(row);
      const w = waiting.get(`${doc.definitionId}|${doc.state}`);
      if (!w || !hasAnyRole(actor.roles, w.roles as RoleKey[], doc.orgUnitId, tree)) continue;
      const mine = w.events.filter(
        (e) => e.roles.length && hasAnyRole(actor.roles, e.roles as RoleKey[], doc.orgUnitId, tree),
      );
      const fills =
        w.editable.length > 0 && hasAnyRole(actor.roles, w.editable as RoleKey[], doc.orgUnitId, tree);
      tasks.push({
        doc,
        stateTitle: w.title,
        events: mine.map((e) => e.type),
        action:
          fills && mine[0]?.type === 'SUBMIT'
            ? `Fyll i och ${mine[0].label.toLowerCase()}`
            : (mine[0]?.label ?? 'Följ upp'),
      });
    }
    return tasks;
  }
}
