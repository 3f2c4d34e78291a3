import { hasAnyRole, ROLE_KEYS, type OrgTree, type RoleKey } from '@rodtrad/domain';
import type { DocumentRow } from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import type { LoadedDefinition } from './definition-store';
import { EngineError } from './engine-error';
import type { EngineActor } from './ports';

type Scoped = Pick<DocumentRow, 'orgUnitId'>;
type InStep = Pick<DocumentRow, 'orgUnitId' | 'state' | 'final'>;

/** An event the actor may send now, as the document page shows it. */
export interface AllowedEvent {
  type: string;
  label: string;
  requiresComment: boolean;
}

/**
 * Who may read, create, edit and send which event, for the engine and for the pages that show
 * what a user can do. Roles reach a unit through the organisation tree; the step's metadata in the
 * definition names the roles of each event and of editing.
 */
export class DocumentAccess {
  constructor(private readonly orgTree: () => Promise<OrgTree>) {}

  /** May the actor act with one of these roles on this unit? The system always may. */
  async may(actor: EngineActor, roles: readonly string[] | undefined, orgUnitId: string): Promise<boolean> {
    if (actor.via === 'system') return true;
    if (!roles?.length) return false;
    return hasAnyRole(actor.roles, roles as RoleKey[], orgUnitId, await this.orgTree());
  }

  /** A user acts only on documents of units their roles reach (the system and links are checked elsewhere). */
  async requireInScope(actor: EngineActor, doc: Scoped): Promise<void> {
    if (actor.via !== 'user') return;
    if (!hasAnyRole(actor.roles, ROLE_KEYS, doc.orgUnitId, await this.orgTree())) {
      throw new EngineError('forbidden', 'Dokumentet tillhör en enhet utanför dina roller.');
    }
  }

  /** Creating is for those who may edit the first step, and for administrators and registrators. */
  async requireCreate(actor: EngineActor, def: LoadedDefinition, orgUnitId: string): Promise<void> {
    const initial = stateMeta(def.definition, def.definition.machine.initial);
    if (!(await this.may(actor, [...(initial?.editableBy ?? []), 'admin', 'registrator'], orgUnitId))) {
      throw new EngineError(
        'forbidden',
        'Din roll ger inte behörighet att skapa dokumentet för den här enheten.',
      );
    }
  }

  /** The roles the step names for the event; an event the step does not name is left to the machine. */
  async requireEvent(actor: EngineActor, doc: InStep, def: LoadedDefinition, event: string): Promise<void> {
    const permission = stateMeta(def.definition, doc.state)?.events?.[event];
    if (permission && !(await this.may(actor, permission.roles, doc.orgUnitId))) {
      throw new EngineError(
        'forbidden',
        `Din roll ger inte behörighet att ${permission.label.toLowerCase()} här.`,
      );
    }
  }

  /** The roles the step lets edit its form (whether the document is still open is asked apart). */
  async requireEditor(actor: EngineActor, doc: InStep, def: LoadedDefinition): Promise<void> {
    if (!(await this.may(actor, stateMeta(def.definition, doc.state)?.editableBy, doc.orgUnitId)))
      throw new EngineError('forbidden', 'Du får inte ändra dokumentet i det här steget.');
  }

  /** Events the actor may send now, for the buttons of the document page. */
  async allowedEvents(doc: InStep, def: LoadedDefinition, actor: EngineActor): Promise<AllowedEvent[]> {
    const events = stateMeta(def.definition, doc.state)?.events ?? {};
    const out: AllowedEvent[] = [];
    for (const [type, p] of Object.entries(events)) {
      if (p.roles.length && (await this.may(actor, p.roles, doc.orgUnitId)))
        out.push({ type, label: p.label, requiresComment: !!p.requiresComment });
    }
    return out;
  }

  async canEdit(doc: InStep, def: LoadedDefinition, actor: EngineActor): Promise<boolean> {
    return (
      !doc.final && (await this.may(actor, stateMeta(def.definition, doc.state)?.editableBy, doc.orgUnitId))
    );
  }
}
