import { plainText, type JsonSchema } from './json-schema';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '@rodtrad/domain';

export interface OrgUnitView {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
}

export const orgUnitViewSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'parentId', 'kind', 'name', 'code'],
  properties: {
    id: { type: 'string' },
    parentId: { type: 'string', nullable: true },
    kind: { type: 'string', enum: [...ORG_UNIT_KINDS] },
    name: { type: 'string' },
    code: { type: 'string' },
  },
};

const code: JsonSchema = {
  type: 'string',
  pattern: '^[A-ZÅÄÖ0-9-]{1,20}$',
  description: 'Kort kod, t.ex. "KS" eller "BIN"',
};
const name: JsonSchema = plainText(200);

export const createOrgUnitSchema: JsonSchema = {
  type: 'object',
  required: ['parentId', 'kind', 'name', 'code'],
  additionalProperties: false,
  properties: {
    parentId: { type: 'string', nullable: true },
    kind: { type: 'string', enum: [...ORG_UNIT_KINDS] },
    name,
    code,
  },
};

export const updateOrgUnitSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { parentId: { type: 'string' }, name, code },
};

export interface CreateOrgUnitRequest {
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
}
export type UpdateOrgUnitRequest = Partial<Pick<CreateOrgUnitRequest, 'name' | 'code'>> & {
  parentId?: string;
};
