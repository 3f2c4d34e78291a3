import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only log of administrative changes (units, users, roles, thresholds). */
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
}
