import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Traces across the outbox (#21): the W3C traceparent of the transition that wrote an outbox row,
 * so the worker's handling of the effect continues the request's trace. Null when tracing is off
 * (and for every row written before). Expand only: the version still running ignores the column.
 */
export class OutboxTraceContext1764340000000 implements MigrationInterface {
  name = 'OutboxTraceContext1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ADD COLUMN trace_parent VARCHAR(55) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox DROP COLUMN trace_parent');
  }
}
