import {
  checkFormVersion,
  definitionChecksum,
  diffDefinitions,
  type DefinitionDiff,
  type JsonObject,
  type WorkflowDefinition,
} from '@rodtrad/workflow';
import { DefinitionAdminError } from './definition-admin-error';
import type { WorkflowDefinitionAuthoring } from './definition-authoring';
import type { DefinitionStore, FormBundle } from './definition-store';

export interface FormVersionView {
  /** The definition version whose bundle holds this form version. */
  version: number;
  status: string;
  present: boolean;
  checksum: string | null;
  /** Whether the form differs from the one in the version before. */
  changed: boolean;
  documents: number;
  running: number;
}

/**
 * Forms are versioned with their definition: a new form version becomes part of the draft
 * definition version of its document type (the open draft, or a new one copied from the published
 * version), and is published by publishing that version. Documents keep the forms of the
 * definition version they are pinned to, so a running document never meets a form it was not
 * written for.
 */
export class FormVersionAuthoring {
  constructor(
    private readonly store: DefinitionStore,
    private readonly definitions: WorkflowDefinitionAuthoring,
  ) {}

  async list(type: string, step: string): Promise<FormVersionView[]> {
    const out: FormVersionView[] = [];
    let previous: string | null = null;
    for (const v of await this.definitions.versions(type)) {
      const stored = await this.store.repo.get<WorkflowDefinition, FormBundle>(v.id);
      const form = stored?.forms[step];
      const checksum = form ? definitionChecksum(form) : null;
      out.push({
        version: v.version,
        status: v.status,
        present: !!form,
        checksum,
        changed: out.length > 0 && checksum !== previous,
        documents: v.documents,
        running: v.running,
      });
      previous = checksum;
    }
    if (!out.some((f) => f.present))
      throw new DefinitionAdminError('not-found', `Formuläret ${type}/${step} finns inte.`);
    return out;
  }

  /** Saves a form version into the open draft of the type, or a new draft; answers which. */
  async create(
    type: string,
    step: string,
    form: { schema: JsonObject; uiSchema?: JsonObject },
    userId: string,
  ): Promise<{ version: number; createdDraft: boolean }> {
    const problems = checkFormVersion(form);
    if (problems.length)
      throw new DefinitionAdminError(
        'validation-failed',
        'Formuläret är inte giltigt. Se varje problem.',
        problems,
      );
    const latest = await this.store.repo.latest<WorkflowDefinition, FormBundle>(type);
    if (!latest) throw new DefinitionAdminError('not-found', `Arbetsflödet ${type} finns inte.`);
    const entry = { schema: form.schema, uiSchema: form.uiSchema ?? {} };
    const note = { form: step, formChecksum: definitionChecksum(entry) };
    if (latest.status === 'draft') {
      const forms = { ...latest.forms, [step]: entry };
      await this.definitions.updateDraft(
        type,
        latest.version,
        { definition: latest.definition, forms },
        userId,
        note,
      );
      return { version: latest.version, createdDraft: false };
    }
    const published = (await this.store.repo.latestPublished<WorkflowDefinition, FormBundle>(type)) ?? latest;
    const forms = { ...published.forms, [step]: entry };
    const created = await this.definitions.createDraft(
      type,
      { definition: published.definition, forms },
      userId,
      note,
    );
    return { version: created.version, createdDraft: true };
  }

  async diff(type: string, step: string, a: number, b: number) {
    const [va, vb] = [await this.definitions.version(type, a), await this.definitions.version(type, b)];
    const only = (forms: FormBundle) => (forms[step] ? { [step]: forms[step] } : {});
    const d: DefinitionDiff = diffDefinitions(
      { definition: va.definition, forms: only(va.forms) },
      { definition: va.definition, forms: only(vb.forms) },
    );
    const change = d.forms.changed[0];
    return {
      form: step,
      from: a,
      to: b,
      unchanged: d.unchanged,
      added: d.forms.added.length > 0,
      removed: d.forms.removed.length > 0,
      schemaChanged: change?.schemaChanged ?? false,
      uiSchemaChanged: change?.uiSchemaChanged ?? false,
      fields: d.formFields,
    };
  }

  async publish(type: string, step: string, version: number, userId: string) {
    const v = await this.definitions.version(type, version);
    if (!v.forms[step])
      throw new DefinitionAdminError(
        'not-found',
        `Version ${version} av ${type} har inget formulär ${step}.`,
      );
    return this.definitions.publish(type, version, userId);
  }
}
