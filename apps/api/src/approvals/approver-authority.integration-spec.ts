import { ApprovalWorld, ENHETSPLAN_DATA } from './testing/approval-test-kit';

/**
 * An approval link is no bearer credential: it decides only while the person it was sent to may
 * still decide the step, and it can be handed over only to someone who may. Over HTTP with a real
 * worker and SMTP; every link is taken from a parsed mail.
 */
describe('approval links carry no more authority than their holder', () => {
  const w = new ApprovalWorld('approver_authority');
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  const enhetsplan = (unit: string, chief: string) =>
    w.driveDocument('enhetsplan', unit, 2027, chief, ENHETSPLAN_DATA, [['SUBMIT', chief]]);
  const omradeschefUnit = async (username: string): Promise<string> => {
    const [row] = await w.sql<{ orgUnitId: string }>(
      `SELECT ra.org_unit_id AS orgUnitId FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
        WHERE u.username = ? AND ra.role = 'omradeschef'`,
      [username],
    );
    return row.orgUnitId;
  };
  const newOmradeschef = async (username: string, name: string, orgUnitId: string) => {
    const res = await w.api.request('POST', '/api/users', {
      token: await w.api.login('admin'),
      body: {
        username,
        name,
        email: `${username}@hallsberg.example`,
        password: 'ett-langt-losenord',
        roles: [{ role: 'omradeschef', orgUnitId }],
      },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('a link whose approver lost the role is refused (403) and the step goes to whoever holds it now', async () => {
    const area = await omradeschefUnit('forskola.chef');
    await newOmradeschef('ny.forskolechef', 'Nora Nyström', area);
    const doc = await enhetsplan('fagelsangen', 'fagelsangen.chef');
    const title = await w.titleOf(doc.id);
    const old = await w.link('forskola.chef', title);
    const asked = await w.link('ny.forskolechef', title);
    expect(asked.mail.subject).toBe(`Godkännande begärs: ${title}`);

    // The role goes, behind the product's back (as an import from the HR system might do it).
    await w.sql(
      "DELETE FROM role_assignment WHERE role = 'omradeschef' AND org_unit_id = ? AND user_id = ?",
      [area, await w.userId('forskola.chef')],
    );
    const refused = await w.decide(old.token, { decision: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'not-authorised', title: 'Du kan inte längre besluta' });
    expect(refused.body.detail).toContain('har inte längre den roll som beslutet kräver');
    expect((await w.document(doc.id)).state).toBe('review');
    const audit = await w.sql<{ details: string }>(
      "SELECT details FROM admin_audit WHERE action = 'approval.reassigned' AND details LIKE ?",
      [`%${doc.id}%`],
    );
    expect(audit).toHaveLength(1);

    // The other holder's own link still decides.
    const approved = await w.decide(asked.token, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.outcome).toBe('approved');
  });

  it('a substitute whose period was ended by an administrator cannot decide; the chief is asked again', async () => {
    const admin = await w.api.login('admin');
    const registered = await w.registerSubstitute('grundskola.chef', 'bin.fvc', 'Semester');
    const doc = await enhetsplan('ekangen', 'ekangen.rektor');
    const title = await w.titleOf(doc.id);
    const standing = await w.link('bin.fvc', title);
    expect((await w.api.request('DELETE', `/api/substitutes/${registered}`, { token: admin })).status).toBe(
      204,
    );

    const refused = await w.decide(standing.token, { decision: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('not-authorised');
    const chief = await w.link('grundskola.chef', title);
    expect(chief.mail.text).toContain('kan inte längre besluta');
    expect((await w.decide(chief.token, { decision: 'approve' })).body.outcome).toBe('approved');
  });

  it('hands an approval over only to someone who may decide the step for the unit (422 otherwise)', async () => {
    const doc = await enhetsplan('transten', 'transten.rektor');
    const title = await w.titleOf(doc.id);
    const { token } = await w.link('grundskola.chef', title);
    const summary = await w.api.request('GET', `/api/approvals/${token}`);
    // A förvaltningschef of another nämnd: active, but with no say over this unit's plans.
    const outsider = await w.api.request('POST', `/api/approvals/${token}/delegate`, {
      body: { substituteUsername: 'san.fvc', reason: 'Jävig', csrfToken: summary.body.csrfToken },
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body.detail).toContain('kan inte besluta i det här steget');
    expect(outsider.body.errors).toEqual([
      { pointer: '/substituteUsername', message: expect.stringContaining('registrerad ersättare') },
    ]);
    // Nothing changed: the link still works, and the outsider was mailed nothing.
    expect((await w.api.request('GET', `/api/approvals/${token}`)).status).toBe(200);
    expect(w.approvalMailsTo('san.fvc', title)).toHaveLength(0);

    // Another holder of the role for the unit may take it.
    await newOmradeschef('bitr.grundskolechef', 'Bo Bitränare', await omradeschefUnit('grundskola.chef'));
    const handed = await w.api.request('POST', `/api/approvals/${token}/delegate`, {
      body: { substituteUsername: 'bitr.grundskolechef', reason: 'Jävig', csrfToken: summary.body.csrfToken },
    });
    expect(handed.status).toBe(200);
    const delegated = await w.link('bitr.grundskolechef', title);
    expect((await w.decide(delegated.token, { decision: 'approve' })).body.outcome).toBe('approved');
  });

  it('deactivating an approver kills their pending link at once; the others still decide', async () => {
    const doc = await enhetsplan('vretstorp', 'vretstorp.rektor');
    const title = await w.titleOf(doc.id);
    const chief = await w.link('grundskola.chef', title);
    const deputy = await w.link('bitr.grundskolechef', title);
    const admin = await w.api.login('admin');
    const off = await w.api.request('PATCH', `/api/users/${await w.userId('bitr.grundskolechef')}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    const dead = await w.api.request('GET', `/api/approvals/${deputy.token}`);
    expect(dead.status).toBe(410);
    expect(dead.body.code).toBe('token-revoked');
    const [audit] = await w.sql<{ actor: string }>(
      `SELECT actor_user_id AS actor FROM admin_audit WHERE action = 'approval.reassigned' AND details LIKE ?`,
      [`%${doc.id}%`],
    );
    expect(audit.actor).toBe(await w.userId('admin'));
    expect((await w.decide(chief.token, { decision: 'approve' })).body.outcome).toBe('approved');
  });
});
