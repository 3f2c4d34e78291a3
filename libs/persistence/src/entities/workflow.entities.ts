import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// Mapped for completeness and for the TypeORM CLI; the engine writes these tables with
// explicit SQL (guarded updates, chained audit inserts), see the repositories.

@Entity({ name: 'workflow_definition' })
export class WorkflowDefinitionEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'def_key', type: 'varchar', length: 60 }) key!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'varchar', length: 12 }) status!: 'draft' | 'published' | 'retired';
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'char', length: 64 }) checksum!: string;
  @Column({ type: 'json' }) definition!: unknown;
  @Column({ type: 'json' }) forms!: unknown;
  @Column({ type: 'varchar', length: 20 }) source!: 'shipped' | 'admin';
  @Column({ name: 'author_user_id', type: 'char', length: 36, nullable: true }) authorUserId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
}

@Entity({ name: 'document' })
export class DocumentEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 60 }) type!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ name: 'org_unit_id', type: 'char', length: 36 }) orgUnitId!: string;
  @Column({ type: 'smallint' }) year!: number;
  @Column({ type: 'varchar', length: 10 }) period!: string;
  @Column({ name: 'definition_id', type: 'char', length: 36 }) definitionId!: string;
  @Column({ type: 'json' }) snapshot!: unknown;
  @Column({ type: 'varchar', length: 80 }) state!: string;
  @Column({ type: 'boolean' }) final!: boolean;
  @Column({ type: 'json' }) data!: unknown;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt!: Date | null;
  @Column({ type: 'boolean' }) overdue!: boolean;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) diarienummer!: string | null;
  /** The head of the document's audit chain: the last entry's seq and hash. */
  @Column({ name: 'audit_seq', type: 'int' }) auditSeq!: number;
  @Column({ name: 'audit_hash', type: 'char', length: 64, nullable: true }) auditHash!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity({ name: 'document_audit' })
export class DocumentAuditEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'document_id', type: 'char', length: 36 }) documentId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'datetime', precision: 3 }) at!: Date;
  @Column({ name: 'actor_user_id', type: 'char', length: 36, nullable: true }) actorUserId!: string | null;
  @Column({ name: 'on_behalf_of_user_id', type: 'char', length: 36, nullable: true }) onBehalfOfUserId!:
    string | null;
  @Column({ type: 'varchar', length: 12 }) via!: string;
  @Column({ type: 'varchar', length: 80 }) event!: string;
  @Column({ name: 'from_state', type: 'varchar', length: 80, nullable: true }) fromState!: string | null;
  @Column({ name: 'to_state', type: 'varchar', length: 80 }) toState!: string;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'data_hash', type: 'char', length: 64 }) dataHash!: string;
  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true }) prevHash!: string | null;
  @Column({ type: 'char', length: 64 }) hash!: string;
  /** The audit key the entry was hashed with; null for a legacy (unkeyed) entry. */
  @Column({ name: 'key_id', type: 'varchar', length: 16, nullable: true }) keyId!: string | null;
}

@Entity({ name: 'outbox' })
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'document_id', type: 'char', length: 36, nullable: true }) documentId!: string | null;
  @Column({ name: 'effect_type', type: 'varchar', length: 60 }) effectType!: string;
  @Column({ type: 'json' }) payload!: unknown;
  @Column({ name: 'dedupe_key', type: 'varchar', length: 190 }) dedupeKey!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'relayed_at', type: 'datetime', precision: 3, nullable: true }) relayedAt!: Date | null;
  @Column({ type: 'int' }) attempts!: number;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError!: string | null;
  /** The W3C traceparent of the transition that wrote the row (null: tracing was off). */
  @Column({ name: 'trace_parent', type: 'varchar', length: 55, nullable: true }) traceParent!: string | null;
}
