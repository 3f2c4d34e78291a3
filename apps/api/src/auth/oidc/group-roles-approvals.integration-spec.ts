import { ApprovalWorld, ENHETSPLAN_DATA } from '../../approvals/testing/approval-test-kit';
import { OidcSignInService } from './oidc-sign-in.service';

/**
 * A role from the provider's groups carries approvals like a role given by hand, and loses them
 * the same way: when the group is gone at the next sign-in, the person's pending approvals that
 * needed the role are revoked (their links die) and their older sessions no longer hold it. The
 * provider's part (discovery, login, tokens) is proven in oidc-sign-in.integration-spec.ts; here
 * the sign-in service gets what a validated ID token said.
 */
describe('roles from groups and pending approvals', () => {
  const w = new ApprovalWorld('approvals_groups');
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  const identity = (groups: string[]) => ({
    issuer: 'https://idp.hallsberg.example',
    subject: 'olle-omrade',
    claims: { sub: 'olle-omrade', name: 'Olle Områdesson', email: 'olle.omrade@hallsberg.example', groups },
    authTime: new Date(),
    sid: 'provider-session-1',
    idToken: 'eyJ.test.token',
  });

  it('revokes the pending approval and the role when the group is gone at the next sign-in', async () => {
    const admin = await w.api.login('admin');
    const mapped = await w.api.request('POST', '/api/group-mappings', {
      token: admin,
      body: {
        group: 'GRP-Omradeschef-Grundskola',
        role: 'omradeschef',
        orgUnitId: await w.unitId('grundskola'),
      },
    });
    expect(mapped.status).toBe(201);
    const signIn = w.api.app.get(OidcSignInService);
    const first = await signIn.signIn(identity(['GRP-Omradeschef-Grundskola']));

    const doc = await w.driveDocument('enhetsplan', 'ostansjo', 2027, 'ostansjo.rektor', ENHETSPLAN_DATA, [
      ['SUBMIT', 'ostansjo.rektor'],
    ]);
    const title = await w.titleOf(doc.id);
    await w.link('grundskola.chef', title);
    const pending = () =>
      w.sql<{ status: string }>(
        `SELECT a.status FROM approval a JOIN approval_request r ON r.id = a.request_id
          WHERE r.document_id = ? AND a.approver_user_id = ?`,
        [doc.id, first.userId],
      );
    expect((await pending()).map((a) => a.status)).toEqual(['pending']);
    const mine = await w.api.request('GET', '/api/approvals?limit=50', { token: first.token });
    expect(mine.body.items.map((i: { documentId: string }) => i.documentId)).toContain(doc.id);

    await expect(signIn.signIn(identity(['GRP-Personalklubben']))).rejects.toMatchObject({
      code: 'no-roles',
    });
    expect((await pending()).map((a) => a.status)).toEqual(['revoked']);
    const me = await w.api.request('GET', '/api/auth/me', { token: first.token });
    expect(me.body.roles).toEqual([]);
    const gone = await w.api.request('GET', '/api/approvals?limit=50', { token: first.token });
    expect(gone.body.items.map((i: { documentId: string }) => i.documentId)).not.toContain(doc.id);
  });
});
