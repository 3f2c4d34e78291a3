import type { AuditKeyring } from '@rodtrad/domain';
import type { AdminAuditRepository } from './admin-audit.repository';
import type { DocumentAuditRepository } from './document-audit.repository';

/** What GET /api/audit/verify and `npm run audit:verify` answer (libs/contracts' auditVerificationSchema). */
export interface AuditVerification {
  ok: boolean;
  /** Entries checked, of both chains. */
  checked: number;
  /** Entries accepted under the legacy unkeyed hash (written before the chains were keyed). */
  legacy: number;
  brokenAt?: { chain: 'document' | 'admin'; documentId?: string; seq: number; reason: string };
}

/**
 * Walks every document's chain (each to the head on its document row), then the admin chain (to
 * its head), with the keyring: the repositories' (their data source's), or one given. Names the
 * first broken link, documents first.
 */
export async function verifyAuditChains(
  { documents, admin }: { documents: DocumentAuditRepository; admin: AdminAuditRepository },
  keyring?: AuditKeyring,
): Promise<AuditVerification> {
  const [doc, adm, legacyDocuments, legacyAdmin] = await Promise.all([
    documents.verifyAll(keyring),
    admin.verifyAll(keyring),
    documents.legacyCount(),
    admin.legacyCount(),
  ]);
  const brokenAt = doc.brokenAt
    ? { chain: 'document' as const, ...doc.brokenAt }
    : adm.brokenAt && { chain: 'admin' as const, ...adm.brokenAt };
  return {
    ok: doc.ok && adm.ok,
    checked: doc.checked + adm.checked,
    legacy: legacyDocuments + legacyAdmin,
    ...(brokenAt ? { brokenAt } : {}),
  };
}
