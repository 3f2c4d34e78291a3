import type { DataSource } from 'typeorm';
import { AdminAuditRepository } from '@rodtrad/persistence';
import {
  checkFormVersion,
  definitionChecksum,
  diffDefinitions,
  joinPointer,
  pathsCoveringAllTransitions,
  simulateWorkflow,
  validateDefinition,
  type DefinitionDiff,
  type FormEntry,
  type SimulationEvent,
  type SimulationResult,
  type WorkflowDefinition,
} from '@rodtrad/workflow';
import { DefinitionAdminError, problemText } from './definition-admin-error';
import type { DefinitionStore, FormBundle, LoadedDefinition } from './definition-store';

export interface DraftInput {
  definition: unknown;
  /** The forms frozen with the version; absent: those of the published version. */
  forms?: FormBundle;
}

export interface SimulationRequest {
  events: SimulationEvent[];
  data?: Record<string, unknown>;
  facts?: Record<string, unknown>;
  roles?: string[];
}

export interface PathReport {
  events: string[];
  states: string[];
  end: string;
  final: boolean;
  length: number;
}

const ENTITY = 'workflow_definition';

/**
 * Administrators' changes to workflow definitions: drafts created and edited from JSON, checked
 * like the shipped files (every problem with a pointer into the request body), compared,
 * simulated and published. Published and retired versions never change; each change is audited.
 */
export class WorkflowDefinitionAuthoring {
  private readonly audit: AdminAuditRepository;

  constructor(
    private readonly ds: DataSource,
    readonly store: DefinitionStore,
  ) {
    this.audit = new AdminAuditRepository(ds);
  }

  async versions(key: string) {
    const versions = await this.store.repo.versionsWithCounts(key);
    if (!versions.length) throw new DefinitionAdminError('not-found', `Arbetsflödet ${key} finns inte.`);
    return versions;
  }

  async version(key: string, version: number): Promise<LoadedDefinition> {
    const stored = await this.store.repo.getVersion(key, version);
    if (!stored) throw new DefinitionAdminError('not-found', `Version ${version} av ${key} finns inte.`);
    return this.store.load(stored.id);
  }

  /** Every problem of a draft, with pointers into the request body ({definition, forms}). */
  problems(key: string, input: { definition: unknown; forms: FormBundle }) {
    const out: { pointer: string; message: string; code?: string }[] = [];
    for (const [name, form] of Object.entries(input.forms))
      for (const p of checkFormVersion(form))
        out.push({ pointer: joinPointer('/forms', name) + p.pointer, message: p.message, code: 'form' });
    const def = input.definition as Partial<WorkflowDefinition> | null;
    if (def && typeof def === 'object' && def.key !== key)
      out.push({
        pointer: '/definition/key',
        message: `Definitionens key måste vara ${key}, som i adressen.`,
        code: 'key-mismatch',
      });
    const result = validateDefinition(
      input.definition,
      this.store.catalogs((_k, form) => Object.hasOwn(input.forms, form)),
    );
    for (const p of result.problems)
      out.push({ pointer: '/definition' + p.pointer, message: problemText(p.code, p.message), code: p.code });
    return out;
  }

  private async checked(key: string, input: DraftInput, fallbackForms: () => Promise<FormBundle>) {
    const forms = input.forms ?? (await fallbackForms());
    const problems = this.problems(key, { definition: input.definition, forms });
    if (problems.length)
      throw new DefinitionAdminError(
        'validation-failed',
        'Definitionen är inte giltig. Se varje problem.',
        problems,
      );
    const definition = input.definition as WorkflowDefinition;
    return { definition, forms, checksum: definitionChecksum({ definition, forms }) };
  }

  async createDraft(
    key: string,
    input: DraftInput,
    userId: string,
    note: Record<string, unknown> = {},
  ): Promise<{ id: string; version: number }> {
    const base =
      (await this.store.repo.latestPublished<WorkflowDefinition, FormBundle>(key)) ??
      (await this.store.repo.latest<WorkflowDefinition, FormBundle>(key));
    if (!base) throw new DefinitionAdminError('not-found', `Arbetsflödet ${key} finns inte.`);
    const draft = await this.checked(key, input, async () => base.forms);
    return this.ds.transaction(async (m) => {
      const created = await this.store.repo.appendVersion(
        {
          key,
          title: draft.definition.title,
          checksum: draft.checksum,
          definition: draft.definition,
          forms: draft.forms,
          source: 'admin',
          status: 'draft',
          authorUserId: userId,
        },
        m,
      );
      await this.audit.append(
        {
          actorUserId: userId,
          action: 'workflow-definition.draft-created',
          entityType: ENTITY,
          entityId: created.id,
          details: {
            key,
            version: created.version,
            basedOn: base.version,
            checksum: draft.checksum,
            ...note,
          },
        },
        m,
      );
      return created;
    });
  }

  async updateDraft(
    key: string,
    version: number,
    input: DraftInput,
    userId: string,
    note: Record<string, unknown> = {},
  ): Promise<{ version: number }> {
    const current = await this.version(key, version);
    if (current.status !== 'draft')
      throw new DefinitionAdminError(
        'conflict',
        `Version ${version} är ${current.status === 'published' ? 'publicerad' : 'tillbakadragen'} och ändras aldrig. Skapa en ny version.`,
      );
    const draft = await this.checked(key, input, async () => current.forms);
    await this.ds.transaction(async (m) => {
      const updated = await this.store.repo.updateDraft(
        current.id,
        { title: draft.definition.title, ...draft },
        m,
      );
      if (!updated)
        throw new DefinitionAdminError(
          'conflict',
          `Version ${version} publicerades under tiden och ändras inte.`,
        );
      await this.audit.append(
        {
          actorUserId: userId,
          action: 'workflow-definition.draft-updated',
          entityType: ENTITY,
          entityId: current.id,
          details: { key, version, from: current.checksum, to: draft.checksum, ...note },
        },
        m,
      );
    });
    return { version };
  }

  async publish(
    key: string,
    version: number,
    userId: string,
  ): Promise<{ version: number; retired: number[] }> {
    const current = await this.version(key, version);
    const retired = await this.ds.transaction(async (m) => {
      const out = await this.store.repo.publish(current.id, key, m);
      if (!out)
        throw new DefinitionAdminError(
          'conflict',
          `Version ${version} är inget utkast och kan inte publiceras.`,
        );
      await this.audit.append(
        {
          actorUserId: userId,
          action: 'workflow-definition.published',
          entityType: ENTITY,
          entityId: current.id,
          details: { key, version, retired: out, checksum: current.checksum },
        },
        m,
      );
      return out;
    });
    return { version, retired };
  }

  async diff(key: string, a: number, b: number): Promise<DefinitionDiff & { from: number; to: number }> {
    const [va, vb] = [await this.version(key, a), await this.version(key, b)];
    return { from: a, to: b, ...diffDefinitions(va, vb) };
  }

  async simulate(key: string, version: number, request: SimulationRequest): Promise<SimulationResult> {
    const v = await this.version(key, version);
    return simulateWorkflow({
      compiled: v.compiled,
      forms: v.forms as Record<string, FormEntry>,
      events: request.events,
      data: request.data,
      facts: request.facts,
      roles: request.roles,
    });
  }

  async paths(key: string, version: number): Promise<PathReport[]> {
    const v = await this.version(key, version);
    return pathsCoveringAllTransitions(v.definition).map((p) => ({
      events: p.events,
      states: [v.definition.machine.initial, ...p.steps.map((s) => s.to)],
      end: p.end,
      final: p.final,
      length: p.events.length,
    }));
  }
}
