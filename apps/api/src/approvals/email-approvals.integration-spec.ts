import { ApprovalWorld, ENHETSPLAN_DATA, MAL_OCH_BUDGET_DATA } from './testing/approval-test-kit';
import { RequestApproval, type RequestApprovalPayload } from '@rodtrad/engine';
import { eventually } from '@rodtrad/testing';

// Over HTTP, end to end: the real API, the real worker (outbox relay, effects, mail queue) and a
// real SMTP server in-process. Every link is taken from a parsed mail.
describe('email-linked approvals', () => {
  const w = new ApprovalWorld();
  const CHIEF: Record<string, string> = {
    fagelsangen: 'fagelsangen.chef',
    solrosen: 'solrosen.chef',
    ekoxen: 'ekoxen.chef',
    transten: 'transten.rektor',
    ostansjo: 'ostansjo.rektor',
    ekangen: 'ekangen.rektor',
    vretstorp: 'vretstorp.rektor',
    alleskolan: 'alle.rektor',
    elevhalsa: 'elevhalsa.chef',
  };
  const enhetsplan = (unit: string, year = 2027) =>
    w.driveDocument('enhetsplan', unit, year, CHIEF[unit], ENHETSPLAN_DATA, [['SUBMIT', CHIEF[unit]]]);

  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  it('mails the områdeschef a link; GET and HEAD change nothing; POST approves once and the document moves', async () => {
    const doc = await enhetsplan('fagelsangen');
    const title = await w.titleOf(doc.id);
    const { mail, token } = await w.link('forskola.chef', title);
    expect(mail.subject).toBe(`Godkännande begärs: ${title}`);
    expect(mail.text).toContain('Hej Sara Mattsson');
    expect(mail.text).toContain('Ägare: Fågelsångens förskola');
    expect(mail.text).toContain('Steg: Granskning av områdeschef');
    // Who asked, and the decisions in the words the approval page uses (#18).
    expect(mail.text).toContain('Skickat av: Maja Nilsson');
    expect(mail.text).toContain('välj Godkänn enhetsplanen eller Returnera för ändring');
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.references.join(' ')).toContain(doc.id);
    // Machine-sent (RFC 3834): vacation responders and Exchange's out-of-office answer nothing.
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.parsed.headers.get('x-auto-response-suppress')).toBe('All');
    // Delivered mail keeps no usable link in the database.
    const stored = await eventually(async () => {
      const rows = await w.sql<{ text: string; status: string }>(
        "SELECT text_body AS text, status FROM mail_message WHERE subject = ? AND status = 'sent'",
        [`Godkännande begärs: ${title}`],
      );
      return rows.length ? rows : undefined;
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.[0]?.text).toContain('/approve/[skickad]');

    const before = await w.sql(
      'SELECT a.status, a.token_used_at FROM approval a JOIN approval_request r ON r.id = a.request_id WHERE r.document_id = ?',
      [doc.id],
    );
    const summary = await w.api.request('GET', `/api/approvals/${token}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      title,
      orgUnitName: 'Fågelsångens förskola',
      stateTitle: 'Granskning av områdeschef',
      mode: 'any',
      approver: { name: 'Sara Mattsson' },
      data: ENHETSPLAN_DATA,
      decisions: ['approve', 'return'],
      decisionLabels: { approve: 'Godkänn enhetsplanen', return: 'Returnera för ändring' },
      requestedBy: { name: expect.any(String) },
    });
    expect(summary.body.form.schema).toBeDefined();
    expect(summary.body.decisionSchema.properties.decision).toBeDefined();
    expect((await w.api.request('HEAD', `/api/approvals/${token}`)).status).toBe(200);
    await w.api.request('GET', `/api/approvals/${token}`);
    expect(
      await w.sql(
        'SELECT a.status, a.token_used_at FROM approval a JOIN approval_request r ON r.id = a.request_id WHERE r.document_id = ?',
        [doc.id],
      ),
    ).toEqual(before);
    expect((await w.document(doc.id)).version).toBe(doc.version);

    expect((await w.decide(token, { decision: 'approve' }, { csrf: false })).status).toBe(403);
    const noComment = await w.decide(token, { decision: 'reject' });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors).toEqual([{ pointer: '/comment', message: expect.any(String) }]);

    const approved = await w.decide(token, { decision: 'approve', comment: 'Bra plan.' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ outcome: 'approved', state: 'adoption' });
    expect((await w.document(doc.id)).state).toBe('adoption');
    const history = (
      await w.api.request('GET', `/api/documents/${doc.id}/history`, { token: await w.api.login('admin') })
    ).body.items;
    expect(history.at(-1)).toMatchObject({
      event: 'APPROVE',
      via: 'email-link',
      actor: { name: 'Sara Mattsson' },
    });

    const again = await w.decide(token, { decision: 'approve' }, { csrf: false });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({
      code: 'token-used',
      detail: expect.stringContaining('redan använts'),
    });
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await w.api.request('GET', `/api/approvals/${tampered}`)).status).toBe(404);
    expect((await w.api.request('GET', '/api/approvals/not-a-token')).status).toBe(404);
  });

  it('a repeated requestApproval effect creates nothing and sends nothing', async () => {
    const doc = await enhetsplan('transten', 2030);
    const title = await w.titleOf(doc.id);
    await w.link('grundskola.chef', title);
    const [effect] = await w.sql<{ dedupeKey: string; payload: unknown }>(
      "SELECT dedupe_key AS dedupeKey, payload FROM outbox WHERE document_id = ? AND effect_type = 'requestApproval'",
      [doc.id],
    );
    const rows = () =>
      w.sql(
        `SELECT (SELECT COUNT(*) FROM approval_request r WHERE r.document_id = ?) AS requests,
                (SELECT COUNT(*) FROM approval a JOIN approval_request r ON r.id = a.request_id WHERE r.document_id = ?) AS approvals,
                (SELECT COUNT(*) FROM mail_message WHERE subject = ?) AS mails`,
        [doc.id, doc.id, `Godkännande begärs: ${title}`],
      );
    const before = await rows();
    expect(before).toEqual([{ requests: '1', approvals: '1', mails: '1' }]);
    const payload = typeof effect.payload === 'string' ? JSON.parse(effect.payload) : effect.payload;
    const again = await w.worker
      .get(RequestApproval)
      .execute({ dedupeKey: effect.dedupeKey, payload: payload as RequestApprovalPayload });
    expect(again).toEqual({ outcome: 'already-requested' });
    expect(await rows()).toEqual(before);
    await new Promise((r) => setTimeout(r, 500));
    expect(w.approvalMailsTo('grundskola.chef', title)).toHaveLength(1);
  });

  it('asks the förvaltningschef when the enhet sits directly under its förvaltning and has no områdeschef', async () => {
    // Central elevhälsa: no område between it and Bildningsförvaltningen, so nobody holds the asked
    // role (omradeschef) for it; its chef above, the förvaltningschef, is asked and may decide.
    const doc = await enhetsplan('elevhalsa');
    const title = await w.titleOf(doc.id);
    const { mail, token } = await w.link('bin.fvc', title);
    expect(mail.text).toContain('Hej Helena Björk');
    const decided = await w.decide(token, { decision: 'approve' });
    expect(decided.body).toMatchObject({ outcome: 'approved', state: 'adoption' });
  });

  it('sends the plan back to draft on "return for changes", with the comment in the history', async () => {
    const doc = await enhetsplan('solrosen');
    const { token } = await w.link('forskola.chef', await w.titleOf(doc.id));
    const res = await w.decide(token, { decision: 'return', comment: 'Lägg till ansvarig för aktivitet 2.' });
    expect(res.body).toMatchObject({ outcome: 'returned', state: 'draft' });
    const history = (
      await w.api.request('GET', `/api/documents/${doc.id}/history`, { token: await w.api.login('admin') })
    ).body.items;
    expect(history.at(-1)).toMatchObject({ event: 'RETURN', comment: 'Lägg till ansvarig för aktivitet 2.' });
  });

  it('answers 410 token-expired for an expired link and changes nothing', async () => {
    const doc = await enhetsplan('ekoxen');
    const { token } = await w.link('forskola.chef', await w.titleOf(doc.id));
    await w.sql(
      `UPDATE approval a JOIN approval_request r ON r.id = a.request_id SET a.token_expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE r.document_id = ?`,
      [doc.id],
    );
    const res = await w.api.request('GET', `/api/approvals/${token}`);
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ code: 'token-expired', detail: expect.stringContaining('gått ut') });
    expect((await w.decide(token, { decision: 'approve' }, { csrf: false })).status).toBe(410);
    expect((await w.document(doc.id)).state).toBe('review');
  });

  it('revokes the link when the document changes, and mails a fresh one that works', async () => {
    const doc = await enhetsplan('transten');
    const title = await w.titleOf(doc.id);
    const { token } = await w.link('grundskola.chef', title);
    const saved = await w.api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: await w.api.login('grundskola.chef'),
      body: {
        data: { ...ENHETSPLAN_DATA, granskningskommentar: 'Rättat datum.' },
        expectedVersion: doc.version,
      },
    });
    expect(saved.status).toBe(200);
    const old = await w.decide(token, { decision: 'approve' }, { csrf: false });
    expect(old.status).toBe(410);
    expect(old.body.code).toBe('token-revoked');
    const fresh = await w.link('grundskola.chef', title, 2);
    expect(fresh.mail.subject).toBe(`Ny länk: Godkännande begärs: ${title}`);
    expect((await w.decide(fresh.token, { decision: 'approve' })).body.outcome).toBe('approved');
  });

  it('mal-och-budget: mode all with two chairs deciding in parallel moves the step exactly once', async () => {
    const second = await w.userId('san.ordforande');
    await w.sql(
      `INSERT INTO role_assignment (id, user_id, role, org_unit_id) VALUES (UUID(), ?, 'namnd.ordforande', ?)`,
      [second, await w.unitId('bin')],
    );
    const doc = await w.driveDocument('mal-och-budget', 'bin', 2027, 'bin.handlaggare', MAL_OCH_BUDGET_DATA, [
      ['SUBMIT', 'bin.handlaggare'],
      ['APPROVE', 'bin.fvc'],
    ]);
    const title = await w.titleOf(doc.id);
    const [a, b] = await Promise.all([w.link('bin.ordforande', title), w.link('san.ordforande', title)]);
    const csrf = async (t: string) => (await w.api.request('GET', `/api/approvals/${t}`)).body.csrfToken;
    const [ca, cb] = [await csrf(a.token), await csrf(b.token)];
    const results = await Promise.all([
      w.api.request('POST', `/api/approvals/${a.token}`, { body: { decision: 'approve', csrfToken: ca } }),
      w.api.request('POST', `/api/approvals/${b.token}`, { body: { decision: 'approve', csrfToken: cb } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.outcome).sort()).toEqual(['approved', 'recorded']);
    expect((await w.document(doc.id)).state).toBe('adopted');
    const approvals = await w.sql(
      `SELECT COUNT(*) AS n FROM document_audit WHERE document_id = ? AND event = 'APPROVE' AND from_state = 'decision'`,
      [doc.id],
    );
    expect(Number(approvals[0].n)).toBe(1);
  });

  it('mode sequence: the second approver is mailed only after the first approved', async () => {
    const doc = await enhetsplan('ostansjo');
    const title = await w.titleOf(doc.id);
    const first = await w.link('grundskola.chef', title);
    await requestApproval(doc.id, { approvers: { users: ['grundskola.chef', 'bin.fvc'] }, mode: 'sequence' });
    const mine = await w.link('grundskola.chef', title, 2);
    expect((await w.api.request('GET', `/api/approvals/${first.token}`)).body.code).toBe('token-revoked');
    expect(w.approvalMailsTo('bin.fvc', title)).toHaveLength(0);
    expect((await w.decide(mine.token, { decision: 'approve' })).body.outcome).toBe('recorded');
    const next = await w.link('bin.fvc', title);
    expect(next.mail.text).toContain('Det är nu din tur');
    expect((await w.decide(next.token, { decision: 'approve' })).body).toMatchObject({
      outcome: 'approved',
      state: 'adoption',
    });
  });

  it('substitutes: a standing substitute gets the link on behalf of the absent chief, and a link can be handed over', async () => {
    const admin = await w.api.login('admin');
    const created = await w.registerSubstitute('grundskola.chef', 'bin.fvc', 'Semester');
    const doc = await enhetsplan('ekangen');
    const title = await w.titleOf(doc.id);
    const standing = await w.link('bin.fvc', title);
    expect(standing.mail.text).toContain('För: Jonas Bergström (du är ersättare)');
    expect(w.approvalMailsTo('grundskola.chef', title)).toHaveLength(0);

    // Handed over to another registered substitute of the chief (see approver-authority spec for
    // whom it may not go to).
    const also = await w.registerSubstitute('grundskola.chef', 'ksf.fvc', 'Semester, andra veckan');
    const summary = await w.api.request('GET', `/api/approvals/${standing.token}`);
    const handed = await w.api.request('POST', `/api/approvals/${standing.token}/delegate`, {
      body: { substituteUsername: 'ksf.fvc', reason: 'Jävig i ärendet', csrfToken: summary.body.csrfToken },
    });
    expect(handed.status).toBe(200);
    expect((await w.api.request('GET', `/api/approvals/${standing.token}`)).body.code).toBe('token-revoked');
    const delegated = await w.link('ksf.fvc', title);
    expect(delegated.mail.text).toContain('Jävig i ärendet');
    expect((await w.decide(delegated.token, { decision: 'approve' })).body.outcome).toBe('approved');
    const history = (await w.api.request('GET', `/api/documents/${doc.id}/history`, { token: admin })).body
      .items;
    expect(history.at(-1)).toMatchObject({
      actor: { name: 'Peter Hedlund' },
      onBehalfOf: { name: 'Jonas Bergström' },
    });
    for (const id of [created, also])
      expect((await w.api.request('DELETE', `/api/substitutes/${id}`, { token: admin })).status).toBe(204);
  });

  it('a step that requires sign-in refuses the bare link (401) and takes it with the approver signed in', async () => {
    const doc = await enhetsplan('vretstorp');
    const title = await w.titleOf(doc.id);
    await w.link('grundskola.chef', title);
    await requestApproval(doc.id, {
      approvers: { roles: ['omradeschef'] },
      mode: 'any',
      requireSignIn: true,
    });
    const { mail, token } = await w.link('grundskola.chef', title, 2);
    expect(mail.text).toContain('kräver att du loggar in');
    expect((await w.api.request('GET', `/api/approvals/${token}`)).body.requireSignIn).toBe(true);
    const bare = await w.decide(token, { decision: 'approve' });
    expect(bare.status).toBe(401);
    const other = await w.decide(
      token,
      { decision: 'approve' },
      { session: await w.api.login('forskola.chef') },
    );
    expect(other.status).toBe(403);
    const signedIn = await w.decide(
      token,
      { decision: 'approve' },
      { session: await w.api.login('grundskola.chef') },
    );
    expect(signedIn.body.outcome).toBe('approved');
  });

  it('approvers with an account see their pending approvals in the app and decide there', async () => {
    const doc = await enhetsplan('alleskolan');
    const title = await w.titleOf(doc.id);
    const { token } = await w.link('gymnasium.chef', title);
    const session = await w.api.login('gymnasium.chef');
    const mine = await w.api.request('GET', '/api/approvals?limit=50', { token: session });
    const item = mine.body.items.find((i: { documentId: string }) => i.documentId === doc.id);
    expect(item).toMatchObject({ title, mode: 'any', state: 'review' });
    expect(
      (
        await w.api.request('POST', `/api/approvals/by-id/${item.id}`, {
          token: await w.api.login('forskola.chef'),
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(404);
    const res = await w.api.request('POST', `/api/approvals/by-id/${item.id}`, {
      token: session,
      body: { decision: 'approve' },
    });
    expect(res.body).toMatchObject({ outcome: 'approved', state: 'adoption' });
    expect((await w.api.request('GET', `/api/approvals/${token}`)).status).toBe(410);
  });

  it('SMTP down for a while: mails wait, retry, and every one is delivered exactly once when it returns', async () => {
    await w.smtp.stop();
    const docs = [];
    for (const unit of ['fagelsangen', 'solrosen', 'ekoxen']) docs.push(await enhetsplan(unit, 2028));
    const titles = await Promise.all(docs.map((d) => w.titleOf(d.id)));
    await waitUntil(async () => {
      const rows = await w.sql<{ n: number }>(
        `SELECT COUNT(*) AS n FROM mail_message WHERE status = 'pending' AND attempts > 0 AND subject LIKE '%Godkännande begärs: %2028%'`,
      );
      return Number(rows[0].n) === 3;
    });
    await w.smtp.start();
    for (const t of titles) await w.link('forskola.chef', t);
    await new Promise((r) => setTimeout(r, 3000));
    for (const t of titles) expect(w.approvalMailsTo('forskola.chef', t)).toHaveLength(1);
    const [{ n }] = await w.sql<{ n: number }>(
      `SELECT COUNT(*) AS n FROM mail_message WHERE status <> 'sent' AND subject LIKE '%Godkännande begärs: %2028%'`,
    );
    expect(Number(n)).toBe(0);
  }, 90_000);

  it('a mail that finally failed is visible to administrators with its reason, and can be resent', async () => {
    const doc = await enhetsplan('fagelsangen', 2029);
    const title = await w.titleOf(doc.id);
    const { token } = await w.link('forskola.chef', title);
    // The worker records the delivery just after the SMTP server got it: wait for that first,
    // or it would overwrite the failure simulated below.
    const row = await eventually(async () => {
      const [r] = await w.sql<{ id: string }>(
        "SELECT id FROM mail_message WHERE subject = ? AND status = 'sent'",
        [`Godkännande begärs: ${title}`],
      );
      return r;
    });
    // As the send-mail job leaves it after its last attempt: never delivered, so its link is intact.
    await w.sql(
      `UPDATE mail_message SET status = 'failed', last_error = '421 Service not available',
              text_body = REPLACE(text_body, '/approve/[skickad]', ?), html_body = REPLACE(html_body, '/approve/[skickad]', ?)
        WHERE id = ?`,
      [`/approve/${token}`, `/approve/${token}`, row.id],
    );
    const admin = await w.api.login('admin');
    expect(
      (await w.api.request('GET', '/api/mail?status=failed', { token: await w.api.login('forskola.chef') }))
        .status,
    ).toBe(403);
    const failed = await w.api.request('GET', '/api/mail?status=failed', { token: admin });
    expect(failed.body.items).toContainEqual(
      expect.objectContaining({ id: row.id, status: 'failed', lastError: '421 Service not available' }),
    );
    const resent = await w.api.request('POST', `/api/mail/${row.id}/resend`, { token: admin });
    expect(resent.status).toBe(200);
    await w.link('forskola.chef', title, 2);
    expect((await w.api.request('POST', `/api/mail/${row.id}/resend`, { token: admin })).status).toBe(409);
  });

  /** As the engine writes it for a definition with these requestApproval params. */
  async function requestApproval(documentId: string, params: Record<string, unknown>): Promise<void> {
    const [doc] = await w.sql<{ orgUnitId: string; year: number; state: string }>(
      'SELECT org_unit_id AS orgUnitId, year, state FROM document WHERE id = ?',
      [documentId],
    );
    const payload = {
      ...params,
      state: doc.state,
      documentId,
      documentType: 'enhetsplan',
      orgUnitId: doc.orgUnitId,
      year: doc.year,
      period: null,
    };
    await w.sql(
      `INSERT INTO outbox (document_id, effect_type, payload, dedupe_key) VALUES (?, 'requestApproval', ?, ?)`,
      [documentId, JSON.stringify(payload), `${documentId}__test__${Date.now()}__requestApproval`],
    );
  }
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}
