import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  canOwnDocument,
  dataHash,
  DOCUMENT_TYPES,
  diariumYear,
  formatDiarienummer,
  hasAnyRole,
  isDocumentTypeKey,
  isDocumentPeriod,
  ROLE_KEYS,
  reportPeriodLabel,
  type DocumentTypeKey,
  type RoleKey,
} from '@rodtrad/domain';
import {
  batchedTransaction,
  DocumentAuditRepository,
  DocumentRepository,
  nextDiariumNumber,
  OutboxRepository,
  type DocumentRow,
  type OutboxRecord,
  type Queryable,
} from '@rodtrad/persistence';
import {
  createFormValidator,
  draftSchema,
  initialStep,
  stateMeta,
  step,
  type Effect,
  type GuardContext,
  type WorkflowEvent,
} from '@rodtrad/workflow';
import { DefinitionStore, type FormBundle, type LoadedDefinition } from './definition-store';
import { DocumentCache } from './document-cache';
import { DocumentChoices } from './document-choices';
import { DocumentFacts } from './document-facts';
import { EngineError } from './engine-error';
import type { EngineActor, EnginePorts } from './ports';

/** Effects applied inside the transition's own transaction; all others leave through the outbox. */
const IN_TRANSACTION = new Set(['markSubmitted', 'markDecided', 'assignDiarienummer']);

export interface TransitionCommand {
  documentId: string;
  event: WorkflowEvent;
  expectedVersion: number;
  actor: EngineActor;
}

export interface TransitionOutcome {
  id: string;
  state: string;
  previousState: string;
  version: number;
  final: boolean;
  effects: Effect[];
  /** What this transition wrote to the outbox (effects for the worker, and lifecycle events). */
  outboxed: Effect[];
}

export interface DocumentEngineOptions {
  /** How many documents the engine remembers between their reads and transitions (0: none). */
  documentCache?: number;
}

/**
 * More documents than are worked on at once in a municipality's busiest weeks. A row is its form
 * data and XState snapshot, a few KB to a few tens of KB: at most some tens of MB per process.
 */
export const DEFAULT_DOCUMENT_CACHE = 2_000;

export interface CreateDocumentCommand {
  type: string;
  orgUnitId: string;
  year: number;
  period?: string | null;
  title?: string;
  data?: Record<string, unknown>;
  actor: EngineActor;
}

/**
 * The one place where documents change. Every change is one transaction: guarded update
 * (`WHERE id = ? AND version = ?`), one audit entry in the document's hash chain, and the
 * side effects as outbox rows. The state machine step itself is pure (libs/workflow).
 */
export class DocumentEngine {
  readonly documents: DocumentRepository;
  readonly audit: DocumentAuditRepository;
  readonly outbox: OutboxRepository;
  private readonly facts: DocumentFacts;
  private readonly forms = createFormValidator();
  private readonly choices: DocumentChoices;
  private readonly cache: DocumentCache;
  /**
   * The hash of a document's data, per data object: a transition leaves the data as it is, so a
   * remembered row's next transition hashes nothing. Only objects the engine itself holds (read
   * by it, never handed out) are used as keys.
   */
  private readonly dataHashes = new WeakMap<object, string>();

  constructor(
    private readonly ds: DataSource,
    readonly definitions: DefinitionStore,
    private readonly ports: EnginePorts,
    options: DocumentEngineOptions = {},
  ) {
    this.documents = new DocumentRepository(ds);
    this.audit = new DocumentAuditRepository(ds);
    this.outbox = new OutboxRepository(ds);
    this.facts = new DocumentFacts(ds);
    this.choices = new DocumentChoices(ds);
    this.cache = new DocumentCache(options.documentCache ?? DEFAULT_DOCUMENT_CACHE);
  }

  /** The document as it is in the database now (and remembered, so an event sent next starts from it). */
  async get(id: string): Promise<{ doc: DocumentRow; def: LoadedDefinition }> {
    const doc = await this.documents.get(id);
    if (!doc) throw new EngineError('not-found', 'Dokumentet finns inte.');
    // A copy: what the caller does with its row must not reach the next transition.
    if (this.cache.capacity > 0) this.cache.remember(structuredClone(doc));
    return { doc, def: await this.definitions.load(doc.definitionId) };
  }

  /**
   * Runs a change on the document at `expectedVersion`: from the remembered row when there is one
   * at that version, saving the read. That row may be behind the database (changed by the worker
   * or another process); then the guarded update fails, nothing is written, and the change is
   * decided again on a fresh read. A refusal from a remembered row is checked on a fresh read
   * too, so every answer but success is the database's.
   */
  private async atVersion<T>(
    id: string,
    expectedVersion: number,
    change: (doc: DocumentRow, def: LoadedDefinition, remembered: boolean) => Promise<T>,
  ): Promise<T> {
    const remembered = this.cache.at(id, expectedVersion);
    if (remembered) {
      try {
        return await change(remembered, await this.definitions.load(remembered.definitionId), true);
      } catch (e) {
        // (A concurrent winner may have remembered its newer row meanwhile: that one stays.)
        this.cache.forget(id, expectedVersion);
        if (!(e instanceof EngineError)) throw e;
      }
    }
    const { doc, def } = await this.get(id);
    return change(doc, def, false);
  }

  /** May the actor act with one of these roles on this unit? The system always may. */
  async may(actor: EngineActor, roles: readonly string[] | undefined, orgUnitId: string): Promise<boolean> {
    if (actor.via === 'system') return true;
    if (!roles?.length) return false;
    return hasAnyRole(actor.roles, roles as RoleKey[], orgUnitId, await this.ports.orgTree());
  }

  /** A user acts only on documents of units their roles reach (the system and links are checked elsewhere). */
  async requireInScope(actor: EngineActor, doc: DocumentRow): Promise<void> {
    if (actor.via !== 'user') return;
    if (!hasAnyRole(actor.roles, ROLE_KEYS, doc.orgUnitId, await this.ports.orgTree())) {
      throw new EngineError('forbidden', 'Dokumentet tillhör en enhet utanför dina roller.');
    }
  }

  async create(cmd: CreateDocumentCommand): Promise<DocumentRow> {
    if (!isDocumentTypeKey(cmd.type))
      throw new EngineError('invalid-request', `Dokumenttypen ${cmd.type} finns inte.`, [
        { pointer: '/type', message: 'Okänd dokumenttyp.' },
      ]);
    const type = cmd.type as DocumentTypeKey;
    const tree = await this.ports.orgTree();
    const unit = tree.get(cmd.orgUnitId);
    if (!unit)
      throw new EngineError('invalid-request', 'Organisationsenheten finns inte.', [
        { pointer: '/orgUnitId', message: 'Organisationsenheten finns inte.' },
      ]);
    if (!canOwnDocument(type, unit.kind)) {
      throw new EngineError(
        'invalid-request',
        `${DOCUMENT_TYPES[type].title} kan inte ägas av ${unit.name}.`,
        [{ pointer: '/orgUnitId', message: 'Enheten kan inte äga den här dokumenttypen.' }],
      );
    }
    const period = cmd.period ?? null;
    if (period !== null ? !isDocumentPeriod(type, period, cmd.year) : DOCUMENT_TYPES[type].periodic) {
      throw new EngineError('invalid-request', 'Perioden passar inte dokumenttypen.', [
        { pointer: '/period', message: 'Ogiltig period för dokumenttypen.' },
      ]);
    }
    const def = await this.definitions.published(type);
    if (!def)
      throw new EngineError(
        'invalid-request',
        `Det finns ingen publicerad version av arbetsflödet för ${type}.`,
      );
    const initialMeta = stateMeta(def.definition, def.definition.machine.initial);
    if (
      !(await this.may(
        cmd.actor,
        [...(initialMeta?.editableBy ?? []), 'admin', 'registrator'],
        cmd.orgUnitId,
      ))
    ) {
      throw new EngineError(
        'forbidden',
        'Din roll ger inte behörighet att skapa dokumentet för den här enheten.',
      );
    }
    const id = randomUUID();
    const now = this.ports.now();
    const data = cmd.data ?? {};
    const first = initialStep(
      def.compiled,
      this.guardContext({ id, type, orgUnitId: unit.id, year: cmd.year, period }, data, cmd.actor, {}),
    );
    const title =
      cmd.title ??
      (period
        ? DOCUMENT_TYPES[type].periodic
          ? `${DOCUMENT_TYPES[type].title} ${reportPeriodLabel(type, period, cmd.year)} – ${unit.name}`
          : `${DOCUMENT_TYPES[type].title} ${cmd.year} nr ${period} – ${unit.name}`
        : `${DOCUMENT_TYPES[type].title} ${cmd.year} – ${unit.name}`);
    const dueAt = await this.dueAtFor(def, first.state, cmd.year, period, now);
    const link = DocumentAuditRepository.next(
      this.auditLink(id, cmd.actor, 'CREATE', null, first.state, null, dataHash(data), now),
      { seq: 0, hash: null },
    );
    try {
      await batchedTransaction(this.ds, async (tx) => {
        await this.documents.insert(
          {
            id,
            type,
            title,
            orgUnitId: unit.id,
            year: cmd.year,
            period,
            definitionId: def.id,
            snapshot: first.snapshot,
            state: first.state,
            final: first.final,
            data,
            dueAt,
            auditSeq: link.seq,
            auditHash: link.hash,
          },
          tx,
        );
        tx.later(DocumentAuditRepository.insertStatement(link));
        tx.later(
          OutboxRepository.addStatement(
            this.outboxRecords(id, 1, withDueAt(first.effects, dueAt, now), {
              type,
              orgUnitId: unit.id,
              year: cmd.year,
              period,
            }),
          ),
        );
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'ER_DUP_ENTRY')
        throw new EngineError('slot-taken', 'Dokumentet finns redan för enheten, året och perioden.');
      throw e;
    }
    return (await this.documents.get(id)) as DocumentRow;
  }

  async transition(cmd: TransitionCommand): Promise<TransitionOutcome> {
    return this.atVersion(cmd.documentId, cmd.expectedVersion, (doc, def, remembered) =>
      this.transitionFrom(doc, def, cmd, remembered),
    );
  }

  private async transitionFrom(
    doc: DocumentRow,
    def: LoadedDefinition,
    cmd: TransitionCommand,
    remembered: boolean,
  ): Promise<TransitionOutcome> {
    await this.requireInScope(cmd.actor, doc);
    const meta = stateMeta(def.definition, doc.state);
    const permission = meta?.events?.[cmd.event.type];
    if (permission && !(await this.may(cmd.actor, permission.roles, doc.orgUnitId))) {
      throw new EngineError(
        'forbidden',
        `Din roll ger inte behörighet att ${permission.label.toLowerCase()} här.`,
      );
    }
    if (doc.version !== cmd.expectedVersion) throw this.stale(doc.version);
    const reads = guardReads(def.definition.machine.states[doc.state]?.on?.[cmd.event.type]);
    const facts = reads.facts ? await this.facts.compute(doc, await this.ports.orgTree()) : {};
    const forms = reads.forms ? await this.formsFor(doc, def) : undefined;
    const result = step({
      definition: def.compiled,
      snapshot: doc.snapshot as never,
      event: cmd.event,
      guardContext: this.guardContext(doc, doc.data, cmd.actor, facts, forms),
    });
    if (!result.ok) throw new EngineError(result.code, result.reason, result.errors, { guard: result.guard });

    const now = this.ports.now();
    const version = cmd.expectedVersion + 1;
    const dueAt = result.changed
      ? await this.dueAtFor(def, result.state, doc.year, doc.period, now, doc.wheelRevision)
      : null;
    const effects = withDueAt(result.effects, dueAt, now);
    const outboxed = [
      ...effects.filter((e) => !IN_TRANSACTION.has(e.type)),
      ...lifecycleEffects(effects, result),
    ];
    const link = DocumentAuditRepository.next(
      this.auditLink(
        doc.id,
        cmd.actor,
        cmd.event.type,
        result.previousState,
        result.state,
        cmd.event.comment ?? null,
        this.hashOfData(doc),
        now,
      ),
      { seq: doc.auditSeq, hash: doc.auditHash },
    );
    // Two round trips: the guarded update (with START TRANSACTION), then audit, outbox and COMMIT.
    const written = await batchedTransaction(this.ds, async (tx) => {
      const changes = {
        snapshot: result.snapshot,
        state: result.state,
        final: result.final,
        ...(dueAt ? { dueAt, overdue: false } : {}),
        ...(await this.applyInTransaction(doc, effects, now, tx)),
        auditSeq: link.seq,
        auditHash: link.hash,
      };
      // A remembered row's wheel revision may be old: the due date is written only if it is not.
      const guard = remembered && dueAt ? { wheelRevision: doc.wheelRevision } : {};
      if (!(await this.documents.guardedUpdate(doc.id, cmd.expectedVersion, changes, tx, guard)))
        throw this.stale(null);
      tx.later(DocumentAuditRepository.insertStatement(link));
      tx.later(OutboxRepository.addStatement(this.outboxRecords(doc.id, version, outboxed, doc)));
      return changes;
    });
    this.cache.remember({ ...doc, ...written, version });
    return {
      id: doc.id,
      state: result.state,
      previousState: doc.state,
      version,
      final: result.final,
      effects,
      outboxed,
    };
  }

  /** Saves form data of the current step: types and formats checked now, completeness when the step is left. */
  async saveData(cmd: {
    documentId: string;
    data: Record<string, unknown>;
    expectedVersion: number;
    actor: EngineActor;
  }): Promise<{ version: number }> {
    return this.atVersion(cmd.documentId, cmd.expectedVersion, (doc, def) => this.saveDataOn(doc, def, cmd));
  }

  private async saveDataOn(
    doc: DocumentRow,
    def: LoadedDefinition,
    cmd: { data: Record<string, unknown>; expectedVersion: number; actor: EngineActor },
  ): Promise<{ version: number }> {
    const meta = stateMeta(def.definition, doc.state);
    if (!(await this.may(cmd.actor, meta?.editableBy, doc.orgUnitId)))
      throw new EngineError('forbidden', 'Du får inte ändra dokumentet i det här steget.');
    if (doc.final) throw new EngineError('invalid-request', 'Dokumentet är avslutat och kan inte ändras.');
    const form = meta?.form ? (await this.formsFor(doc, def))[meta.form] : undefined;
    if (form) {
      const errors = this.forms.validate(draftSchema(form.schema), cmd.data);
      if (errors.length)
        throw new EngineError('validation-failed', 'Uppgifterna är inte giltiga. Se varje fält.', errors);
    }
    if (doc.version !== cmd.expectedVersion) throw this.stale(doc.version);
    const now = this.ports.now();
    const link = DocumentAuditRepository.next(
      this.auditLink(doc.id, cmd.actor, 'SAVE', doc.state, doc.state, null, dataHash(cmd.data), now),
      {
        seq: doc.auditSeq,
        hash: doc.auditHash,
      },
    );
    await batchedTransaction(this.ds, async (tx) => {
      const patch = { data: cmd.data, auditSeq: link.seq, auditHash: link.hash };
      if (!(await this.documents.guardedUpdate(doc.id, cmd.expectedVersion, patch, tx)))
        throw this.stale(null);
      tx.later(DocumentAuditRepository.insertStatement(link));
    });
    const version = cmd.expectedVersion + 1;
    this.cache.remember({
      ...doc,
      data: structuredClone(cmd.data),
      auditSeq: link.seq,
      auditHash: link.hash,
      version,
    });
    return { version };
  }

  /** Events the actor may send now, for the buttons of the document page. */
  async allowedEvents(
    doc: DocumentRow,
    def: LoadedDefinition,
    actor: EngineActor,
  ): Promise<{ type: string; label: string; requiresComment: boolean }[]> {
    const events = stateMeta(def.definition, doc.state)?.events ?? {};
    const out = [];
    for (const [type, p] of Object.entries(events)) {
      if (p.roles.length && (await this.may(actor, p.roles, doc.orgUnitId)))
        out.push({ type, label: p.label, requiresComment: !!p.requiresComment });
    }
    return out;
  }

  async canEdit(doc: DocumentRow, def: LoadedDefinition, actor: EngineActor): Promise<boolean> {
    return (
      !doc.final && (await this.may(actor, stateMeta(def.definition, doc.state)?.editableBy, doc.orgUnitId))
    );
  }

  /**
   * The forms of the document's pinned version, with the choices that come from upstream
   * documents injected (strategic areas, the nämnd's adopted goals): what the page shows and
   * what the server validates against are the same schema.
   */
  async formsFor(
    doc: Pick<DocumentRow, 'type' | 'orgUnitId' | 'year'>,
    def: LoadedDefinition,
  ): Promise<FormBundle> {
    const choices = await this.choices.for(doc, await this.ports.orgTree());
    if (!choices.strategicAreas?.length && !choices.namndmal?.length) return def.forms;
    return Object.fromEntries(
      Object.entries(def.forms).map(([name, f]) => [
        name,
        { ...f, schema: this.choices.apply(f.schema, choices) },
      ]),
    );
  }

  private guardContext(
    doc: { id: string; type: string; orgUnitId: string; year: number; period: string | null },
    data: unknown,
    actor: EngineActor,
    facts: Record<string, unknown>,
    forms?: FormBundle,
  ): GuardContext {
    return {
      data,
      document: { id: doc.id, type: doc.type, orgUnitId: doc.orgUnitId, year: doc.year, period: doc.period },
      actor: { userId: actor.userId, roles: actor.roles, via: actor.via },
      facts,
      validateForm: (d, form) => {
        const entry = forms?.[form.step];
        return entry
          ? this.forms.validate(entry.schema, d)
          : [{ pointer: '', message: `Formuläret ${form.step} saknas.` }];
      },
    };
  }

  private async dueAtFor(
    def: LoadedDefinition,
    state: string,
    year: number,
    period: string | null,
    now: Date,
    wheelRevision?: string,
  ): Promise<Date | null> {
    const deadline = stateMeta(def.definition, state)?.deadline;
    return deadline ? this.ports.dueAt(deadline.key, year, period, now, wheelRevision) : null;
  }

  private async applyInTransaction(
    doc: DocumentRow,
    effects: Effect[],
    now: Date,
    m: Queryable,
  ): Promise<Partial<DocumentRow>> {
    const patch: Partial<DocumentRow> = {};
    for (const e of effects) {
      if (e.type === 'markSubmitted') patch.submittedAt = now;
      if (e.type === 'markDecided') patch.decidedAt = now;
      if (e.type === 'assignDiarienummer' && !doc.diarienummer) {
        const body = String((e.params as { body?: string }).body ?? 'ks');
        const [unit] = await m.query('SELECT code FROM org_unit WHERE kind = ? ORDER BY code LIMIT 1', [
          body,
        ]);
        const bodyCode = unit?.code ?? body.toUpperCase();
        const year = diariumYear(now);
        patch.diarienummer = formatDiarienummer({
          bodyCode,
          number: await nextDiariumNumber(m, bodyCode, year),
          year,
        });
      }
    }
    return patch;
  }

  private hashOfData(doc: DocumentRow): string {
    const data = doc.data;
    if (data === null || typeof data !== 'object') return dataHash(data);
    let hash = this.dataHashes.get(data);
    if (hash === undefined) this.dataHashes.set(data, (hash = dataHash(data)));
    return hash;
  }

  private auditLink(
    documentId: string,
    actor: EngineActor,
    event: string,
    fromState: string | null,
    toState: string,
    comment: string | null,
    hashOfData: string,
    at: Date,
  ) {
    return {
      documentId,
      at: at.toISOString(),
      actorUserId: actor.userId,
      onBehalfOfUserId: actor.onBehalfOfUserId ?? null,
      via: actor.via,
      event,
      fromState,
      toState,
      comment: comment?.trim() || null,
      dataHash: hashOfData,
    };
  }

  private outboxRecords(
    documentId: string,
    version: number,
    effects: Effect[],
    doc: { type: string; orgUnitId: string; year: number; period: string | null },
  ): OutboxRecord[] {
    return effects.map((e, i) => ({
      documentId,
      effectType: e.type,
      payload: {
        ...e.params,
        documentId,
        documentType: doc.type,
        orgUnitId: doc.orgUnitId,
        year: doc.year,
        period: doc.period,
      },
      dedupeKey: `${documentId}__v${version}__${i}__${e.type}`,
    }));
  }

  private stale(current: number | null): EngineError {
    return new EngineError(
      'stale-version',
      'Dokumentet har ändrats av någon annan. Ladda om och försök igen.',
      undefined,
      current === null ? {} : { currentVersion: current },
    );
  }
}

/**
 * Lifecycle facts for the worker: `documentSubmitted` (a report reached its submit, so deviations
 * are checked) and `documentFinished` (a final step was reached, so escalations can close).
 */
function lifecycleEffects(effects: Effect[], result: { changed: boolean; final: boolean }): Effect[] {
  return [
    ...(effects.some((e) => e.type === 'markSubmitted') ? [{ type: 'documentSubmitted', params: {} }] : []),
    ...(result.changed && result.final ? [{ type: 'documentFinished', params: {} }] : []),
  ];
}

/** The due moment is resolved from the year wheel when scheduling, so the worker need not. */
/**
 * The due moment a `scheduleDeadline` effect carries, and `dueFrom`, the moment it was reckoned
 * from: the deadline worker reckons it again from the wheel as it is then (a date moved meanwhile
 * wins over the one this transition read).
 */
function withDueAt(effects: Effect[], dueAt: Date | null, now: Date): Effect[] {
  return effects.map((e) =>
    e.type === 'scheduleDeadline'
      ? {
          ...e,
          params: {
            ...e.params,
            dueAt: dueAt?.toISOString() ?? null,
            ...(dueAt ? { dueFrom: now.toISOString() } : {}),
          },
        }
      : e,
  );
}

/**
 * Facts and the forms' upstream choices cost queries: each is only read when a guard of this
 * event in this step needs it (formComplete validates against the forms).
 */
const FACT_GUARDS = /"(upstreamAdopted|withinFrame|factIs)"/;
const FORM_GUARDS = /"formComplete"/;
const NO_READS = { facts: false, forms: false };
const readsOf = new WeakMap<object, { facts: boolean; forms: boolean }>();
function guardReads(transitions: unknown): { facts: boolean; forms: boolean } {
  if (!transitions || typeof transitions !== 'object') return NO_READS;
  let reads = readsOf.get(transitions);
  if (!reads) {
    const json = JSON.stringify(transitions);
    reads = { facts: FACT_GUARDS.test(json), forms: FORM_GUARDS.test(json) };
    readsOf.set(transitions, reads);
  }
  return reads;
}
