import type { DataSource } from 'typeorm';
import { dueInstant } from '@rodtrad/domain';
import { DocumentRepository, openDatabase } from '@rodtrad/persistence';
import { demoActor } from './testing/demo-actor';
import { createDocumentEngine, MunicipalYearWheel, type EngineActor } from './index';

/**
 * The engine reuses the wheel it read last while the document's read shows the same wheel
 * revision; an edit, made by another process, must reach the very next transition.
 */
describe('due dates of transitions follow the edited year wheel (real MariaDB)', () => {
  const YEAR = 3901;
  const DATA = {
    aktiviteter: [
      {
        titel: 'Läsfrämjande',
        namndmalId: 'BIN-1',
        ansvarig: 'Erik Andersson',
        klartDatum: `${YEAR}-06-01`,
        status: 'planerad',
      },
    ],
    fokusomraden: ['Läsning'],
    aptDatum: `${YEAR}-01-15`,
  };
  let ds: DataSource;
  let rektor: EngineActor;
  let chef: EngineActor;
  let transten: string;

  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 4,
    });
    const actor = (username: string) => demoActor(ds, username);
    rektor = await actor('transten.rektor');
    chef = await actor('grundskola.chef');
    [{ id: transten }] = await ds.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
  });

  afterAll(() => ds.destroy());

  it('a transition after a wheel edit by another process is due on the edited date', async () => {
    const engine = createDocumentEngine(ds);
    const doc = await engine.create({ type: 'enhetsplan', orgUnitId: transten, year: YEAR, actor: rektor });
    let { version } = await engine.saveData({
      documentId: doc.id,
      data: DATA,
      expectedVersion: 1,
      actor: rektor,
    });
    ({ version } = await engine.transition({
      documentId: doc.id,
      event: { type: 'SUBMIT' },
      expectedVersion: version,
      actor: rektor,
    }));
    expect((await new DocumentRepository(ds).get(doc.id))?.dueAt).toEqual(dueInstant(`${YEAR}-01-31`));

    // Another process (its own wheel) moves the line; this engine's wheel read before is stale.
    const elsewhere = new MunicipalYearWheel(ds);
    await ds.transaction((m) =>
      elsewhere.overrides.upsert(
        {
          year: YEAR,
          key: 'enhetsplan',
          period: null,
          date: `${YEAR}-02-20`,
          relativeDays: null,
          updatedByUserId: null,
        },
        m,
      ),
    );

    await engine.transition({
      documentId: doc.id,
      event: { type: 'RETURN', comment: 'Komplettera.' },
      expectedVersion: version,
      actor: chef,
    });
    expect((await new DocumentRepository(ds).get(doc.id))?.dueAt).toEqual(dueInstant(`${YEAR}-02-20`));
  });
});
