import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only log of administrative changes (units, users, roles, thresholds): one keyed hash chain
 * for the whole table (see libs/domain's audit-chain.ts), its head in audit_chain_head.
 */
@Entity({ name: 'admin_audit' })
export class AdminAuditEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index('ix_admin_audit_at')
  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'char', length: 36, nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ type: 'json', nullable: true })
  details!: unknown;

  @Index('ux_admin_audit_seq', { unique: true })
  @Column({ type: 'int' })
  seq!: number;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  /** The audit key the entry was hashed with; null for a legacy (unkeyed) entry. */
  @Column({ name: 'key_id', type: 'varchar', length: 16, nullable: true })
  keyId!: string | null;
}
