import { EscalationWorld } from './testing/escalation-test-kit';

/** Yesterday in Sweden: a KS meeting is recorded after it was held. */
const MEETING = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
  new Date(Date.now() - 86_400_000),
);

// #18, found problem 7: KS sees what waits for its decision, counted in the menu
// (GET /api/escalations?awaitingDecision=true).
describe('escalations awaiting KS’s decision', () => {
  const w = new EscalationWorld('awaiting_decision');
  const { unit } = w;
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  it('lists an open escalation to KS until KS has decided on it, and only then leaves it out', async () => {
    const reported = await w.api.request('POST', '/api/escalations', {
      token: await w.api.login('dsn.ordforande'),
      body: {
        orgUnitId: unit['DSN'],
        year: 2027,
        amount: -1_800_000,
        description: 'Vinterväghållningen har kostat mer än budgeterat.',
        measures: 'Omprioritering inom gatuunderhållet.',
      },
    });
    expect(reported.status).toBe(201);
    const ks = await w.api.login('ks.ordforande');
    const awaiting = async (): Promise<string[]> => {
      const res = await w.api.request('GET', '/api/escalations?awaitingDecision=true&limit=500', {
        token: ks,
      });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      return res.body.items.map((e: { id: string }) => e.id);
    };
    expect(await awaiting()).toContain(reported.body.id);

    const decided = await w.api.request('POST', `/api/escalations/${reported.body.id}/decision`, {
      token: ks,
      body: { decision: 'anteckna', meetingDate: MEETING, paragraph: '§ 31' },
    });
    expect(decided.status).toBe(200);
    expect(await awaiting()).not.toContain(reported.body.id);
    // Still open business otherwise: the plain open list keeps it.
    const open = await w.api.request('GET', '/api/escalations?status=open&limit=500', { token: ks });
    expect(open.body.items.map((e: { id: string }) => e.id)).toContain(reported.body.id);
  });

  it('refuses another value field by field', async () => {
    const res = await w.api.request('GET', '/api/escalations?awaitingDecision=ja', {
      token: await w.api.login('ks.ordforande'),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].pointer).toBe('/query/awaitingDecision');
  });
});
