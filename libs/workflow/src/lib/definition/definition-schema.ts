// The JSON Schema of a workflow definition. workflows/definition.schema.json is this object,
// written out (a spec keeps the two equal), so editors and the engine check the same thing.

const stateKey = '^[a-z][a-z0-9_]*$';
const eventKey = '^[A-Z][A-Z0-9_]*$';
const roleKey = '^[a-z][a-z0-9_.-]*$';
const documentTypeKey = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
const registryName = '^[a-z][A-Za-z0-9]*$';

export const definitionSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Arbetsflöde för en dokumenttyp',
  description:
    'A workflow definition: an XState v5 machine config (JSON only, flat states) whose guards and actions refer to the built-in registry by name and params.',
  type: 'object',
  additionalProperties: false,
  required: ['key', 'title', 'machine'],
  properties: {
    $schema: { type: 'string' },
    key: { type: 'string', pattern: documentTypeKey, description: 'Document type key, kebab-case.' },
    title: { type: 'string', minLength: 1, description: 'Swedish name of the document type.' },
    version: { type: 'integer', minimum: 1 },
    description: { type: 'string' },
    escalationChain: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: ['omrade', 'forvaltning', 'namnd', 'bolag', 'ks', 'kf'] },
      description:
        'Unit kinds an overdue step climbs through, nearest first (default: every level up to KS: område → förvaltning → nämnd → KS). Levels of other kinds are passed over.',
    },
    machine: { $ref: '#/definitions/machine' },
  },
  definitions: {
    machine: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'initial', 'states'],
      properties: {
        id: { type: 'string', pattern: documentTypeKey },
        initial: { type: 'string', pattern: stateKey },
        description: { type: 'string' },
        states: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: stateKey },
          additionalProperties: { $ref: '#/definitions/state' },
        },
      },
    },
    state: {
      type: 'object',
      additionalProperties: false,
      required: ['meta'],
      properties: {
        type: { const: 'final' },
        description: { type: 'string' },
        meta: { $ref: '#/definitions/meta' },
        entry: { $ref: '#/definitions/actions' },
        exit: { $ref: '#/definitions/actions' },
        on: {
          type: 'object',
          propertyNames: { pattern: eventKey },
          additionalProperties: { $ref: '#/definitions/transitionConfig' },
        },
      },
      if: { properties: { type: { const: 'final' } }, required: ['type'] },
      then: { properties: { on: false, exit: false } },
    },
    meta: {
      type: 'object',
      additionalProperties: false,
      required: ['title'],
      properties: {
        title: { type: 'string', minLength: 1 },
        description: { type: 'string' },
        form: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' },
        editableBy: { $ref: '#/definitions/roles' },
        responsible: { $ref: '#/definitions/roles' },
        deadline: { $ref: '#/definitions/deadline' },
        events: {
          type: 'object',
          propertyNames: { pattern: eventKey },
          additionalProperties: { $ref: '#/definitions/eventPermission' },
        },
        approval: {
          type: 'object',
          additionalProperties: false,
          description: 'How approvals requested for this step are decided.',
          properties: {
            requireSignIn: {
              type: 'boolean',
              description: 'Approvers must also sign in to decide (the mail link alone is not enough).',
            },
            maxAge: {
              type: 'integer',
              minimum: 0,
              maximum: 86400,
              description:
                'With requireSignIn: the approver must have authenticated at most this many seconds before deciding (OpenID Connect max_age; 0: sign in again for every decision). The time of authentication is recorded in the audit.',
            },
          },
        },
      },
    },
    roles: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', pattern: roleKey },
    },
    deadline: {
      type: 'object',
      additionalProperties: false,
      required: ['key'],
      properties: {
        key: { type: 'string', pattern: documentTypeKey },
        reminders: { type: 'array', uniqueItems: true, items: { type: 'integer', minimum: 0 } },
        onDue: { type: 'string', pattern: eventKey },
        escalate: { type: 'boolean' },
      },
    },
    eventPermission: {
      type: 'object',
      additionalProperties: false,
      required: ['label', 'roles'],
      properties: {
        label: { type: 'string', minLength: 1 },
        roles: { $ref: '#/definitions/roles' },
        requiresComment: { type: 'boolean' },
        description: { type: 'string' },
      },
    },
    transitionConfig: {
      if: { type: 'array' },
      then: { type: 'array', minItems: 1, items: { $ref: '#/definitions/transition' } },
      else: { $ref: '#/definitions/transition' },
    },
    transition: {
      type: 'object',
      additionalProperties: false,
      properties: {
        target: { type: 'string', pattern: stateKey },
        guard: { $ref: '#/definitions/guard' },
        actions: { $ref: '#/definitions/actions' },
        description: { type: 'string' },
      },
    },
    guard: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string' } },
      if: { properties: { type: { enum: ['and', 'or', 'not'] } } },
      then: { $ref: '#/definitions/compositeGuard' },
      else: { $ref: '#/definitions/leafGuard' },
    },
    compositeGuard: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'guards'],
      properties: {
        type: { enum: ['and', 'or', 'not'] },
        guards: { type: 'array', minItems: 1, items: { $ref: '#/definitions/guard' } },
        reason: { type: 'string', minLength: 1 },
      },
      if: { properties: { type: { const: 'not' } } },
      then: { properties: { guards: { type: 'array', maxItems: 1 } } },
    },
    leafGuard: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: {
        type: { type: 'string', pattern: registryName },
        params: { type: 'object' },
      },
    },
    actions: {
      type: 'array',
      items: { $ref: '#/definitions/action' },
    },
    action: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: {
        type: { type: 'string', pattern: registryName },
        params: { type: 'object' },
      },
    },
  },
} as const;
