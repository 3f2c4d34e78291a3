import type { FromSchema } from 'json-schema-to-ts';
import { ORG_UNIT_KINDS } from '@rodtrad/domain';
import { plainText, type JsonSchema } from './json-schema';

const orgUnitView = {
  type: 'object',
  required: ['id', 'parentId', 'kind', 'name', 'code'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    parentId: { type: 'string', nullable: true },
    kind: { type: 'string', enum: ORG_UNIT_KINDS },
    name: { type: 'string' },
    code: { type: 'string' },
  },
} as const;

export type OrgUnitView = FromSchema<typeof orgUnitView>;
export const orgUnitViewSchema: JsonSchema = orgUnitView;

const code = {
  type: 'string',
  pattern: '^[A-ZÅÄÖ0-9-]{1,20}$',
  description: 'Kort kod, t.ex. "KS" eller "BIN"',
} as const;
const name = plainText(200);

const createOrgUnit = {
  type: 'object',
  required: ['parentId', 'kind', 'name', 'code'],
  additionalProperties: false,
  properties: {
    parentId: { type: 'string', nullable: true },
    kind: { type: 'string', enum: ORG_UNIT_KINDS },
    name,
    code,
  },
} as const;

export type CreateOrgUnitRequest = FromSchema<typeof createOrgUnit>;
export const createOrgUnitSchema: JsonSchema = createOrgUnit;

const updateOrgUnit = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { parentId: { type: 'string' }, name, code },
} as const;

export type UpdateOrgUnitRequest = FromSchema<typeof updateOrgUnit>;
export const updateOrgUnitSchema: JsonSchema = updateOrgUnit;
