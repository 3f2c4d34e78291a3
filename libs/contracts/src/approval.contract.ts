import type { FromSchema } from 'json-schema-to-ts';
import { formDefinition } from './document.contract';
import {
  nullableDateTime as dateTime,
  nullableInteger,
  nullableString,
  type JsonSchema,
} from './json-schema';
import { DOCUMENT_PLACE_MEMBERS, documentPlace, personRef } from './document-place';
import { pagingProperties } from './paging';

/**
 * approve or return (#18: one vocabulary). `reject` is still accepted from older clients and
 * does what `return` does; no page or mail offers it (docs/forms.md, "Avslå finns inte").
 */
const decision = { type: 'string', enum: ['approve', 'reject', 'return'] } as const;

export type ApprovalDecision = FromSchema<typeof decision>;

/** The decision form (RJSF) of the approval page; the server validates POSTs against decideApprovalSchema. */
export const approvalDecisionFormSchema: JsonSchema = {
  type: 'object',
  title: 'Ditt beslut',
  required: ['decision'],
  properties: {
    decision: {
      type: 'string',
      title: 'Beslut',
      oneOf: [
        { const: 'approve', title: 'Godkänn' },
        { const: 'return', title: 'Returnera för ändring' },
      ],
    },
    comment: { type: 'string', title: 'Kommentar', maxLength: 5000 },
  },
  if: { properties: { decision: { enum: ['return'] } } },
  then: { required: ['decision', 'comment'], properties: { comment: { minLength: 1 } } },
};

const approvalSummary = {
  type: 'object',
  required: [
    'document',
    'title',
    'type',
    'orgUnitName',
    'year',
    'period',
    'stateTitle',
    'dueAt',
    'expiresAt',
    'mode',
    'approver',
    'onBehalfOf',
    'requireSignIn',
    'signInMaxAge',
    'data',
    'form',
    'decisions',
    'decisionSchema',
    'decisionLabels',
    'requestedBy',
    'diarienummer',
    'csrfToken',
  ],
  additionalProperties: false,
  properties: {
    document: {
      type: 'object',
      required: ['id', ...DOCUMENT_PLACE_MEMBERS, 'dueAt', 'version'],
      additionalProperties: false,
      properties: {
        id: { type: 'string' },
        ...documentPlace,
        dueAt: dateTime,
        version: { type: 'integer' },
      },
    },
    title: { type: 'string', description: 'Document title' },
    type: { type: 'string' },
    orgUnitName: { type: 'string', description: 'Owner unit of the document' },
    year: { type: 'integer' },
    period: nullableString,
    stateTitle: { type: 'string', description: 'Title of the step awaiting approval' },
    dueAt: { ...dateTime, description: "The step's deadline" },
    expiresAt: { ...dateTime, description: 'When this link stops working' },
    mode: { type: 'string', enum: ['all', 'any', 'sequence'] },
    approver: personRef,
    onBehalfOf: personRef,
    requireSignIn: { type: 'boolean', description: 'A POST needs a session of the approver as well' },
    signInMaxAge: {
      ...nullableInteger,
      description:
        'Seconds: the approver must have signed in at most this long before deciding (the step’s approval.maxAge, OpenID Connect max_age); sign in through /api/auth/oidc/login?returnTo=…&maxAge=… ; null: any sign-in',
    },
    data: { type: 'object', additionalProperties: true, description: 'Document data, for a read-only form' },
    form: {
      ...formDefinition,
      nullable: true,
      description: "The step's form (RJSF schema and uiSchema), rendered disabled",
    },
    decisions: { type: 'array', items: decision },
    decisionSchema: { type: 'object', description: 'RJSF schema of the decision form' },
    decisionLabels: {
      type: 'object',
      description:
        "The step's own words for each decision (the workflow's event labels), as the approval mail says them",
      required: ['approve', 'return'],
      additionalProperties: false,
      properties: { approve: { type: 'string' }, return: nullableString },
    },
    requestedBy: {
      ...personRef,
      description: 'Who sent the document to this step (asked for the approval); null when the system did',
    },
    diarienummer: nullableString,
    csrfToken: { type: 'string', description: 'Send back as csrfToken with the POST' },
  },
} as const;

export type ApprovalSummaryView = FromSchema<typeof approvalSummary>;
export const approvalSummarySchema: JsonSchema = approvalSummary;

const decideApproval = {
  type: 'object',
  required: ['decision'],
  additionalProperties: false,
  properties: {
    decision,
    comment: { type: 'string', maxLength: 5000, description: 'Required for return (and the older reject)' },
    csrfToken: {
      type: 'string',
      maxLength: 200,
      description: 'From the GET of the same link (link POSTs only)',
    },
  },
} as const;

export type DecideApprovalRequest = FromSchema<typeof decideApproval>;
export const decideApprovalSchema: JsonSchema = decideApproval;

const decideApprovalResult = {
  type: 'object',
  required: ['decision', 'outcome', 'documentId', 'state', 'version'],
  additionalProperties: false,
  properties: {
    decision,
    outcome: {
      type: 'string',
      enum: ['recorded', 'approved', 'rejected', 'returned'],
      description: 'recorded: others still decide; otherwise the request is closed and the step moved',
    },
    documentId: { type: 'string' },
    state: { type: 'string', description: "The document's state after the decision" },
    version: { type: 'integer' },
  },
} as const;

export type DecideApprovalResult = FromSchema<typeof decideApprovalResult>;
export const decideApprovalResultSchema: JsonSchema = decideApprovalResult;

export const delegateApprovalSchema: JsonSchema = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    substituteUserId: { type: 'string', minLength: 1, maxLength: 36 },
    substituteUsername: { type: 'string', minLength: 1, maxLength: 80 },
    reason: { type: 'string', minLength: 1, maxLength: 500 },
    csrfToken: { type: 'string', maxLength: 200 },
  },
  oneOf: [{ required: ['substituteUserId'] }, { required: ['substituteUsername'] }],
};

const delegateApprovalResult = {
  type: 'object',
  required: ['substitute'],
  additionalProperties: false,
  properties: { substitute: personRef },
} as const;

export type DelegateApprovalResult = FromSchema<typeof delegateApprovalResult>;
export const delegateApprovalResultSchema: JsonSchema = delegateApprovalResult;

const pendingApproval = {
  type: 'object',
  required: [
    'id',
    'documentId',
    'title',
    'type',
    'orgUnitName',
    'state',
    'mode',
    'onBehalfOf',
    'dueAt',
    'expiresAt',
    'requestedAt',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'Approval id, for POST /api/approvals/by-id/{id}' },
    documentId: { type: 'string' },
    title: { type: 'string' },
    type: { type: 'string' },
    orgUnitName: { type: 'string' },
    state: { type: 'string' },
    mode: { type: 'string', enum: ['all', 'any', 'sequence'] },
    onBehalfOf: personRef,
    dueAt: dateTime,
    expiresAt: dateTime,
    requestedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export type PendingApprovalView = FromSchema<typeof pendingApproval>;
export const pendingApprovalSchema: JsonSchema = pendingApproval;

const standingSubstitute = {
  type: 'object',
  required: ['id', 'user', 'substitute', 'from', 'to', 'reason'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    user: personRef,
    substitute: personRef,
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    reason: { type: 'string' },
  },
} as const;

export type StandingSubstituteView = FromSchema<typeof standingSubstitute>;
export const standingSubstituteSchema: JsonSchema = standingSubstitute;

export const createStandingSubstituteSchema: JsonSchema = {
  type: 'object',
  required: ['userId', 'substituteUserId', 'from', 'to', 'reason'],
  additionalProperties: false,
  properties: {
    userId: { type: 'string', minLength: 1, maxLength: 36, description: 'The absent approver' },
    substituteUserId: { type: 'string', minLength: 1, maxLength: 36 },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time', description: 'Exclusive end of the absence' },
    reason: { type: 'string', minLength: 1, maxLength: 500 },
  },
};

export const substituteQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  properties: {
    userId: { type: 'string', minLength: 1, maxLength: 36 },
    activeAt: { type: 'string', format: 'date-time' },
  },
};

const mailMessage = {
  type: 'object',
  required: ['id', 'to', 'subject', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    to: { type: 'array', items: { type: 'string' } },
    subject: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'sent', 'failed'] },
    attempts: { type: 'integer' },
    lastError: { ...nullableString, description: 'Why the last attempt failed' },
    createdAt: dateTime,
    sentAt: dateTime,
  },
} as const;

export type MailMessageView = FromSchema<typeof mailMessage>;
export const mailMessageSchema: JsonSchema = mailMessage;

export const mailMessageQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['pending', 'sent', 'failed'] },
    ...pagingProperties,
  },
};
