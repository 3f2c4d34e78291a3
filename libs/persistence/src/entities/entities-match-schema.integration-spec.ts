import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source.factory';
import { ENTITIES } from './index';

interface DbColumn {
  table: string;
  column: string;
  dataType: string;
  nullable: boolean;
  length: number | null;
}

/** The column types MariaDB reports (information_schema DATA_TYPE) for an entity's declared type. */
const DB_TYPE: Record<string, string> = {
  boolean: 'tinyint',
  json: 'longtext', // MariaDB's JSON is LONGTEXT with a JSON_VALID check
};

/**
 * The TypeORM entities describe the tables the migrations made, column for column: a mapped
 * column the table lacks, a column of the table the entity leaves out, or a different type,
 * length or nullability fails here, so an entity cannot drift from the schema unseen.
 */
describe('TypeORM entities against the migrated schema (real MariaDB)', () => {
  let ds: DataSource;
  let columns: DbColumn[];
  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 2,
    });
    columns = (
      await ds.query(
        `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS d, IS_NULLABLE AS n, CHARACTER_MAXIMUM_LENGTH AS l
           FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
      )
    ).map((r: Record<string, unknown>) => ({
      table: String(r['t']),
      column: String(r['c']),
      dataType: String(r['d']).toLowerCase(),
      nullable: r['n'] === 'YES',
      length: r['l'] === null ? null : Number(r['l']),
    }));
  });
  afterAll(() => ds.destroy());

  it.each(ENTITIES.map((e) => [e.name, e] as const))('%s matches its table', (_name, entity) => {
    const meta = ds.getMetadata(entity);
    const table = columns.filter((c) => c.table === meta.tableName);
    expect(table.length).toBeGreaterThan(0);
    const mapped = meta.columns.map((c) => {
      const type = String(typeof c.type === 'function' ? c.type.name : c.type).toLowerCase();
      return {
        column: c.databaseName,
        dataType: DB_TYPE[type] ?? type,
        nullable: c.isNullable,
        length: c.length ? Number(c.length) : null,
      };
    });
    const actual = table.map((c) => ({
      column: c.column,
      dataType: c.dataType,
      nullable: c.nullable,
      length: ['char', 'varchar'].includes(c.dataType) ? c.length : null,
    }));
    const byName = (a: { column: string }, b: { column: string }) => a.column.localeCompare(b.column);
    expect(mapped.sort(byName)).toEqual(actual.sort(byName));
  });
});
