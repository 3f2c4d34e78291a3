import type { JsonSchema } from './json-schema';
import type { RoleKey } from '@rodtrad/domain';

export interface LoginRequest {
  username: string;
  password: string;
}

export const loginRequestSchema: JsonSchema = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 80, description: 'Användarnamn' },
    password: { type: 'string', minLength: 1, maxLength: 200, description: 'Lösenord' },
  },
};

export interface RoleAssignmentView {
  role: RoleKey;
  orgUnitId: string;
  orgUnitName?: string;
}

export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  email: string;
  roles: RoleAssignmentView[];
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: CurrentUser;
}

export const roleAssignmentViewSchema: JsonSchema = {
  type: 'object',
  required: ['role', 'orgUnitId'],
  properties: { role: { type: 'string' }, orgUnitId: { type: 'string' }, orgUnitName: { type: 'string' } },
};

export const currentUserSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'username', 'name', 'email', 'roles'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    roles: { type: 'array', items: roleAssignmentViewSchema },
  },
};

export const loginResponseSchema: JsonSchema = {
  type: 'object',
  required: ['token', 'expiresAt', 'user'],
  properties: {
    token: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
    user: currentUserSchema,
  },
};
