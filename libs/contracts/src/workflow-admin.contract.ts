import type { FromSchema } from 'json-schema-to-ts';
import { DATA_MIGRATIONS } from '@rodtrad/domain';
import type { JsonSchema } from './json-schema';
import { pageSchema } from './paging';

/** One form of a version's bundle: an RJSF schema and its uiSchema. */
const formEntry = {
  type: 'object',
  required: ['schema'],
  additionalProperties: false,
  properties: {
    schema: { type: 'object', description: 'JSON Schema (draft-07) with type "object" at the root' },
    uiSchema: { type: 'object', description: 'RJSF uiSchema; may only name fields of the schema' },
  },
} as const;

export const formEntrySchema: JsonSchema = formEntry;

export const definitionVersionBodySchema: JsonSchema = {
  type: 'object',
  required: ['definition'],
  additionalProperties: false,
  properties: {
    definition: {
      type: 'object',
      description:
        'The definition, in the format of workflows/*.workflow.json; its key must be the key of the path',
    },
    forms: {
      type: 'object',
      additionalProperties: formEntrySchema,
      description:
        'The forms frozen with the version, by form name. Absent: the forms of the published version (POST) or of the draft (PUT).',
    },
  },
};

export const versionCreatedSchema: JsonSchema = {
  type: 'object',
  required: ['version'],
  properties: { version: { type: 'integer' } },
};

/** GET /api/workflow-definitions: every key with its latest and published version. */
export const definitionListSchema: JsonSchema = pageSchema({
  type: 'object',
  properties: {
    key: { type: 'string' },
    title: { type: 'string' },
    latestVersion: { type: 'integer' },
    publishedVersion: { type: 'integer', nullable: true },
  },
});

/** GET /api/workflow-definitions/{key}/versions/{version}: one version with its forms. */
const definitionVersion = {
  type: 'object',
  required: [
    'key',
    'version',
    'status',
    'title',
    'checksum',
    'createdAt',
    'publishedAt',
    'definition',
    'forms',
  ],
  additionalProperties: false,
  properties: {
    key: { type: 'string' },
    version: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'published', 'retired'] },
    title: { type: 'string' },
    checksum: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    publishedAt: { type: 'string', format: 'date-time', nullable: true },
    definition: {
      type: 'object',
      description: 'The definition, in the format of workflows/*.workflow.json',
    },
    forms: {
      type: 'object',
      additionalProperties: formEntry,
      description: 'The forms frozen with the version',
    },
  },
} as const;

export type DefinitionVersionView = FromSchema<typeof definitionVersion>;
export const definitionVersionSchema: JsonSchema = definitionVersion;

export const definitionVersionListSchema: JsonSchema = pageSchema({
  type: 'object',
  properties: {
    version: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'published', 'retired'] },
    title: { type: 'string' },
    checksum: { type: 'string' },
    source: { type: 'string', enum: ['shipped', 'admin'] },
    createdAt: { type: 'string', format: 'date-time' },
    publishedAt: { type: 'string', format: 'date-time', nullable: true },
    documents: { type: 'integer', description: 'Documents pinned to the version' },
    running: { type: 'integer', description: 'Of those, documents not yet in a final step' },
  },
});

const changes = (item: JsonSchema, changed: JsonSchema = item): JsonSchema => ({
  type: 'object',
  properties: {
    added: { type: 'array', items: item },
    removed: { type: 'array', items: item },
    changed: { type: 'array', items: changed },
  },
});
const attributeChanges = {
  type: 'array',
  items: {
    type: 'object',
    properties: { attribute: { type: 'string' }, from: {}, to: {} },
  },
};
const transitionRef = {
  type: 'object',
  properties: {
    from: { type: 'string' },
    event: { type: 'string' },
    candidate: { type: 'integer' },
    to: { type: 'string' },
  },
};
const formFieldRef = {
  type: 'object',
  properties: { form: { type: 'string' }, path: { type: 'string' }, required: { type: 'boolean' } },
};

export const formFieldChangesSchema: JsonSchema = changes(formFieldRef, {
  type: 'object',
  properties: { form: { type: 'string' }, path: { type: 'string' }, changes: attributeChanges },
});

export const definitionDiffSchema: JsonSchema = {
  type: 'object',
  properties: {
    from: { type: 'integer' },
    to: { type: 'integer' },
    unchanged: { type: 'boolean' },
    states: changes(
      { type: 'object', properties: { state: { type: 'string' }, title: { type: 'string' } } },
      { type: 'object', properties: { state: { type: 'string' }, changes: attributeChanges } },
    ),
    transitions: changes(transitionRef, {
      type: 'object',
      properties: { ...transitionRef.properties, changes: attributeChanges },
    }),
    guards: changes(
      { type: 'object', properties: { ...transitionRef.properties, guard: { type: 'object' } } },
      {
        type: 'object',
        properties: { ...transitionRef.properties, before: { type: 'object' }, after: { type: 'object' } },
      },
    ),
    roles: changes({
      type: 'object',
      properties: {
        state: { type: 'string' },
        where: { type: 'string', description: 'editableBy, responsible or events.<EVENT>' },
        role: { type: 'string' },
      },
    }),
    deadlines: changes(
      { type: 'object', properties: { state: { type: 'string' }, deadline: { type: 'object' } } },
      { type: 'object', properties: { state: { type: 'string' }, changes: attributeChanges } },
    ),
    forms: changes(
      { type: 'string' },
      {
        type: 'object',
        properties: {
          form: { type: 'string' },
          schemaChanged: { type: 'boolean' },
          uiSchemaChanged: { type: 'boolean' },
        },
      },
    ),
    formFields: formFieldChangesSchema,
  },
};

export const simulateRequestSchema: JsonSchema = {
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: {
    events: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
          comment: { type: 'string', maxLength: 5000 },
          data: { type: 'object', description: 'Form data saved before the event (merged field by field)' },
        },
      },
    },
    data: { type: 'object', description: 'The document data at creation' },
    facts: {
      type: 'object',
      description: 'Facts the engine computes from other documents, e.g. {"upstreamAdopted": true}',
    },
    roles: {
      type: 'array',
      items: { type: 'string' },
      description: 'Roles of the sender for hasRole guards; absent: every role',
    },
  },
};

const effectList = {
  type: 'array',
  items: { type: 'object', properties: { type: { type: 'string' }, params: { type: 'object' } } },
};

export const simulationResultSchema: JsonSchema = {
  type: 'object',
  properties: {
    state: { type: 'string' },
    final: { type: 'boolean' },
    data: { type: 'object' },
    totals: { type: 'object', additionalProperties: { type: 'integer' } },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          event: { type: 'string', nullable: true, description: 'null: the document is created' },
          ok: { type: 'boolean' },
          state: { type: 'string' },
          stateTitle: { type: 'string' },
          previousState: { type: 'string', nullable: true },
          final: { type: 'boolean' },
          reason: { type: 'string', description: 'Why the event was refused' },
          guard: { type: 'string' },
          errors: { type: 'array', items: { type: 'object' } },
          sentBy: { type: 'array', items: { type: 'string' } },
          effects: effectList,
          mails: { ...effectList, description: 'notify and requestApproval' },
          deadlines: { ...effectList, description: 'scheduleDeadline and cancelDeadlines' },
          documents: { ...effectList, description: 'createDocument' },
          escalations: { ...effectList, description: 'escalate' },
          other: effectList,
        },
      },
    },
  },
};

export const pathReportSchema: JsonSchema = pageSchema({
  type: 'object',
  properties: {
    events: { type: 'array', items: { type: 'string' } },
    states: { type: 'array', items: { type: 'string' } },
    end: { type: 'string' },
    final: { type: 'boolean' },
    length: { type: 'integer' },
  },
});

export const publishResultSchema: JsonSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    retired: { type: 'array', items: { type: 'integer' }, description: 'Versions retired by this one' },
  },
};

export const migrationRequestSchema: JsonSchema = {
  type: 'object',
  required: ['from'],
  additionalProperties: false,
  properties: {
    from: { type: 'integer', minimum: 1, description: 'The older version whose running documents move' },
    stateMap: {
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
      description: 'Old step → new step; a step left out keeps its name if the new version has it',
    },
    dataMigration: {
      type: 'string',
      enum: [...DATA_MIGRATIONS],
      description:
        "A data migration each moved document's data goes through, e.g. ekonomi-nettokostnad (#15: the reports' ekonomi { budget, utfall, prognos } → { arsbudget, periodbudget, utfall, prognos } in net cost, a cost positive, and the verksamhetsberättelse's { budget, utfall } → { arsbudget, utfall }; see docs/financial-control.md). The dry run validates the migrated data; nothing changes until the migration runs.",
    },
  },
};

const fieldErrors = {
  type: 'array',
  items: { type: 'object', properties: { pointer: { type: 'string' }, message: { type: 'string' } } },
};

export const migrationPlanSchema: JsonSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    from: { type: 'integer' },
    to: { type: 'integer' },
    movable: { type: 'integer' },
    blocked: { type: 'integer' },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          documentId: { type: 'string' },
          title: { type: 'string' },
          orgUnitName: { type: 'string' },
          year: { type: 'integer' },
          period: { type: 'string', nullable: true },
          state: { type: 'string' },
          target: { type: 'string', nullable: true },
          movable: { type: 'boolean' },
          reason: { type: 'string' },
          errors: { ...fieldErrors, description: "Data failing the new step's form (types, formats)" },
          complete: { type: 'boolean', description: "Whether the data also fills the new step's form" },
          missing: { ...fieldErrors, description: 'What is still missing for the form to be complete' },
          dataChanged: { type: 'boolean', description: 'With a data migration: whether it changes the data' },
          dataNotes: {
            type: 'array',
            items: { type: 'string' },
            description: 'With a data migration: what a person should check (Swedish)',
          },
        },
      },
    },
  },
};

export const migrationOutcomeSchema: JsonSchema = {
  type: 'object',
  properties: {
    migrated: { type: 'integer' },
    skipped: {
      type: 'array',
      items: {
        type: 'object',
        properties: { documentId: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};

export const formVersionCreatedSchema: JsonSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer', description: 'The draft definition version that holds the form version' },
    createdDraft: { type: 'boolean', description: 'false: the open draft was updated' },
  },
};

export const formVersionListSchema: JsonSchema = pageSchema({
  type: 'object',
  properties: {
    version: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'published', 'retired'] },
    present: { type: 'boolean' },
    checksum: { type: 'string', nullable: true },
    changed: { type: 'boolean', description: 'The form differs from the version before' },
    documents: { type: 'integer' },
    running: { type: 'integer' },
  },
});

export const formDiffSchema: JsonSchema = {
  type: 'object',
  properties: {
    form: { type: 'string' },
    from: { type: 'integer' },
    to: { type: 'integer' },
    unchanged: { type: 'boolean' },
    added: { type: 'boolean' },
    removed: { type: 'boolean' },
    schemaChanged: { type: 'boolean' },
    uiSchemaChanged: { type: 'boolean' },
    fields: formFieldChangesSchema,
  },
};
