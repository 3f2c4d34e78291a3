import type { DataSource } from 'typeorm';
import type { OrgTree } from '@rodtrad/domain';
import type { DocumentRow } from '@rodtrad/persistence';
import { createFormValidator, draftSchema, type FormFieldError, type JsonObject } from '@rodtrad/workflow';
import type { FormBundle, LoadedDefinition } from './definition-store';
import { DocumentChoices, hasChoices, withGoalMessages } from './document-choices';

/**
 * The forms of a document's pinned definition version, with the choices that come from upstream
 * documents injected (strategic areas, the nämnd's adopted goals): what the page shows and what
 * the server validates against are the same schema.
 */
export class DocumentForms {
  private readonly validator = createFormValidator();
  private readonly choices: DocumentChoices;

  constructor(
    ds: DataSource,
    private readonly orgTree: () => Promise<OrgTree>,
  ) {
    this.choices = new DocumentChoices(ds);
  }

  async of(
    doc: Pick<DocumentRow, 'type' | 'orgUnitId' | 'year'>,
    def: LoadedDefinition,
  ): Promise<FormBundle> {
    const choices = await this.choices.for(doc, await this.orgTree());
    if (!hasChoices(choices)) return def.forms;
    return Object.fromEntries(
      Object.entries(def.forms).map(([name, f]) => [
        name,
        { ...f, schema: this.choices.apply(f.schema, choices) },
      ]),
    );
  }

  /** Complete against the form: what a step's `formComplete` guard asks. */
  validate(schema: JsonObject, data: unknown): FormFieldError[] {
    return withGoalMessages(this.validator.validate(schema, data));
  }

  /** Types and formats only, for saving a draft: completeness is checked when the step is left. */
  validateDraft(schema: JsonObject, data: unknown): FormFieldError[] {
    return withGoalMessages(this.validator.validate(draftSchema(schema), data));
  }
}
