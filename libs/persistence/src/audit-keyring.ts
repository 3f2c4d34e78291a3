import type { DataSource } from 'typeorm';
import type { AuditKeyring } from '@rodtrad/domain';

/**
 * The keyring of the audit chains travels with the data source (createDataSource's `auditKeys`):
 * every writer and reader of document_audit and admin_audit is built from the data source, so
 * none can be given the database without the key that goes with it.
 */
const keyrings = new WeakMap<DataSource, AuditKeyring>();

export function useAuditKeyring(ds: DataSource, keyring: AuditKeyring): void {
  if (!keyring.length) throw new Error('The audit keyring is empty');
  keyrings.set(ds, keyring);
}

export function auditKeyring(ds: DataSource): AuditKeyring {
  const keyring = keyrings.get(ds);
  if (!keyring) throw new Error('This data source has no audit keyring (createDataSource sets one)');
  return keyring;
}
