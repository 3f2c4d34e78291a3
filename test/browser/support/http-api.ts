import { BASE_URL } from './browser';

export interface HttpAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
}

/** The API over HTTP as one demo user (bearer token), for setting the scene of a browser test. */
export async function apiAs(username: string, password = process.env['DEMO_PASSWORD'] ?? 'demo') {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`Sign-in as ${username} failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  return async function request(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const res = await fetch(`${BASE_URL}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  };
}

/** Polls until `probe` returns something truthy. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false | null>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The demo budget year the browser tests open and work in. */
export const TEST_YEAR = 2027;

/**
 * The månadsrapport of the unit with `code` for `period` ("2027-03") in TEST_YEAR, created as `api`
 * when the demo data has none yet; the document as the API answers it.
 */
export async function monthlyReport(
  api: Awaited<ReturnType<typeof apiAs>>,
  code: string,
  period: string,
): Promise<HttpAnswer['body']> {
  const units = await api('GET', '/api/org-units');
  const unit = units.body.items.find((u: { code: string }) => u.code === code);
  const found = await api(
    'GET',
    `/api/documents?year=${TEST_YEAR}&type=manadsrapport&orgUnitId=${unit.id}&limit=50`,
  );
  const report = found.body.items.find((d: { period: string }) => d.period === period);
  if (report) return report;
  const created = await api('POST', '/api/documents', {
    type: 'manadsrapport',
    orgUnitId: unit.id,
    year: TEST_YEAR,
    period,
  });
  if (created.status !== 201)
    throw new Error(`Creating the månadsrapport ${period} failed: ${created.status}`);
  return created.body;
}
