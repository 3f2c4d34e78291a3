import type { DataSource } from 'typeorm';
import { applyDataMigration, dataHash, type DataMigrationName } from '@rodtrad/domain';
import {
  AdminAuditRepository,
  DocumentAuditRepository,
  DocumentRepository,
  OutboxRepository,
  type OutboxRecord,
  type RunningDocument,
} from '@rodtrad/persistence';
import {
  createFormValidator,
  draftSchema,
  isFinalState,
  joinPointer,
  listStates,
  snapshotAt,
  stateMeta,
  type FormFieldError,
} from '@rodtrad/workflow';
import { DefinitionAdminError } from './definition-admin-error';
import type { WorkflowDefinitionAuthoring } from './definition-authoring';
import type { LoadedDefinition } from './definition-store';
import { DeviationThresholds } from './deviation-thresholds';
import type { EnginePorts } from './ports';

export interface MigrationRequest {
  /** The older version whose running documents move. */
  from: number;
  /** Old step → new step; a step left out keeps its name when the new version has it. */
  stateMap?: Record<string, string>;
  /**
   * A data migration each moved document's data goes through (DATA_MIGRATIONS in the domain), for
   * a new version whose forms changed shape: the dry run validates the migrated data, the
   * migration stores it in the same transaction as the move.
   */
  dataMigration?: DataMigrationName;
}

export interface MigrationPlanEntry {
  documentId: string;
  title: string;
  orgUnitName: string;
  year: number;
  period: string | null;
  state: string;
  target: string | null;
  movable: boolean;
  /** Why the document cannot move (Swedish). */
  reason?: string;
  /** Data that fails the new step's form (types and formats). */
  errors?: FormFieldError[];
  /** Whether the data also satisfies the new step's form completely (required fields). */
  complete: boolean;
  missing: FormFieldError[];
  /** With a data migration: whether it changes this document's data, and what to look at. */
  dataChanged?: boolean;
  dataNotes?: string[];
}

export interface MigrationPlan {
  key: string;
  from: number;
  to: number;
  documents: MigrationPlanEntry[];
  movable: number;
  blocked: number;
}

export interface MigrationOutcome {
  migrated: number;
  skipped: { documentId: string; reason: string }[];
}

/**
 * Moves documents under way from one definition version to another. The dry run says where each
 * would land and which cannot move; the migration moves the movable ones, one transaction each:
 * guarded update of version, step and snapshot, an entry in the document's audit chain, and
 * outbox rows that cancel the old deadlines and schedule the new step's, so deadlines follow.
 * Entry actions of the new step (mails, approvals) do not run: the document is placed, not stepped.
 */
export class DefinitionMigration {
  private readonly documents: DocumentRepository;
  private readonly audit: DocumentAuditRepository;
  private readonly outbox: OutboxRepository;
  private readonly adminAudit: AdminAuditRepository;
  private readonly forms = createFormValidator();
  private readonly budgets: DeviationThresholds;

  constructor(
    private readonly ds: DataSource,
    private readonly definitions: WorkflowDefinitionAuthoring,
    private readonly ports: Pick<EnginePorts, 'dueAt' | 'now'>,
  ) {
    this.documents = new DocumentRepository(ds);
    this.audit = new DocumentAuditRepository(ds);
    this.outbox = new OutboxRepository(ds);
    this.adminAudit = new AdminAuditRepository(ds);
    this.budgets = new DeviationThresholds(ds);
  }

  /** The document with its data as the request's data migration makes it (unchanged without one). */
  private async migrated(
    doc: RunningDocument,
    request: MigrationRequest,
  ): Promise<{ doc: RunningDocument; changed: boolean; notes: string[] } | { doc: RunningDocument }> {
    if (!request.dataMigration) return { doc };
    const arsbudget = await this.budgets.frame(doc.orgUnitId, doc.year);
    const r = applyDataMigration(request.dataMigration, doc.data, { arsbudget, documentType: doc.type });
    return { doc: { ...doc, data: r.data }, changed: r.changed, notes: r.notes };
  }

  async dryRun(key: string, to: number, request: MigrationRequest): Promise<MigrationPlan> {
    const { source, target } = await this.versions(key, to, request);
    const running = await this.definitions.store.repo.runningDocuments(source.id);
    const documents: MigrationPlanEntry[] = [];
    for (const d of running) {
      const m = await this.migrated(d, request);
      const entry = this.plan(m.doc, target, request.stateMap ?? {});
      documents.push('changed' in m ? { ...entry, dataChanged: m.changed, dataNotes: m.notes } : entry);
    }
    const movable = documents.filter((d) => d.movable).length;
    return {
      key,
      from: source.version,
      to: target.version,
      documents,
      movable,
      blocked: documents.length - movable,
    };
  }

  async migrate(
    key: string,
    to: number,
    request: MigrationRequest,
    userId: string,
  ): Promise<MigrationOutcome> {
    const { source, target } = await this.versions(key, to, request);
    if (target.status !== 'published')
      throw new DefinitionAdminError(
        'conflict',
        `Version ${to} är inte publicerad. Publicera den innan dokument flyttas dit.`,
      );
    const running = await this.definitions.store.repo.runningDocuments(source.id);
    const outcome: MigrationOutcome = { migrated: 0, skipped: [] };
    for (const original of running) {
      const m = await this.migrated(original, request);
      const doc = m.doc;
      const entry = this.plan(doc, target, request.stateMap ?? {});
      if (!entry.movable || !entry.target) {
        outcome.skipped.push({ documentId: doc.id, reason: entry.reason ?? 'Kan inte flyttas.' });
        continue;
      }
      const newData = 'changed' in m && m.changed ? doc.data : undefined;
      if (await this.move(doc, source, target, entry.target, userId, newData, request.dataMigration))
        outcome.migrated++;
      else
        outcome.skipped.push({
          documentId: doc.id,
          reason: 'Dokumentet ändrades under flytten. Gör en ny provkörning och försök igen.',
        });
    }
    await this.adminAudit.append({
      actorUserId: userId,
      action: 'workflow-definition.migrated',
      entityType: 'workflow_definition',
      entityId: target.id,
      details: {
        key,
        from: source.version,
        to: target.version,
        stateMap: request.stateMap ?? {},
        dataMigration: request.dataMigration ?? null,
        ...outcome,
      },
    });
    return outcome;
  }

  private async versions(key: string, to: number, request: MigrationRequest) {
    if (request.from === to)
      throw new DefinitionAdminError('validation-failed', 'Välj en annan version att flytta från.', [
        { pointer: '/from', message: 'Versionen att flytta från måste skilja sig från målversionen.' },
      ]);
    const target = await this.definitions.version(key, to);
    const source = await this.definitions.version(key, request.from).catch((e) => {
      if (e instanceof DefinitionAdminError && e.code === 'not-found')
        throw new DefinitionAdminError('validation-failed', e.message, [
          { pointer: '/from', message: `Version ${request.from} finns inte.` },
        ]);
      throw e;
    });
    const problems: FormFieldError[] = [];
    const oldStates = new Set(listStates(source.definition));
    for (const [from, into] of Object.entries(request.stateMap ?? {})) {
      const pointer = joinPointer('/stateMap', from);
      if (!oldStates.has(from))
        problems.push({ pointer, message: `Steget ${from} finns inte i version ${source.version}.` });
      else if (!stateMeta(target.definition, into))
        problems.push({ pointer, message: `Steget ${into} finns inte i version ${target.version}.` });
      else if (isFinalState(target.definition, into))
        problems.push({
          pointer,
          message: `Ett pågående dokument kan inte flyttas till slutsteget ${into}.`,
        });
    }
    if (problems.length)
      throw new DefinitionAdminError('validation-failed', 'Stegöversättningen är inte giltig.', problems);
    return { source, target };
  }

  private plan(
    doc: RunningDocument,
    target: LoadedDefinition,
    stateMap: Record<string, string>,
  ): MigrationPlanEntry {
    const base = {
      documentId: doc.id,
      title: doc.title,
      orgUnitName: doc.orgUnitName,
      year: doc.year,
      period: doc.period,
      state: doc.state,
    };
    const into =
      stateMap[doc.state] ??
      (stateMeta(target.definition, doc.state) && !isFinalState(target.definition, doc.state)
        ? doc.state
        : null);
    if (!into)
      return {
        ...base,
        target: null,
        movable: false,
        reason: `Steget ${doc.state} saknas i version ${target.version} och har ingen översättning.`,
        complete: false,
        missing: [],
      };
    const form = stateMeta(target.definition, into)?.form;
    const schema = form ? target.forms[form]?.schema : undefined;
    const errors = schema ? this.forms.validate(draftSchema(schema), doc.data) : [];
    const missing = schema && !errors.length ? this.forms.validate(schema, doc.data) : [];
    return {
      ...base,
      target: into,
      movable: errors.length === 0,
      ...(errors.length
        ? {
            reason: `Uppgifterna passar inte formuläret i steget ${into} i version ${target.version}.`,
            errors,
          }
        : {}),
      complete: !errors.length && !missing.length,
      missing,
    };
  }

  private async move(
    doc: RunningDocument,
    source: LoadedDefinition,
    target: LoadedDefinition,
    into: string,
    userId: string,
    newData?: Record<string, unknown>,
    dataMigration?: DataMigrationName,
  ): Promise<boolean> {
    const now = this.ports.now();
    const deadline = stateMeta(target.definition, into)?.deadline;
    const dueAt = deadline ? await this.ports.dueAt(deadline.key, doc.year, doc.period, now) : null;
    const link = this.audit.next(
      {
        documentId: doc.id,
        at: now.toISOString(),
        actorUserId: userId,
        onBehalfOfUserId: null,
        via: 'user',
        event: 'MIGRATE',
        fromState: doc.state,
        toState: into,
        comment:
          `Migrerad från version ${source.version} till ${target.version}` +
          (newData ? `, uppgifterna omräknade (${dataMigration})` : ''),
        dataHash: dataHash(doc.data),
      },
      { seq: doc.auditSeq, hash: doc.auditHash },
    );
    const version = doc.version + 1;
    const effects = [
      { type: 'cancelDeadlines', params: { state: null } },
      ...(deadline
        ? [
            {
              type: 'scheduleDeadline',
              params: {
                state: into,
                key: deadline.key,
                reminders: deadline.reminders ?? [],
                onDue: deadline.onDue ?? null,
                escalate: deadline.escalate ?? false,
                dueAt: dueAt?.toISOString() ?? null,
                ...(dueAt ? { dueFrom: now.toISOString() } : {}),
              },
            },
          ]
        : []),
    ];
    const records: OutboxRecord[] = effects.map((e, i) => ({
      documentId: doc.id,
      effectType: e.type,
      payload: {
        ...e.params,
        documentId: doc.id,
        documentType: doc.type,
        orgUnitId: doc.orgUnitId,
        year: doc.year,
        period: doc.period,
      },
      dedupeKey: `${doc.id}__v${version}__${i}__${e.type}`,
    }));
    return this.ds.transaction(async (m) => {
      const moved = await this.documents.guardedUpdate(
        doc.id,
        doc.version,
        {
          definitionId: target.id,
          state: into,
          snapshot: snapshotAt(target.compiled, into),
          final: false,
          dueAt,
          overdue: false,
          auditSeq: link.seq,
          auditHash: link.hash,
          ...(newData ? { data: newData } : {}),
        },
        m,
      );
      if (!moved) return false;
      await this.audit.insert(link, m);
      await this.outbox.add(records, m);
      return true;
    });
  }
}
