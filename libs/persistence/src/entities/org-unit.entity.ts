import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrgUnitKind } from '@rodtrad/domain';

@Entity({ name: 'org_unit' })
export class OrgUnitEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('ix_org_unit_parent')
  @Column({ name: 'parent_id', type: 'char', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrgUnitKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('ux_org_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  /** A company's share held by the municipality, percent (100 = wholly owned); null otherwise (#16). */
  @Column({
    name: 'ownership_share',
    type: 'decimal',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: {
      to: (v: number | null | undefined) => v ?? null,
      from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
    },
  })
  ownershipShare!: number | null;

  /** A kommunalförbund's member municipalities, by name; null otherwise (#16). */
  @Column({ name: 'member_municipalities', type: 'json', nullable: true })
  memberMunicipalities!: string[] | null;

  /** Stable key of a seeded unit, so re-seeding finds it again. */
  @Index('ux_org_unit_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 60, nullable: true })
  seedKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
