import type { DataSource } from 'typeorm';
import { openDatabase } from '@rodtrad/persistence';
import { DefinitionStore } from '../definition-store';
import { createDocumentEngine } from '../engine-factory';
import { ReferToKf } from './refer-to-kf';

/**
 * A year no other spec uses (the tier's database is fresh for each run): the matters of the year are
 * numbered from the first.
 */
const YEAR = 2295;

describe('ReferToKf: one KF matter per origin, numbered within the year (real MariaDB)', () => {
  let ds: DataSource;
  let refer: ReferToKf;

  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 6,
    });
    refer = new ReferToKf(ds, createDocumentEngine(ds, { definitions: DefinitionStore.fromCwd(ds) }));
    await ds
      .query(`DELETE FROM document WHERE type = 'kf-arende' AND year = ?`, [YEAR])
      .catch(() => undefined);
  });
  afterAll(() => ds?.destroy());

  const origin = (id: string) => ({
    kind: 'bolagsbedomning' as const,
    id,
    title: `Bolag ${id}: verksamheten låg utanför ändamålet`,
    summary: 'Kommunstyrelsen fann att bolagets verksamhet inte låg inom det kommunala ändamålet.',
    url: `/bolag/${YEAR}`,
  });

  it('makes one matter for an origin however many callers ask at once, in KS’s beredning', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => refer.execute({ origin: origin('a'), year: YEAR })),
    );
    expect(new Set(results.map((r) => r.documentId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [doc] = await ds.query(
      `SELECT d.state, d.period, d.title, d.data, u.kind FROM document d JOIN org_unit u ON u.id = d.org_unit_id WHERE d.id = ?`,
      [results[0].documentId],
    );
    expect(doc).toMatchObject({
      state: 'beredning',
      period: '', // the first of the year has no number (stored as '')
      kind: 'ks',
      title: `Ärende till kommunfullmäktige ${YEAR}: Bolag a: verksamheten låg utanför ändamålet`,
    });
    const data = typeof doc.data === 'string' ? JSON.parse(doc.data) : doc.data;
    expect(data.ursprung).toEqual({
      typ: 'bolagsbedomning',
      id: 'a',
      titel: 'Bolag a: verksamheten låg utanför ändamålet',
      sammanfattning: origin('a').summary,
      lank: `/bolag/${YEAR}`,
    });
    expect(await refer.existing({ kind: 'bolagsbedomning', id: 'a' })).toBe(results[0].documentId);
    expect(await refer.existing({ kind: 'eskalering', id: 'a' })).toBeNull();
  });

  it('numbers the further matters of the year 2, 3, … and carries KS’s decision and proposal when given', async () => {
    const second = await refer.execute({
      origin: origin('b'),
      year: YEAR,
      proposal: 'Fullmäktige uppdrar åt bolagets styrelse att återgå till ändamålet.',
      ksDecision: { date: `${YEAR}-03-01`, paragraph: '§ 12' },
    });
    const third = await refer.execute({ origin: origin('c'), year: YEAR });
    const rows: { id: string; period: string | null; data: unknown }[] = await ds.query(
      `SELECT id, period, data FROM document WHERE id IN (?, ?) ORDER BY period`,
      [second.documentId, third.documentId],
    );
    expect(rows.map((r) => r.period)).toEqual(['2', '3']);
    const data = rows.find((r) => r.id === second.documentId)?.data;
    expect(typeof data === 'string' ? JSON.parse(data) : data).toMatchObject({
      forslagTillBeslut: 'Fullmäktige uppdrar åt bolagets styrelse att återgå till ändamålet.',
      ksBeslut: { datum: `${YEAR}-03-01`, paragraf: '§ 12' },
    });
  });
});
