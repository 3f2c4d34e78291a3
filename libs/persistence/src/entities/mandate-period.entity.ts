import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Mandatperiod: four years, with the vision, core values and strategic areas KF set for it. */
@Entity({ name: 'mandate_period' })
export class MandatePeriodEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('ux_mandate_period_start', { unique: true })
  @Column({ name: 'start_year', type: 'smallint' })
  startYear!: number;

  @Column({ name: 'end_year', type: 'smallint' })
  endYear!: number;

  @Column({ type: 'varchar', length: 300 })
  vision!: string;

  @Column({ name: 'core_values', type: 'json' })
  coreValues!: { name: string; description: string }[];
}

@Entity({ name: 'strategic_area' })
@Index('ux_strategic_area_name', ['mandatePeriodId', 'name'], { unique: true })
export class StrategicAreaEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'mandate_period_id', type: 'char', length: 36 })
  mandatePeriodId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder!: number;
}
