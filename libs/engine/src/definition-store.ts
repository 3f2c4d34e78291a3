import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { isDeadlineKey, isDocumentTypeKey, isRoleKey } from '@rodtrad/domain';
import { withNamedLock, WorkflowDefinitionRepository, type StoredDefinition } from '@rodtrad/persistence';
import {
  compileWorkflow,
  createRegistry,
  definitionChecksum,
  loadFormCatalog,
  loadShippedDefinitions,
  validateDefinition,
  type CompiledWorkflow,
  type DefinitionCatalogs,
  type FormCatalog,
  type FormEntry,
  type Registry,
  type WorkflowDefinition,
} from '@rodtrad/workflow';

/** The forms of one definition version, by form name, frozen with the version. */
export type FormBundle = Record<string, FormEntry>;

export interface LoadedDefinition {
  id: string;
  key: string;
  version: number;
  status: string;
  title: string;
  checksum: string;
  definition: WorkflowDefinition;
  forms: FormBundle;
  compiled: CompiledWorkflow;
}

export class ShippedDefinitionsInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`The shipped workflow definitions are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ShippedDefinitionsInvalidError';
  }
}

export interface DefinitionStoreOptions {
  workflowsDir: string;
  formsDir: string;
}

/**
 * Definitions as versioned data. The files in workflows/ (and their forms) are checked at
 * start-up and become versions in the database; documents are pinned to a stored version,
 * which is loaded and compiled once per process.
 */
export class DefinitionStore {
  readonly registry: Registry = createRegistry();
  readonly repo: WorkflowDefinitionRepository;
  private readonly formCatalog: FormCatalog;
  private readonly loaded = new Map<string, LoadedDefinition>();

  constructor(
    private readonly ds: DataSource,
    private readonly options: DefinitionStoreOptions,
  ) {
    this.repo = new WorkflowDefinitionRepository(ds);
    this.formCatalog = loadFormCatalog(options.formsDir);
  }

  static fromCwd(ds: DataSource, cwd = process.cwd()): DefinitionStore {
    return new DefinitionStore(ds, { workflowsDir: join(cwd, 'workflows'), formsDir: join(cwd, 'forms') });
  }

  catalogs(
    forms: (key: string, form: string) => boolean = (k, f) => this.formCatalog.has(k, f),
  ): DefinitionCatalogs {
    return {
      registry: this.registry,
      formExists: forms,
      roleExists: isRoleKey,
      deadlineKeyExists: isDeadlineKey,
      documentTypeExists: isDocumentTypeKey,
    } as DefinitionCatalogs;
  }

  /** Every form of a document type, from the forms/ folder. */
  formsOf(key: string): FormBundle {
    const out: FormBundle = {};
    for (const { type, step } of this.formCatalog.list())
      if (type === key) out[step] = this.formCatalog.get(type, step) as FormEntry;
    return out;
  }

  /** Reads and checks the shipped definitions; throws with every problem, file and pointer. */
  checkShipped(): { definition: WorkflowDefinition; forms: FormBundle; checksum: string }[] {
    const problems: string[] = [];
    const out: { definition: WorkflowDefinition; forms: FormBundle; checksum: string }[] = [];
    for (const shipped of loadShippedDefinitions(this.options.workflowsDir)) {
      const result = validateDefinition(shipped.definition, this.catalogs());
      for (const p of result.problems)
        problems.push(`${shipped.file}#${p.pointer}: ${p.message} (${p.code})`);
      if (!result.ok) continue;
      const definition = shipped.definition as WorkflowDefinition;
      const forms = this.formsOf(definition.key);
      out.push({ definition, forms, checksum: definitionChecksum({ definition, forms }) });
    }
    if (problems.length) throw new ShippedDefinitionsInvalidError(problems);
    return out;
  }

  /**
   * Makes each shipped file a published version: version 1 on first start, a new version when
   * the file (or one of its forms) changed. A published version is never edited.
   *
   * Every API process syncs when it starts, and so does the setup command (`npm start`, Docker's
   * setup service); several may start at once (API replicas, a deploy). So the sync holds a lock of the database's:
   * otherwise two processes could both find a file missing, and the second would publish a copy
   * of the first's version as version 2.
   */
  async syncShipped(): Promise<{ key: string; version: number }[]> {
    const shipped = this.checkShipped();
    return withNamedLock(this.ds, 'sync-shipped-definitions', () => this.appendChanged(shipped));
  }

  private async appendChanged(
    shipped: ReturnType<DefinitionStore['checkShipped']>,
  ): Promise<{ key: string; version: number }[]> {
    const created: { key: string; version: number }[] = [];
    for (const s of shipped) {
      const latestShipped = (await this.repo.versions(s.definition.key))
        .filter((v) => v.source === 'shipped')
        .at(-1);
      if (latestShipped?.checksum === s.checksum) continue;
      try {
        const { version } = await this.repo.appendVersion({
          key: s.definition.key,
          title: s.definition.title,
          checksum: s.checksum,
          definition: s.definition,
          forms: s.forms,
          source: 'shipped',
          status: 'published',
        });
        created.push({ key: s.definition.key, version });
      } catch (e) {
        // Another process appended the same version at the same moment: theirs stands.
        if ((e as { code?: string }).code !== 'ER_DUP_ENTRY') throw e;
      }
    }
    return created;
  }

  async load(id: string): Promise<LoadedDefinition> {
    const hit = this.loaded.get(id);
    if (hit) return hit;
    const stored = await this.repo.get<WorkflowDefinition, FormBundle>(id);
    if (!stored) throw new Error(`Workflow definition ${id} does not exist`);
    return this.remember(stored);
  }

  async published(key: string): Promise<LoadedDefinition | null> {
    const stored = await this.repo.latestPublished<WorkflowDefinition, FormBundle>(key);
    return stored ? (this.loaded.get(stored.id) ?? this.remember(stored)) : null;
  }

  private remember(stored: StoredDefinition<WorkflowDefinition, FormBundle>): LoadedDefinition {
    const loaded: LoadedDefinition = {
      id: stored.id,
      key: stored.key,
      version: stored.version,
      status: stored.status,
      title: stored.title,
      checksum: stored.checksum,
      definition: stored.definition,
      forms: stored.forms,
      compiled: compileWorkflow(stored.definition, this.registry),
    };
    // Drafts may still change; only immutable (published or retired) versions are cached.
    if (stored.status !== 'draft') this.loaded.set(stored.id, loaded);
    return loaded;
  }
}
