import type { FromSchema } from 'json-schema-to-ts';
import { ROLE_KEYS } from '@rodtrad/domain';
import type { JsonSchema } from './json-schema';

const loginRequest = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 80, description: 'Användarnamn' },
    password: { type: 'string', minLength: 1, maxLength: 200, description: 'Lösenord' },
  },
} as const;

export type LoginRequest = FromSchema<typeof loginRequest>;
export const loginRequestSchema: JsonSchema = loginRequest;

const roleAssignmentView = {
  type: 'object',
  required: ['role', 'orgUnitId'],
  additionalProperties: false,
  properties: {
    role: { type: 'string', enum: ROLE_KEYS },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    source: {
      type: 'string',
      enum: ['manual', 'group'],
      description: 'manual: given in Administration; group: from the identity provider’s groups',
    },
  },
} as const;

export type RoleAssignmentView = FromSchema<typeof roleAssignmentView>;
export const roleAssignmentViewSchema: JsonSchema = roleAssignmentView;

const currentUser = {
  type: 'object',
  required: ['id', 'username', 'name', 'email', 'roles'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    roles: { type: 'array', items: roleAssignmentView },
  },
} as const;

export type CurrentUser = FromSchema<typeof currentUser>;
export const currentUserSchema: JsonSchema = currentUser;

const loginResponse = {
  type: 'object',
  required: ['token', 'expiresAt', 'user'],
  additionalProperties: false,
  properties: {
    token: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
    user: currentUser,
  },
} as const;

export type LoginResponse = FromSchema<typeof loginResponse>;
export const loginResponseSchema: JsonSchema = loginResponse;
