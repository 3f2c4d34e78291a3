import { startTestApi, type TestApi } from '@rodtrad/testing';

/**
 * Every endpoint in the OpenAPI description is listed here with who may call it, so a
 * new endpoint fails this test until its access rule is stated and checked.
 */
/** 'scoped': signed-in, and the caller's roles must reach the organisation unit of the resource. */
type Access = 'public' | 'signed-in' | 'scoped' | 'admin';
const RULES: Record<string, Access> = {
  'GET /api/escalations': 'signed-in', // KS/KF/admin see all, others their units
  'GET /api/escalations/{id}': 'signed-in',
  'POST /api/escalations/{id}/acknowledge': 'admin', // KS chair and secretary
  'POST /api/escalations/{id}/decision': 'admin', // KS chair and secretary
  'GET /api/escalations/advice': 'signed-in', // 404 for a plan the caller's roles do not reach
  'GET /api/years/{year}/kf-information': 'signed-in',
  'PUT /api/years/{year}/kf-information/{documentType}/{period}': 'admin', // and registrator
  'GET /api/years/{year}/gpf-underlag': 'signed-in',
  'POST /api/escalations': 'admin', // nämnd chair, secretary, förvaltningschef, economist (handläggare on its förvaltning), for their nämnd
  'GET /api/org-units/{id}/thresholds': 'admin',
  'PUT /api/org-units/{id}/thresholds': 'admin',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signed-in',
  'GET /api/auth/providers': 'public', // what the sign-in page offers
  'GET /api/auth/oidc/login': 'public', // a redirect to the identity provider
  'GET /api/auth/oidc/callback': 'public', // the provider's answer, checked against this browser's sign-in
  'POST /api/auth/oidc/backchannel-logout': 'public', // the provider's signed logout token is the credential
  'GET /api/group-mappings': 'admin',
  'POST /api/group-mappings': 'admin',
  'DELETE /api/group-mappings/{id}': 'admin',
  // Imports from the financial system: admin, or a handläggare at KS or KS's förvaltning (the
  // central ekonomiavdelning); the role guard turns others away before the body is read.
  'POST /api/imports/ekonomi': 'admin',
  'GET /api/imports/ekonomi': 'admin',
  'GET /api/imports/{id}': 'admin',
  'GET /api/imports/ekonomi/mappings': 'admin',
  'POST /api/imports/ekonomi/mappings': 'admin',
  'DELETE /api/imports/ekonomi/mappings/{id}': 'admin',
  'GET /api/imports/ekonomi/settings': 'admin',
  'PUT /api/imports/ekonomi/settings': 'admin',
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/org-units': 'signed-in',
  'GET /api/org-units/{id}': 'signed-in',
  'GET /api/owned-bodies': 'signed-in', // public facts of the municipality's holdings
  'GET /api/org-units/{id}/ownership': 'signed-in',
  'PUT /api/org-units/{id}/ownership': 'admin',
  'POST /api/org-units': 'admin',
  'PATCH /api/org-units/{id}': 'admin',
  'DELETE /api/org-units/{id}': 'admin',
  'GET /api/users': 'admin',
  'GET /api/users/{id}': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/{id}': 'admin',
  'GET /api/documents': 'signed-in',
  'GET /api/activity': 'signed-in', // the caller's own documents, in units their roles still reach
  'POST /api/documents': 'scoped',
  'GET /api/documents/{id}': 'scoped',
  'PUT /api/documents/{id}/data': 'scoped',
  'POST /api/documents/{id}/events': 'scoped',
  'GET /api/documents/{id}/history': 'scoped',
  // Comments and attachments: whoever may read the document; removing an attachment also needs
  // to be its uploader or an administrator, and the document not final.
  'GET /api/documents/{id}/comments': 'scoped',
  'POST /api/documents/{id}/comments': 'scoped',
  'GET /api/documents/{id}/attachments': 'scoped',
  'POST /api/documents/{id}/attachments': 'scoped',
  'GET /api/documents/{id}/attachments/{attachmentId}': 'scoped',
  'DELETE /api/documents/{id}/attachments/{attachmentId}': 'scoped',
  'GET /api/documents/{id}/pdf': 'scoped',
  'GET /api/documents/{id}/secrecy': 'scoped',
  'PUT /api/documents/{id}/secrecy': 'scoped', // and only those who may edit the document in some step
  'DELETE /api/documents/{id}/secrecy': 'scoped',
  'GET /api/audit/verify': 'admin',
  'GET /api/workflow-definitions': 'signed-in',
  'GET /api/tasks': 'signed-in',
  'GET /api/workflow-definitions/{key}/versions/{version}': 'signed-in',
  'GET /api/workflow-definitions/{key}/versions': 'admin',
  'POST /api/workflow-definitions/{key}/versions': 'admin',
  'PUT /api/workflow-definitions/{key}/versions/{version}': 'admin',
  'GET /api/workflow-definitions/{key}/versions/{a}/diff/{b}': 'admin',
  'POST /api/workflow-definitions/{key}/versions/{version}/simulate': 'admin',
  'GET /api/workflow-definitions/{key}/versions/{version}/paths': 'admin',
  'POST /api/workflow-definitions/{key}/versions/{version}/publish': 'admin',
  'POST /api/workflow-definitions/{key}/versions/{version}/migrations/dry-run': 'admin',
  'POST /api/workflow-definitions/{key}/versions/{version}/migrations': 'admin',
  'GET /api/forms/{type}/{step}/versions': 'admin',
  'POST /api/forms/{type}/{step}/versions': 'admin',
  'GET /api/forms/{type}/{step}/versions/{a}/diff/{b}': 'admin',
  'POST /api/forms/{type}/{step}/versions/{version}/publish': 'admin',
  'GET /api/years/{year}/calendar': 'signed-in',
  'PUT /api/years/{year}/calendar/{key}': 'admin', // admin or registrator
  'PUT /api/years/{year}/calendar/manadsrapport/periods': 'admin', // admin or registrator
  'GET /api/years/{year}/municipal-report': 'signed-in',
  'GET /api/years/{year}/calendar.ics': 'public',
  'POST /api/years/{year}/open': 'admin', // admin or registrator
  'GET /api/years/{year}/red-thread': 'signed-in',
  'GET /api/years/{year}/status': 'admin', // admin, registrator, KS chair and secretary
  // Internal control (#16): the matrix is read by every form, changed by an administrator; a
  // nämnd's risks are an adopted plan's (public); KS's summary is for KS, the registrar and admin.
  'GET /api/risk-matrix': 'signed-in',
  'PUT /api/risk-matrix': 'admin',
  'GET /api/years/{year}/internal-control/{orgUnitId}/risk-matrix': 'signed-in',
  'GET /api/years/{year}/internal-control': 'admin', // admin, registrator, KS chair and secretary
  'POST /api/years/{year}/archive': 'admin', // admin or registrator
  'GET /api/years/{year}/archive': 'admin', // admin or registrator
  // Kolada (#19): the administrator's fetch and import.
  'GET /api/kolada': 'admin',
  'POST /api/kolada/fetch': 'admin',
  'POST /api/kolada/imports': 'admin',
  // The public site for citizens (#20): adopted, non-secret documents only.
  'GET /offentligt': 'public',
  'GET /offentligt/sok': 'public',
  'GET /offentligt/data/{file}': 'public',
  'GET /offentligt/dokument/{file}': 'public',
  'GET /offentligt/{year}': 'public',
  'GET /offentligt/{year}/roda-traden': 'public',
  'GET /offentligt/{year}/arshjul': 'public',
  'GET /api/approvals': 'signed-in', // the caller's own pending approvals
  'GET /api/approvals/{token}': 'public', // the mail link is the credential
  'POST /api/approvals/{token}': 'public',
  'POST /api/approvals/{token}/delegate': 'public',
  'POST /api/approvals/by-id/{id}': 'signed-in', // only the approver's own (404 otherwise)
  'POST /api/approvals/by-id/{id}/delegate': 'signed-in',
  'GET /api/substitutes': 'admin',
  'POST /api/substitutes': 'admin',
  'DELETE /api/substitutes/{id}': 'admin',
  'GET /api/mail': 'admin',
  'POST /api/mail/{id}/resend': 'admin',
};

describe('authorization matrix', () => {
  let api: TestApi;
  let endpoints: string[];
  let someUnitId: string;
  let someUserId: string;
  let enhetschef: string;
  let outsider: string; // enhetschef of another school
  let documentId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const doc = (await api.request('GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    endpoints = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    [{ id: someUnitId }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
    [{ id: someUserId }] = await api.dataSource.query("SELECT id FROM app_user WHERE username = 'admin'");
    const [{ username }] = await api.dataSource.query(
      "SELECT u.username FROM app_user u JOIN role_assignment r ON r.user_id = u.id WHERE r.role = 'enhetschef' ORDER BY u.username LIMIT 1",
    );
    enhetschef = await api.login(username);
    outsider = await api.login('ekangen.rektor');
    const created = await api.request('POST', '/api/documents', {
      token: await api.login('transten.rektor'),
      body: { type: 'enhetsplan', orgUnitId: someUnitId, year: 2031 },
    });
    documentId = created.body.id;
  });
  afterAll(() => api.close());

  const concrete = (path: string) =>
    path
      .replace('/org-units/{id}', `/org-units/${someUnitId}`)
      .replace('/users/{id}', `/users/${someUserId}`)
      .replace('/documents/{id}', `/documents/${documentId}`)
      .replace('{id}', '00000000-0000-4000-8000-000000000000')
      .replace('{year}', '2033')
      .replace('{key}', 'enhetsplan')
      .replace('{version}', '1');
  const call = (endpoint: string, token?: string, body: unknown = {}) => {
    const [method, path] = endpoint.split(' ');
    return api.request(method, concrete(path), {
      token,
      body: method === 'GET' || method === 'DELETE' ? undefined : body,
    });
  };

  // Valid bodies, so that a 403 is the scope speaking and not validation.
  const VALID: Record<string, unknown> = {
    'PUT /api/documents/{id}/data': { data: {}, expectedVersion: 1 },
    'POST /api/documents/{id}/events': { type: 'SUBMIT', expectedVersion: 1 },
    'PUT /api/documents/{id}/secrecy': { pointer: '/aktiviteter', paragraph: 'OSL 21 kap. 1 §' },
    'POST /api/documents/{id}/comments': { body: 'En kommentar från någon utanför enheten.' },
  };

  it('states an access rule for every endpoint the API publishes', () => {
    expect(endpoints.filter((e) => !(e in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((e) => !endpoints.includes(e))).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every non-public endpoint', async () => {
    const wrong: string[] = [];
    for (const e of endpoints.filter((e) => RULES[e] !== 'public')) {
      const res = await call(e);
      if (res.status !== 401 || !/problem\+json/.test(res.headers.get('content-type') ?? ''))
        wrong.push(`${e} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a signed-in caller without the admin role on every admin endpoint, changing nothing', async () => {
    // Every administrative change is audited with its actor: this caller must have none.
    const changesBy = () =>
      api.dataSource.query(
        'SELECT COUNT(*) AS n FROM admin_audit a JOIN session s ON s.user_id = a.actor_user_id WHERE s.token_hash = SHA2(?, 256)',
        [enhetschef],
      );
    const before = await changesBy();
    const wrong: string[] = [];
    for (const e of endpoints.filter((e) => RULES[e] === 'admin')) {
      const res = await call(e, enhetschef);
      if (res.status !== 403) wrong.push(`${e} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await changesBy()).toEqual(before);
  });

  it('answers 403 to a caller whose roles do not reach the resource’s unit, on every scoped endpoint, changing nothing', async () => {
    VALID['POST /api/documents'] = { type: 'enhetsplan', orgUnitId: someUnitId, year: 2032 };
    // Only this test's own rows: other suites create documents in the same database meanwhile.
    const snapshot = () =>
      api.dataSource.query(
        "SELECT version, (SELECT COUNT(*) FROM document WHERE type = 'enhetsplan' AND year = 2032) AS n FROM document WHERE id = ?",
        [documentId],
      );
    const before = await snapshot();
    const wrong: string[] = [];
    for (const e of endpoints.filter((e) => RULES[e] === 'scoped')) {
      const res = await call(e, outsider, VALID[e] ?? {});
      if (res.status !== 403) wrong.push(`${e} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('lets every signed-in user read the organisation tree', async () => {
    const res = await api.request('GET', '/api/org-units', { token: enhetschef });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    expect(res.body.items.map((u: { code: string }) => u.code)).toEqual(
      expect.arrayContaining(['KF', 'KS', 'BIN', 'SAN', 'DSN', 'MYN', 'VAL']),
    );
  });
});
