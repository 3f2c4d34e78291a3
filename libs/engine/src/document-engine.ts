import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  documentCreationProblem,
  withRiskValues,
  parseMonthPeriod,
  documentTitle,
  type DocumentTypeKey,
  type OrgUnitNode,
} from '@rodtrad/domain';
import { inSpan, metrics, secondsSince } from '@rodtrad/observability';
import { DocumentRepository, type DocumentRow } from '@rodtrad/persistence';
import {
  guardInputs,
  initialStep,
  keepReadOnlyFields,
  stateMeta,
  step,
  type Effect,
  type GuardContext,
  type WorkflowEvent,
} from '@rodtrad/workflow';
import { DefinitionStore, type FormBundle, type LoadedDefinition } from './definition-store';
import { DocumentAccess, type AllowedEvent } from './document-access';
import { DocumentCache } from './document-cache';
import { DocumentFacts } from './document-facts';
import { DocumentPrefill } from './document-prefill';
import { withAnnualBudget } from './document-choices';
import { DocumentForms } from './document-forms';
import { EngineError, staleVersion } from './engine-error';
import type { EngineActor, EnginePorts } from './ports';
import { outboxedEffects, withDueAt } from './transition-effects';
import { TransitionWriter } from './transition-writer';

export { sentBackOf, type LastTransition, type SentBack } from './document-sent-back';

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

/** An event the actor could send in this step but whose guard refuses it now, and why. */
export interface UnavailableEvent extends AllowedEvent {
  /** The guard's Swedish reason, as the refusal would say it. */
  reason: string;
  /** The document that must move first (the upstream document not yet adopted), when there is one. */
  blockedBy: { id: string; title: string } | null;
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

export interface SaveDataCommand {
  documentId: string;
  data: Record<string, unknown>;
  expectedVersion: number;
  actor: EngineActor;
}

/**
 * The one place where documents change, and the facade the apps call. Each step is: load the
 * snapshot (or take the remembered row), check access, take the pure machine step (libs/workflow),
 * and hand the result to the transition writer, which persists it in one transaction with its
 * audit entry and outbox rows. Who may do what is DocumentAccess; forms and their upstream choices
 * are DocumentForms; the rules of a new document are the domain's (documentCreationProblem).
 */
export class DocumentEngine {
  private readonly documents: DocumentRepository;
  private readonly access: DocumentAccess;
  private readonly forms: DocumentForms;
  private readonly facts: DocumentFacts;
  private readonly prefill: DocumentPrefill;
  private readonly writer: TransitionWriter;
  private readonly cache: DocumentCache;

  constructor(
    ds: DataSource,
    private readonly definitions: DefinitionStore,
    private readonly ports: EnginePorts,
    options: DocumentEngineOptions = {},
  ) {
    const orgTree = () => ports.orgTree();
    this.documents = new DocumentRepository(ds);
    this.access = new DocumentAccess(orgTree);
    this.forms = new DocumentForms(ds, orgTree);
    this.facts = new DocumentFacts(ds);
    this.prefill = new DocumentPrefill(ds);
    this.writer = new TransitionWriter(ds, this.documents);
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
  may(actor: EngineActor, roles: readonly string[] | undefined, orgUnitId: string): Promise<boolean> {
    return this.access.may(actor, roles, orgUnitId);
  }

  /** A user acts only on documents of units their roles reach (the system and links are checked elsewhere). */
  requireInScope(actor: EngineActor, doc: DocumentRow): Promise<void> {
    return this.access.requireInScope(actor, doc);
  }

  async create(cmd: CreateDocumentCommand): Promise<DocumentRow> {
    const unit = (await this.ports.orgTree()).get(cmd.orgUnitId);
    const period = cmd.period ?? null;
    let problem = documentCreationProblem({ type: cmd.type, unit, year: cmd.year, period });
    // A monthly report of a month the municipality added to the year's wheel (§6.1 periods are
    // the wheel's data): the wheel has a dated line for it.
    if (
      problem?.pointer === '/period' &&
      cmd.type === 'manadsrapport' &&
      period !== null &&
      parseMonthPeriod(period)?.year === cmd.year &&
      (await this.ports.dueAt('manadsrapport', cmd.year, period, this.ports.now())) !== null
    )
      problem = null;
    if (problem)
      throw new EngineError('invalid-request', problem.detail, [
        { pointer: problem.pointer, message: problem.message },
      ]);
    // Both known now: the rules refuse an unknown type or unit.
    const type = cmd.type as DocumentTypeKey;
    const owner = unit as OrgUnitNode;
    const def = await this.definitions.published(type);
    if (!def)
      throw new EngineError(
        'invalid-request',
        `Det finns ingen publicerad version av arbetsflödet för ${type}.`,
      );
    await this.access.requireCreate(cmd.actor, def, cmd.orgUnitId);
    const id = randomUUID();
    const now = this.ports.now();
    // An internkontrollplan's risk values are computed, never taken as sent (withRiskValues).
    const data = withRiskValues(cmd.data ?? (await this.prefill.of(type, cmd.year, owner.id)));
    const doc = { id, type, orgUnitId: owner.id, year: cmd.year, period };
    const first = initialStep(def.compiled, this.guardContext(doc, data, cmd.actor, {}));
    const dueAt = await this.dueAtFor(def, first.state, cmd.year, period, now);
    await this.writer.insert(
      {
        ...doc,
        title: cmd.title ?? documentTitle(type, cmd.year, period, owner.name),
        definitionId: def.id,
        snapshot: first.snapshot,
        state: first.state,
        final: first.final,
        data,
        dueAt,
      },
      { actor: cmd.actor, event: 'CREATE', fromState: null, toState: first.state, comment: null, at: now },
      withDueAt(first.effects, dueAt, now),
    );
    return (await this.documents.get(id)) as DocumentRow;
  }

  /** One workflow event: counted and timed by document type and outcome, in a span of its own (#21). */
  async transition(cmd: TransitionCommand): Promise<TransitionOutcome> {
    const started = process.hrtime.bigint();
    let documentType = 'unknown';
    return inSpan('document.transition', { 'rodtrad.event': cmd.event.type }, () =>
      this.atVersion(cmd.documentId, cmd.expectedVersion, (doc, def, remembered) => {
        documentType = doc.type;
        return this.transitionFrom(doc, def, cmd, remembered);
      }),
    ).then(
      (outcome) => {
        metrics.transitions.inc({ document_type: documentType, outcome: 'ok' });
        metrics.transitionDuration.observe({ document_type: documentType }, secondsSince(started));
        return outcome;
      },
      (e: unknown) => {
        const outcome = e instanceof EngineError ? e.code : 'error';
        metrics.transitions.inc({ document_type: documentType, outcome });
        throw e;
      },
    );
  }

  private async transitionFrom(
    doc: DocumentRow,
    def: LoadedDefinition,
    cmd: TransitionCommand,
    remembered: boolean,
  ): Promise<TransitionOutcome> {
    await this.access.requireInScope(cmd.actor, doc);
    await this.access.requireEvent(cmd.actor, doc, def, cmd.event.type);
    if (doc.version !== cmd.expectedVersion) throw staleVersion(doc.version);
    // Facts and the forms' upstream choices cost queries: read only what this event's guards declare.
    const reads = guardInputs(
      def.definition.machine.states[doc.state]?.on?.[cmd.event.type],
      def.compiled.registry,
    );
    const facts = reads.facts ? await this.facts.compute(doc, await this.ports.orgTree()) : {};
    const forms = reads.forms ? await this.forms.of(doc, def) : undefined;
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
    const outboxed = outboxedEffects(effects, result);
    const written = await this.writer.transition(
      doc,
      cmd.expectedVersion,
      result,
      { all: effects, outboxed, dueAt },
      {
        actor: cmd.actor,
        event: cmd.event.type,
        fromState: result.previousState,
        toState: result.state,
        comment: cmd.event.comment ?? null,
        at: now,
      },
      // A remembered row's wheel revision may be old: the due date is written only if it is not.
      remembered,
    );
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
  async saveData(cmd: SaveDataCommand): Promise<{ version: number }> {
    return this.atVersion(cmd.documentId, cmd.expectedVersion, (doc, def) => this.saveDataOn(doc, def, cmd));
  }

  private async saveDataOn(
    doc: DocumentRow,
    def: LoadedDefinition,
    cmd: SaveDataCommand,
  ): Promise<{ version: number }> {
    await this.access.requireEditor(cmd.actor, doc, def);
    if (doc.final) throw new EngineError('invalid-request', 'Dokumentet är avslutat och kan inte ändras.');
    const formName = stateMeta(def.definition, doc.state)?.form;
    const form = formName ? (await this.forms.of(doc, def))[formName] : undefined;
    // Per-step edit rights of fields: what the step's form marks read-only keeps its stored value
    // (#18; before the values the server computes below, which follow their inputs).
    if (form && cmd.actor.via !== 'system')
      cmd = { ...cmd, data: keepReadOnlyFields(form.uiSchema, doc.data, cmd.data) };
    // A report's annual budget is the adopted frame's, not what the author sent (read-only).
    if (form) cmd = { ...cmd, data: withAnnualBudget(form.schema, cmd.data) };
    // An internkontrollplan's risk value is sannolikhet × konsekvens, whatever was typed (#16).
    cmd = { ...cmd, data: withRiskValues(cmd.data) };
    if (form) {
      const errors = this.forms.validateDraft(form.schema, cmd.data);
      if (errors.length)
        throw new EngineError('validation-failed', 'Uppgifterna är inte giltiga. Se varje fält.', errors);
    }
    if (doc.version !== cmd.expectedVersion) throw staleVersion(doc.version);
    const head = await this.writer.save(doc, cmd.expectedVersion, cmd.data, {
      actor: cmd.actor,
      event: 'SAVE',
      fromState: doc.state,
      toState: doc.state,
      comment: null,
      at: this.ports.now(),
    });
    const version = cmd.expectedVersion + 1;
    this.cache.remember({ ...doc, data: structuredClone(cmd.data), ...head, version });
    return { version };
  }

  /** Events the actor may send now, for the buttons of the document page. */
  allowedEvents(doc: DocumentRow, def: LoadedDefinition, actor: EngineActor): Promise<AllowedEvent[]> {
    return this.access.allowedEvents(doc, def, actor);
  }

  /**
   * The actor's events split by what the guards would answer now (#18, no dead ends): those a
   * guard would refuse for a reason the form cannot show (an upstream document not adopted, a
   * budget over its frame) are `unavailable`, with the guard's reason and, for upstreamAdopted,
   * the document that must be adopted first. The form's completeness is not asked here: a click
   * shows each field at fault, which is more use than a disabled button.
   */
  async eventsFor(
    doc: DocumentRow,
    def: LoadedDefinition,
    actor: EngineActor,
  ): Promise<{ allowed: AllowedEvent[]; unavailable: UnavailableEvent[] }> {
    const mine = await this.access.allowedEvents(doc, def, actor);
    if (!mine.length || doc.final) return { allowed: mine, unavailable: [] };
    const on = def.definition.machine.states[doc.state]?.on ?? {};
    const needsFacts = mine.some((e) => guardInputs(on[e.type], def.compiled.registry).facts);
    const facts = needsFacts ? await this.facts.compute(doc, await this.ports.orgTree()) : {};
    const context = { ...this.guardContext(doc, doc.data, actor, facts), validateForm: () => [] };
    const allowed: AllowedEvent[] = [];
    const unavailable: UnavailableEvent[] = [];
    for (const e of mine) {
      const result = step({
        definition: def.compiled,
        snapshot: doc.snapshot as never,
        event: { type: e.type, ...(e.requiresComment ? { comment: '–' } : {}) },
        guardContext: context,
      });
      if (result.ok || result.errors?.length) {
        allowed.push(e);
        continue;
      }
      const upstreamId = facts['upstreamDocumentId'];
      unavailable.push({
        ...e,
        reason: result.reason,
        blockedBy:
          result.guard === 'upstreamAdopted' && typeof upstreamId === 'string'
            ? { id: upstreamId, title: String(facts['upstreamTitle'] ?? '') }
            : null,
      });
    }
    return { allowed, unavailable };
  }

  canEdit(doc: DocumentRow, def: LoadedDefinition, actor: EngineActor): Promise<boolean> {
    return this.access.canEdit(doc, def, actor);
  }

  /** The forms of the document's pinned version, with the choices from upstream documents (DocumentForms). */
  formsFor(
    doc: Pick<DocumentRow, 'type' | 'orgUnitId' | 'year'>,
    def: LoadedDefinition,
  ): Promise<FormBundle> {
    return this.forms.of(doc, def);
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
}
