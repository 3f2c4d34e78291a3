import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { verifyChain } from '@rodtrad/domain';
import { auditKeyring, DocumentAuditRepository, openDatabase } from '@rodtrad/persistence';
import { demoActor } from './testing/demo-actor';
import { listStates } from '@rodtrad/workflow';
import { createDocumentEngine, EngineError, type DocumentEngine, type EngineActor } from './index';

/**
 * Random sequences of events, users and data never leave a document in a state its
 * definition lacks, never break its audit chain, and never lose an outbox row.
 */
describe('document engine under random use (fast-check, real MariaDB)', () => {
  let ds: DataSource;
  let engine: DocumentEngine;
  let actors: EngineActor[];
  let binId: string;
  let year = 3000;

  const USERS = [
    'bin.handlaggare',
    'bin.fvc',
    'registrator',
    'ks.sekreterare',
    'transten.rektor',
    'san.fvc',
    'bin.sekreterare',
  ];
  const EVENTS = ['SUBMIT', 'APPROVE', 'RETURN', 'REGISTER', 'TAKE_NOTE', 'DECIDE', 'ADOPT', 'NONSENSE'];
  const DATA = [
    {},
    {
      ekonomi: { arsbudget: 1_000_000, periodbudget: 500_000, utfall: 480_000, prognos: 990_000 },
      analys: 'I fas.',
      foreslagnaAtgarder: 'Inga.',
      avvikelser: 'Inga.',
      nyckeltal: [{ namn: 'Sjuktal', varde: 5 }],
    },
    { ekonomi: { periodbudget: 'mycket' } },
    {
      ksBeslut: { datum: '2040-03-20', paragraf: '§ 12' },
      beslut: { datum: '2040-03-10', paragraf: '§ 24' },
      ekonomi: { arsbudget: 1, periodbudget: 1, utfall: 1, prognos: 1 },
      analys: 'x',
      foreslagnaAtgarder: 'y',
      avvikelser: 'z',
    },
  ];

  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 5,
    });
    engine = createDocumentEngine(ds);
    actors = [];
    for (const username of USERS) actors.push(await demoActor(ds, username));
    [{ id: binId }] = await ds.query("SELECT id FROM org_unit WHERE code = 'BIN'");
  });
  afterAll(() => ds.destroy());

  const command = fc.oneof(
    fc.record({
      kind: fc.constant('event' as const),
      actor: fc.nat(USERS.length - 1),
      event: fc.constantFrom(...EVENTS),
      comment: fc.option(fc.constantFrom('Komplettera analysen.', '  '), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant('save' as const),
      actor: fc.nat(USERS.length - 1),
      data: fc.nat(DATA.length - 1),
    }),
  );

  const reached = new Set<string>();

  it('keeps every document in a known state with an intact chain and every outbox row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        const y = year++;
        const doc = await engine.create({
          type: 'manadsrapport',
          orgUnitId: binId,
          year: y,
          period: `${y}-02`,
          actor: actors[0],
        });
        const { def } = await engine.get(doc.id);
        const states = new Set(listStates(def.definition));
        let version = doc.version;
        let accepted = 0;
        let expectedOutbox = Number(
          (await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE document_id = ?', [doc.id]))[0].n,
        );
        for (const c of commands) {
          try {
            if (c.kind === 'save') {
              ({ version } = await engine.saveData({
                documentId: doc.id,
                data: DATA[c.data] as Record<string, unknown>,
                expectedVersion: version,
                actor: actors[c.actor],
              }));
            } else {
              const r = await engine.transition({
                documentId: doc.id,
                event: { type: c.event, ...(c.comment !== undefined ? { comment: c.comment } : {}) },
                expectedVersion: version,
                actor: actors[c.actor],
              });
              version = r.version;
              reached.add(r.state);
              expectedOutbox += r.outboxed.length;
            }
            accepted++;
          } catch (e) {
            if (!(e instanceof EngineError)) throw e; // refusals are fine; anything else is a bug
          }
          const current = (await engine.get(doc.id)).doc;
          expect(states.has(current.state)).toBe(true);
          expect(current.version).toBe(version);
        }
        const history = await new DocumentAuditRepository(ds).history(doc.id);
        expect(history).toHaveLength(accepted + 1);
        expect(verifyChain(history, auditKeyring(ds))).toEqual({ ok: true, checked: accepted + 1 });
        const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE document_id = ?', [doc.id]);
        expect(Number(n)).toBe(expectedOutbox);
      }),
      {
        numRuns: 40,
        // A known walk through the whole flow runs first, beside the random ones.
        examples: [
          [
            [
              { kind: 'save', actor: 0, data: 1 },
              { kind: 'event', actor: 0, event: 'SUBMIT', comment: undefined },
              { kind: 'event', actor: 1, event: 'APPROVE', comment: undefined },
              // The nämnd decides on its monthly report before it goes to KS (#15).
              { kind: 'save', actor: 6, data: 3 },
              { kind: 'event', actor: 6, event: 'DECIDE', comment: undefined },
              { kind: 'event', actor: 2, event: 'REGISTER', comment: undefined },
              { kind: 'save', actor: 3, data: 3 },
              { kind: 'event', actor: 3, event: 'TAKE_NOTE', comment: undefined },
            ],
          ],
        ],
      },
    );
    // The walks moved documents through the flow, not only collected refusals.
    expect(reached.has('noted')).toBe(true);
  });
});
