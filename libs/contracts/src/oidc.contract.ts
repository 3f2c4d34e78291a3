import type { FromSchema } from 'json-schema-to-ts';
import { ROLE_KEYS } from '@rodtrad/domain';
import { plainText, type JsonSchema } from './json-schema';

/** What the sign-in page offers (GET /api/auth/providers). */
const authProviders = {
  type: 'object',
  required: ['localLogin'],
  additionalProperties: false,
  properties: {
    localLogin: {
      type: 'boolean',
      description:
        'Everyone may sign in with a password (LOCAL_LOGIN); false: only the break-glass administrator, behind a fold',
    },
    oidc: {
      type: 'object',
      description: 'The identity provider; present only when OIDC_ISSUER is set',
      required: ['name', 'loginUrl'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', description: 'OIDC_DISPLAY_NAME: the button says "Logga in med <name>"' },
        loginUrl: {
          type: 'string',
          description: 'GET this (a browser navigation), adding ?returnTo=<local path>',
        },
      },
    },
  },
} as const;

export type AuthProviders = FromSchema<typeof authProviders>;
export const authProvidersSchema: JsonSchema = authProviders;

/** The answer to signing out of a session that came from the provider. */
const logoutRedirect = {
  type: 'object',
  required: ['redirectTo'],
  additionalProperties: false,
  properties: {
    redirectTo: {
      type: 'string',
      description:
        'The provider’s end_session_endpoint (RP-initiated logout): the browser goes there to sign out at the provider too',
    },
  },
} as const;

export type LogoutRedirect = FromSchema<typeof logoutRedirect>;
export const logoutRedirectSchema: JsonSchema = logoutRedirect;

const groupMapping = {
  type: 'object',
  required: ['id', 'group', 'role', 'orgUnitId', 'orgUnitName'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    group: { type: 'string', description: 'The group as the provider names it in OIDC_GROUPS_CLAIM' },
    role: { type: 'string', enum: ROLE_KEYS },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
  },
} as const;

export type GroupMappingView = FromSchema<typeof groupMapping>;
export const groupMappingSchema: JsonSchema = groupMapping;

const groupMappingList = {
  type: 'object',
  required: ['items', 'groupsClaim', 'oidcEnabled'],
  additionalProperties: false,
  properties: {
    items: { type: 'array', items: groupMapping },
    groupsClaim: { type: 'string', description: 'OIDC_GROUPS_CLAIM' },
    oidcEnabled: { type: 'boolean', description: 'OIDC_ISSUER is set' },
  },
} as const;

export type GroupMappingList = FromSchema<typeof groupMappingList>;
export const groupMappingListSchema: JsonSchema = groupMappingList;

const createGroupMapping = {
  type: 'object',
  required: ['group', 'role', 'orgUnitId'],
  additionalProperties: false,
  properties: {
    group: {
      ...plainText(255),
      minLength: 1,
      description: 'Group name or id (Entra ID: the group’s object id)',
    },
    role: { type: 'string', enum: ROLE_KEYS },
    orgUnitId: { type: 'string', minLength: 1 },
  },
} as const;

export type CreateGroupMappingRequest = FromSchema<typeof createGroupMapping>;
export const createGroupMappingSchema: JsonSchema = createGroupMapping;
