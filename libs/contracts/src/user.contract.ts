import { plainText, type JsonSchema } from './json-schema';
import { ROLE_KEYS, type RoleKey } from '@rodtrad/domain';

export interface UserView {
  id: string;
  username: string;
  name: string;
  email: string;
  active: boolean;
  roles: { role: RoleKey; orgUnitId: string }[];
}

const roles: JsonSchema = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['role', 'orgUnitId'],
    additionalProperties: false,
    properties: {
      role: { type: 'string', enum: [...ROLE_KEYS] },
      orgUnitId: { type: 'string', minLength: 1 },
    },
  },
};

export const userViewSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'username', 'name', 'email', 'active', 'roles'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    active: { type: 'boolean' },
    roles,
  },
};

const username: JsonSchema = {
  type: 'string',
  pattern: '^[a-z0-9._-]{2,80}$',
  description: 'Gemener, siffror och . _ -',
};

export const createUserSchema: JsonSchema = {
  type: 'object',
  required: ['username', 'name', 'email', 'roles'],
  additionalProperties: false,
  properties: {
    username,
    name: plainText(200),
    email: { type: 'string', format: 'email', maxLength: 254 },
    password: { type: 'string', minLength: 10, maxLength: 200 },
    active: { type: 'boolean' },
    roles,
  },
};

export const updateUserSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: plainText(200),
    email: { type: 'string', format: 'email', maxLength: 254 },
    password: { type: 'string', minLength: 10, maxLength: 200 },
    active: { type: 'boolean' },
    roles,
  },
};

export interface CreateUserRequest {
  username: string;
  name: string;
  email: string;
  password?: string;
  active?: boolean;
  roles: { role: RoleKey; orgUnitId: string }[];
}
export type UpdateUserRequest = Partial<Omit<CreateUserRequest, 'username'>>;
