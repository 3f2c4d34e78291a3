import type { FromSchema } from 'json-schema-to-ts';
import { ROLE_KEYS } from '@rodtrad/domain';
import { plainText, type JsonSchema } from './json-schema';

const roles = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['role', 'orgUnitId'],
    additionalProperties: false,
    properties: {
      role: { type: 'string', enum: ROLE_KEYS },
      orgUnitId: { type: 'string', minLength: 1 },
    },
  },
} as const;

const userView = {
  type: 'object',
  required: ['id', 'username', 'name', 'email', 'active', 'roles', 'groupRoles'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    active: { type: 'boolean' },
    roles: { ...roles, description: 'Roles given by hand (PATCH roles replaces these)' },
    groupRoles: {
      ...roles,
      description:
        'Roles from the identity provider’s groups, recomputed at each OpenID sign-in (Administration › Grupper och roller); read-only here',
    },
  },
} as const;

export type UserView = FromSchema<typeof userView>;
export const userViewSchema: JsonSchema = userView;

const username = {
  type: 'string',
  pattern: '^[a-z0-9._-]{2,80}$',
  description: '2–80 gemener (a–z), siffror och . _ -',
} as const;
const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const password = { type: 'string', minLength: 10, maxLength: 200 } as const;

const createUser = {
  type: 'object',
  required: ['username', 'name', 'email', 'roles'],
  additionalProperties: false,
  properties: { username, name: plainText(200), email, password, active: { type: 'boolean' }, roles },
} as const;

export type CreateUserRequest = FromSchema<typeof createUser>;
export const createUserSchema: JsonSchema = createUser;

const updateUser = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: plainText(200), email, password, active: { type: 'boolean' }, roles },
} as const;

export type UpdateUserRequest = FromSchema<typeof updateUser>;
export const updateUserSchema: JsonSchema = updateUser;
