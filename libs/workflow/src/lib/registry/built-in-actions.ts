// Built-in actions. An action never does I/O: it turns its params (and the step's context) into an
// effect descriptor that the caller writes to the outbox in the same transaction as the new snapshot.
// What each effect carries is typed once, in effect-payloads.ts, for the worker's handlers too.
import { ESCALATION_BODIES, ESCALATION_KIND_NAMES } from '@rodtrad/domain';
import { resolvePointer } from '../json-pointer';
import type { JsonObject } from '../workflow.types';
import { effectOf, type EffectParams } from './effect-payloads';
import type { ActionEntry, CatalogRef } from './registry.types';

function action<P extends JsonObject>(entry: ActionEntry<P>): ActionEntry {
  return entry as unknown as ActionEntry;
}

const roleList = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } };
const userList = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } };
const pointer = { type: 'string', pattern: '^(/[^/]+)+$' };
const kebab = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

const roleRefs = (roles: string[] | undefined, base: string): CatalogRef[] =>
  (roles ?? []).map((value, i) => ({ kind: 'role', value, pointer: `${base}/${i}` }));

export const notify = action<EffectParams['notify']>({
  name: 'notify',
  description: 'Send the mail `template` to the holders of `roles` (for this document) and/or to `users`.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['template'],
    properties: { roles: roleList, users: userList, template: { type: 'string', pattern: kebab } },
    anyOf: [{ required: ['roles'] }, { required: ['users'] }],
  },
  implementation: (_ctx, params) => effectOf('notify', { ...params }),
  refs: (params) => roleRefs(params.roles, '/roles'),
});

type DeadlineParams = {
  key: string;
  reminders?: number[];
  onDue?: string;
  escalate?: boolean;
  state?: string;
};

export const scheduleDeadline = action<DeadlineParams>({
  name: 'scheduleDeadline',
  description:
    'Schedule the deadline `key` (from the year wheel) for this document, with reminders N days before and an optional event at due time. Emitted automatically on entry of a step with meta.deadline.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['key'],
    properties: {
      key: { type: 'string', pattern: kebab },
      reminders: { type: 'array', uniqueItems: true, items: { type: 'integer', minimum: 0 } },
      onDue: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
      escalate: { type: 'boolean' },
      state: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    },
  },
  implementation: (ctx, params) =>
    effectOf('scheduleDeadline', {
      state: params.state ?? ctx.to,
      key: params.key,
      reminders: params.reminders ?? [],
      onDue: params.onDue ?? null,
      escalate: params.escalate ?? false,
    }),
  refs: (params) => [{ kind: 'deadline-key', value: params.key, pointer: '/key' }],
});

export const cancelDeadlines = action<{ state?: string }>({
  name: 'cancelDeadlines',
  description:
    "Cancel the document's pending deadlines and reminders: those of `state`, or all when no state is given. Emitted automatically on exit of a step with meta.deadline.",
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { state: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } },
  },
  implementation: (_ctx, params) => effectOf('cancelDeadlines', { state: params.state ?? null }),
});

type ApprovalParams = Omit<EffectParams['requestApproval'], 'state'>;

export const requestApproval = action<ApprovalParams>({
  name: 'requestApproval',
  description:
    "Ask `approvers` to approve (by app or mail link); `mode` says whether all, any one, or all in order must approve; `requireSignIn` (or the step's meta.approval.requireSignIn) makes approvers sign in too, and `maxAge` (or meta.approval.maxAge) at most that many seconds before deciding. The caller sends the step's event when the approvals are complete.",
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['approvers', 'mode'],
    properties: {
      approvers: {
        type: 'object',
        additionalProperties: false,
        properties: { roles: roleList, users: userList },
        anyOf: [{ required: ['roles'] }, { required: ['users'] }],
      },
      mode: { enum: ['all', 'any', 'sequence'] },
      requireSignIn: { type: 'boolean' },
      maxAge: { type: 'integer', minimum: 0, maximum: 86400 },
    },
  },
  implementation: (ctx, params) =>
    effectOf('requestApproval', {
      state: ctx.to,
      approvers: { ...params.approvers },
      mode: params.mode,
      ...(params.requireSignIn !== undefined ? { requireSignIn: params.requireSignIn } : {}),
      ...(params.maxAge !== undefined ? { maxAge: params.maxAge } : {}),
    }),
  refs: (params) => roleRefs(params.approvers.roles, '/approvers/roles'),
});

export const createDocument = action<EffectParams['createDocument']>({
  name: 'createDocument',
  description:
    'Create a follow-up document of `type` for the same unit and year, linked to this one by the relation `link` (e.g. "atgard-for").',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'link'],
    properties: { type: { type: 'string', pattern: kebab }, link: { type: 'string', pattern: kebab } },
  },
  implementation: (_ctx, params) => effectOf('createDocument', { ...params }),
  refs: (params) => [{ kind: 'document-type', value: params.type, pointer: '/type' }],
});

export const escalate = action<EffectParams['escalate']>({
  name: 'escalate',
  description: 'Put the matter before KS or KF (e.g. a significant budget deviation, a referral to KF).',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['to', 'kind'],
    // The kinds are one list in the domain (ESCALATION_KINDS, with their Swedish names): an unknown
    // kind is a definition error here, not an ad-hoc escalation later.
    properties: { to: { enum: [...ESCALATION_BODIES] }, kind: { enum: [...ESCALATION_KIND_NAMES] } },
  },
  implementation: (_ctx, params) => effectOf('escalate', { ...params }),
});

export const assignDiarienummer = action<EffectParams['assignDiarienummer']>({
  name: 'assignDiarienummer',
  description:
    "Register the document in the diary of `body` and give it the next diarienummer of that body's series.",
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['body'],
    properties: { body: { enum: ['ks', 'kf', 'namnd'] } },
  },
  implementation: (_ctx, params) => effectOf('assignDiarienummer', { ...params }),
});

export const markSubmitted = action<Record<string, never>>({
  name: 'markSubmitted',
  description: 'Record that the document was submitted (by the actor, from the step it leaves).',
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  implementation: (ctx) => effectOf('markSubmitted', { from: ctx.from, by: ctx.guardContext.actor.userId }),
});

type DecidedParams = { outcome?: string; dateField?: string; paragraphField?: string };

export const markDecided = action<DecidedParams>({
  name: 'markDecided',
  description:
    'Record the decision: `outcome` (e.g. "fastställd", "återremitterad") with the decision date and minutes paragraph (§) read from the form data (default /beslut/datum and /beslut/paragraf).',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { outcome: { type: 'string', pattern: kebab }, dateField: pointer, paragraphField: pointer },
  },
  implementation: (ctx, params) => {
    const date = resolvePointer(ctx.guardContext.data, params.dateField ?? '/beslut/datum');
    const paragraph = resolvePointer(ctx.guardContext.data, params.paragraphField ?? '/beslut/paragraf');
    return effectOf('markDecided', {
      outcome: params.outcome ?? null,
      date: date ?? null,
      paragraph: paragraph ?? null,
      by: ctx.guardContext.actor.userId,
    });
  },
});

export const builtInActions: ActionEntry[] = [
  notify,
  scheduleDeadline,
  cancelDeadlines,
  requestApproval,
  createDocument,
  escalate,
  assignDiarienummer,
  markSubmitted,
  markDecided,
];
