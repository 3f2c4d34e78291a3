import type { FromSchema } from 'json-schema-to-ts';
import { plainText, type JsonSchema } from './json-schema';

const sharePercent = {
  type: 'number',
  nullable: true,
  description:
    'Kommunens ägarandel i procent (0 < x ≤ 100, högst två decimaler; 100 = helägt). Bara för bolag; null för kommunalförbund.',
} as const;

const memberMunicipalities = {
  type: 'array',
  maxItems: 50,
  items: plainText(100),
  description: 'Kommunalförbundets medlemskommuner (minst en); tom lista för bolag.',
} as const;

const bodyOwnershipView = {
  type: 'object',
  required: ['unitId', 'name', 'code', 'kind', 'form', 'sharePercent', 'memberMunicipalities', 'text'],
  additionalProperties: false,
  properties: {
    unitId: { type: 'string' },
    name: { type: 'string' },
    code: { type: 'string' },
    kind: { type: 'string', enum: ['bolag', 'kommunalforbund'] },
    form: {
      type: 'string',
      enum: ['helagt', 'delagt', 'kommunalforbund'],
      description: 'helagt: ägarandel 100 %; delagt: under 100 %; kommunalforbund: medlemmar.',
    },
    sharePercent,
    memberMunicipalities,
    text: { type: 'string', description: 'Ägandet i ord, t.ex. "Helägt bolag (100 %)".' },
  },
} as const;

export type BodyOwnershipView = FromSchema<typeof bodyOwnershipView>;
export const bodyOwnershipViewSchema: JsonSchema = bodyOwnershipView;

const setBodyOwnership = {
  type: 'object',
  required: ['sharePercent', 'memberMunicipalities'],
  additionalProperties: false,
  properties: { sharePercent, memberMunicipalities },
} as const;

export type SetBodyOwnershipRequest = FromSchema<typeof setBodyOwnership>;
export const setBodyOwnershipSchema: JsonSchema = setBodyOwnership;
