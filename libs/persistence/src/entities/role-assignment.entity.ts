import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RoleKey } from '@rodtrad/domain';

/** A role held on an organisation unit; it applies to the units below it too. */
@Entity({ name: 'role_assignment' })
@Index('ux_role_assignment', ['userId', 'role', 'orgUnitId', 'source'], { unique: true })
export class RoleAssignmentEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('ix_role_assignment_user')
  @Column({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 40 })
  role!: RoleKey;

  @Index('ix_role_assignment_unit')
  @Column({ name: 'org_unit_id', type: 'char', length: 36 })
  orgUnitId!: string;

  /** `manual`: given in Administration; `group`: derived from the provider's groups at sign-in. */
  @Column({ type: 'varchar', length: 8, default: 'manual' })
  source!: 'manual' | 'group';
}
