import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { verifyChain } from '@rodtrad/domain';
import { auditKeyring, DocumentAuditRepository, openDatabase } from '@rodtrad/persistence';
import { demoActor } from './testing/demo-actor';
import { createDocumentEngine, EngineError, type DocumentEngine, type EngineActor } from './index';

/**
 * The engine remembers documents between reads and transitions (DocumentCache). Two engines
 * stand for two processes (the API and the worker): each one's memory goes stale when the other
 * writes. Whatever they remember, their answers must be the database's.
 */
describe('remembered documents (two engines, real MariaDB)', () => {
  let ds: DataSource;
  let a: DocumentEngine;
  let b: DocumentEngine;
  let uncached: DocumentEngine;
  let handlaggare: EngineActor;
  let fvc: EngineActor;
  let registrator: EngineActor;
  let binId: string;
  let year = 3500;

  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 5,
    });
    a = createDocumentEngine(ds);
    b = createDocumentEngine(ds);
    uncached = createDocumentEngine(ds, { documentCache: 0 });
    const actor = (username: string) => demoActor(ds, username);
    handlaggare = await actor('bin.handlaggare');
    fvc = await actor('bin.fvc');
    registrator = await actor('registrator');
    [{ id: binId }] = await ds.query("SELECT id FROM org_unit WHERE code = 'BIN'");
  });
  afterAll(() => ds.destroy());

  const report = async (engine: DocumentEngine) => {
    const y = year++;
    return engine.create({
      type: 'manadsrapport',
      orgUnitId: binId,
      year: y,
      period: `${y}-02`,
      actor: handlaggare,
    });
  };
  const DATA = {
    ekonomi: { arsbudget: 1_000_000, periodbudget: 500_000, utfall: 480_000, prognos: 990_000 },
    analys: 'I fas.',
    foreslagnaAtgarder: 'Inga.',
    avvikelser: 'Inga.',
    nyckeltal: [{ namn: 'Sjuktal', varde: 5 }],
  };
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: unknown) => {
        if (e instanceof EngineError) return e.code;
        throw e;
      },
    );
  /** A report a saved (so a remembers it at v2) and b then submitted (v3). */
  const submittedElsewhere = async () => {
    const doc = await report(a);
    const { version: v2 } = await a.saveData({
      documentId: doc.id,
      data: DATA,
      expectedVersion: 1,
      actor: handlaggare,
    });
    const submitted = await b.transition({
      documentId: doc.id,
      event: { type: 'SUBMIT' },
      expectedVersion: v2,
      actor: handlaggare,
    });
    return { doc, v2, submitted };
  };
  const auditCount = async (id: string) =>
    Number((await ds.query('SELECT COUNT(*) AS n FROM document_audit WHERE document_id = ?', [id]))[0].n);

  it('starts from a row the other engine moved on from, once the caller shows the new version', async () => {
    const { doc, submitted } = await submittedElsewhere();
    // A caller who saw b's answer sends the next event through a.
    const approved = await a.transition({
      documentId: doc.id,
      event: { type: 'APPROVE' },
      expectedVersion: submitted.version,
      actor: fvc,
    });
    expect(approved).toMatchObject({ previousState: submitted.state, version: submitted.version + 1 });
    const history = await new DocumentAuditRepository(ds).history(doc.id);
    expect(history.map((h) => h.event)).toEqual(['CREATE', 'SAVE', 'SUBMIT', 'APPROVE']);
    expect(verifyChain(history, auditKeyring(ds)).ok).toBe(true);
  });

  it('answers 409 with the current version when the remembered row is behind, and writes nothing', async () => {
    const { doc, v2 } = await submittedElsewhere();
    const before = await auditCount(doc.id);
    // a remembers the draft at v2 and the caller sends v2 too: the step allows SUBMIT, the
    // guarded update must refuse it.
    const e = await a
      .transition({ documentId: doc.id, event: { type: 'SUBMIT' }, expectedVersion: v2, actor: handlaggare })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EngineError);
    expect(e).toMatchObject({ code: 'stale-version', details: { currentVersion: v2 + 1 } });
    expect(await auditCount(doc.id)).toBe(before);
    expect((await a.get(doc.id)).doc.state).toBe('review');
  });

  it('checks a refusal from a remembered row on a fresh read (409, not the old step’s refusal)', async () => {
    const { doc, v2 } = await submittedElsewhere();
    // In the draft a remembers, APPROVE is not an event of the step; in the database it is.
    expect(
      await refusal(
        a.transition({ documentId: doc.id, event: { type: 'APPROVE' }, expectedVersion: v2, actor: fvc }),
      ),
    ).toBe('stale-version');
  });

  it('answers like an engine that remembers nothing, whatever the two engines remember (fast-check)', async () => {
    const command = fc.record({
      via: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom('event', 'event', 'save', 'view'),
      event: fc.constantFrom('SUBMIT', 'APPROVE', 'RETURN', 'REGISTER'),
      actor: fc.nat(2),
      stale: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const actors = [handlaggare, fvc, registrator];
        const mine = await report(a);
        const reference = await report(uncached);
        let known = 1;
        let knownReference = 1;
        for (const c of commands) {
          const engine = c.via === 'a' ? a : b;
          if (c.kind === 'view') {
            known = (await engine.get(mine.id)).doc.version;
            knownReference = (await uncached.get(reference.id)).doc.version;
            continue;
          }
          const run = (e: DocumentEngine, id: string, expectedVersion: number) =>
            c.kind === 'save'
              ? e.saveData({ documentId: id, data: DATA, expectedVersion, actor: actors[c.actor] })
              : e.transition({
                  documentId: id,
                  event: { type: c.event },
                  expectedVersion,
                  actor: actors[c.actor],
                });
          const offset = c.stale ? 1 : 0;
          const got = await refusal(run(engine, mine.id, known - offset).then((r) => (known = r.version)));
          const want = await refusal(
            run(uncached, reference.id, knownReference - offset).then((r) => (knownReference = r.version)),
          );
          expect(got).toBe(want);
        }
        const [x, y] = [(await b.get(mine.id)).doc, (await uncached.get(reference.id)).doc];
        expect({ state: x.state, version: x.version }).toEqual({ state: y.state, version: y.version });
        expect(verifyChain(await new DocumentAuditRepository(ds).history(mine.id), auditKeyring(ds))).toEqual(
          {
            ok: true,
            checked: x.version,
          },
        );
      }),
      { numRuns: 30 },
    );
  });
});
