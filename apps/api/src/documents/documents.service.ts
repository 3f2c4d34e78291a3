import { Injectable } from '@nestjs/common';
import type {
  ActivityEntryView,
  DocumentSummaryView,
  DocumentView,
  HistoryEntryView,
  Page,
} from '@rodtrad/contracts';
import {
  DefinitionStore,
  DocumentEngine,
  sentBackOf,
  type EngineActor,
  type LoadedDefinition,
  type SentBack,
} from '@rodtrad/engine';
import { DocumentAuditRepository, DocumentRepository, type DocumentRow } from '@rodtrad/persistence';
import type { DocumentTypeKey } from '@rodtrad/domain';
import { stateMeta } from '@rodtrad/workflow';
import { Authorizer } from '../auth/authorizer.service';
import { ApiProblem } from '../common/problem/problem';
import type { Principal } from '../auth/principal';

export const actorOf = (p: Principal): EngineActor => ({ userId: p.userId, roles: p.roles, via: 'user' });

/** Reading documents: what a caller may see is decided by the scope of their roles. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly engine: DocumentEngine,
    private readonly documents: DocumentRepository,
    private readonly definitions: DefinitionStore,
    private readonly audit: DocumentAuditRepository,
    private readonly authorizer: Authorizer,
  ) {}

  /** Units whose documents the caller may read: those any of their roles applies to. */
  readableUnits(p: Principal): Promise<string[] | undefined> {
    return this.authorizer.reachableUnits(p);
  }

  /** Readable: a document of a unit the caller's roles reach, or of one above it (the red thread up). */
  async requireReadable(p: Principal, doc: DocumentRow): Promise<void> {
    if (await this.authorizer.mayRead(p, doc.orgUnitId)) return;
    throw ApiProblem.forbidden('Dokumentet tillhör en enhet utanför dina roller.');
  }

  async list(
    p: Principal,
    q: {
      year?: number;
      type?: string;
      orgUnitId?: string;
      state?: string;
      q?: string;
      limit: number;
      offset: number;
    },
  ): Promise<Page<DocumentSummaryView>> {
    let units = await this.readableUnits(p);
    if (q.orgUnitId) units = units ? units.filter((u) => u === q.orgUnitId) : [q.orgUnitId];
    const { items, total } = await this.documents.list(
      { year: q.year, type: q.type, state: q.state, search: q.q?.trim(), orgUnitIds: units },
      q.limit,
      q.offset,
    );
    const views = await Promise.all(
      items.map(async (d) => this.summary(d, await this.definitions.load(d.definitionId))),
    );
    return { items: views, total };
  }

  async view(p: Principal, id: string): Promise<DocumentView> {
    const { doc, def } = await this.engine.get(id);
    await this.requireReadable(p, doc);
    const actor = actorOf(p);
    const meta = stateMeta(def.definition, doc.state);
    const form = meta?.form ? (await this.engine.formsFor(doc, def))[meta.form] : undefined;
    const events = await this.engine.eventsFor(doc, def, actor);
    return {
      ...this.summary(doc, def),
      data: doc.data,
      form: form ? { schema: form.schema, uiSchema: form.uiSchema ?? {} } : null,
      editable: await this.engine.canEdit(doc, def, actor),
      allowedEvents: events.allowed,
      unavailableEvents: events.unavailable,
      sentBack: doc.final ? null : ((await this.sentBack([{ doc, def }])).get(doc.id) ?? null),
      definition: { key: def.key, version: def.version },
    };
  }

  /** For each document: who sent it back to the step it is in, when and why (sentBackOf). */
  async sentBack(docs: { doc: DocumentRow; def: LoadedDefinition }[]): Promise<Map<string, SentBack>> {
    const last = await this.audit.lastTransitions(docs.map((d) => d.doc.id));
    const out = new Map<string, SentBack>();
    for (const { doc, def } of docs) {
      const found = sentBackOf(def.definition, doc.state, last.get(doc.id));
      if (found) out.set(doc.id, found);
    }
    return out;
  }

  async history(p: Principal, id: string): Promise<{ items: HistoryEntryView[] }> {
    const { doc } = await this.engine.get(id);
    await this.requireReadable(p, doc);
    const entries = await this.audit.history(id);
    return {
      items: entries.map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actorUserId ? { id: e.actorUserId, name: e.actorName ?? '' } : null,
        onBehalfOf: e.onBehalfOfUserId ? { id: e.onBehalfOfUserId, name: e.onBehalfOfName ?? '' } : null,
        via: e.via,
        event: e.event,
        fromState: e.fromState,
        toState: e.toState,
        comment: e.comment,
        dataHash: e.dataHash,
        hash: e.hash,
      })),
    };
  }

  /** What happened lately to the documents the caller has worked on, in units they still reach. */
  async activity(p: Principal, limit: number): Promise<{ items: ActivityEntryView[] }> {
    const entries = await this.audit.activityFor(p.userId, await this.readableUnits(p), limit);
    const defs = new Map<string, LoadedDefinition>();
    for (const id of new Set(entries.map((e) => e.definitionId)))
      defs.set(id, await this.definitions.load(id));
    return {
      items: entries.map((e) => {
        const def = defs.get(e.definitionId)?.definition;
        const from = e.fromState && def ? stateMeta(def, e.fromState) : undefined;
        return {
          documentId: e.documentId,
          title: e.title,
          type: e.type as DocumentTypeKey,
          at: e.at,
          actor: e.actorUserId ? { id: e.actorUserId, name: e.actorName ?? '' } : null,
          byMe: e.actorUserId === p.userId,
          event: e.event,
          eventLabel: from?.events?.[e.event]?.label ?? null,
          fromStateTitle: e.fromState ? (from?.title ?? e.fromState) : null,
          toStateTitle: (def && stateMeta(def, e.toState)?.title) ?? e.toState,
          comment: e.comment,
        };
      }),
    };
  }

  summary(d: DocumentRow, def: LoadedDefinition): DocumentSummaryView {
    return {
      id: d.id,
      // The column holds only keys the domain's type table knows (the engine creates no other).
      type: d.type as DocumentTypeKey,
      title: d.title,
      orgUnitId: d.orgUnitId,
      orgUnitName: d.orgUnitName ?? '',
      year: d.year,
      period: d.period,
      state: d.state,
      stateTitle: stateMeta(def.definition, d.state)?.title ?? d.state,
      version: d.version,
      final: d.final,
      dueAt: d.dueAt ? new Date(d.dueAt).toISOString() : null,
      overdue: d.overdue,
      submittedAt: d.submittedAt ? new Date(d.submittedAt).toISOString() : null,
      decidedAt: d.decidedAt ? new Date(d.decidedAt).toISOString() : null,
      diarienummer: d.diarienummer,
    };
  }
}
