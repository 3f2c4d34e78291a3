import { ApprovalWorld, ENHETSPLAN_DATA } from './testing/approval-test-kit';

/**
 * A step can ask that its approver signed in recently (approval.maxAge, OpenID Connect max_age):
 * a decision with an older sign-in is refused with the age to ask the provider for, and the
 * decision that goes through is audited with the time of authentication.
 */
describe('decisions that need a fresh sign-in', () => {
  const w = new ApprovalWorld('approvals_fresh');
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  it('refuses a sign-in older than maxAge and audits the decision with its auth_time', async () => {
    const doc = await w.driveDocument('enhetsplan', 'ekangen', 2027, 'ekangen.rektor', ENHETSPLAN_DATA, [
      ['SUBMIT', 'ekangen.rektor'],
    ]);
    const title = await w.titleOf(doc.id);
    await w.link('grundskola.chef', title);
    const [row] = await w.sql<{ orgUnitId: string; year: number; state: string }>(
      'SELECT org_unit_id AS orgUnitId, year, state FROM document WHERE id = ?',
      [doc.id],
    );
    await w.sql(
      `INSERT INTO outbox (document_id, effect_type, payload, dedupe_key) VALUES (?, 'requestApproval', ?, ?)`,
      [
        doc.id,
        JSON.stringify({
          approvers: { roles: ['omradeschef'] },
          mode: 'any',
          requireSignIn: true,
          maxAge: 60,
          state: row.state,
          documentId: doc.id,
          documentType: 'enhetsplan',
          orgUnitId: row.orgUnitId,
          year: row.year,
          period: null,
        }),
        `${doc.id}__test__fresh__requestApproval`,
      ],
    );
    const { token } = await w.link('grundskola.chef', title, 2);
    expect((await w.api.request('GET', `/api/approvals/${token}`)).body).toMatchObject({
      requireSignIn: true,
      signInMaxAge: 60,
    });

    // Signed in an hour ago: too old for this decision.
    const stale = (
      await w.api.request('POST', '/api/auth/login', {
        body: { username: 'grundskola.chef', password: w.api.config.demoPassword },
      })
    ).body.token as string;
    await w.sql(
      "UPDATE session s JOIN app_user u ON u.id = s.user_id SET s.auth_time = NOW(3) - INTERVAL 1 HOUR WHERE u.username = 'grundskola.chef'",
    );
    const refused = await w.decide(token, { decision: 'approve' }, { session: stale });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'fresh-sign-in-required', maxAge: 60 });

    const before = Date.now();
    const fresh = (
      await w.api.request('POST', '/api/auth/login', {
        body: { username: 'grundskola.chef', password: w.api.config.demoPassword },
      })
    ).body.token as string;
    const decided = await w.decide(token, { decision: 'approve' }, { session: fresh });
    expect(decided.body.outcome).toBe('approved');
    const [audit] = await w.sql<{ actorUserId: string; details: unknown }>(
      "SELECT actor_user_id AS actorUserId, details FROM admin_audit WHERE action = 'approval.decided' AND JSON_VALUE(details, '$.documentId') = ?",
      [doc.id],
    );
    const details = (typeof audit.details === 'string' ? JSON.parse(audit.details) : audit.details) as {
      authTime: string;
      signInMaxAge: number;
      decision: string;
    };
    expect(audit.actorUserId).toBe(await w.userId('grundskola.chef'));
    expect(details).toMatchObject({ decision: 'approve', signInMaxAge: 60 });
    expect(new Date(details.authTime).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
