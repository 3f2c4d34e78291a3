import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';

/**
 * GET /api/audit/verify (and `npm run audit:verify`): every document's chain, each to the head on
 * its document row, then the admin chain to its head, checked with the audit keys.
 */
const auditVerification = {
  type: 'object',
  required: ['ok', 'checked', 'legacy'],
  additionalProperties: false,
  properties: {
    ok: { type: 'boolean' },
    checked: { type: 'integer', description: 'Entries checked, of both chains' },
    legacy: {
      type: 'integer',
      description:
        'Entries accepted under the legacy unkeyed SHA-256 (written before the chains were keyed; only at the start of a chain)',
    },
    brokenAt: {
      type: 'object',
      description: 'The first broken link: documents first, then the admin chain',
      required: ['chain', 'seq', 'reason'],
      additionalProperties: false,
      properties: {
        chain: { type: 'string', enum: ['document', 'admin'] },
        documentId: { type: 'string', description: 'Of a document chain' },
        seq: { type: 'integer' },
        reason: { type: 'string' },
      },
    },
  },
} as const;

export type AuditVerificationView = FromSchema<typeof auditVerification>;
export const auditVerificationSchema: JsonSchema = auditVerification;
