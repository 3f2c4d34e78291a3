import type { TestApi } from './api-harness';

/**
 * Steps of a document's workflow over HTTP, for specs that carry documents to adoption through
 * the API as the demo users do (the governance chain, the public site).
 */

/** The id of the unit with `code`. */
export async function unitIdOf(api: TestApi, code: string): Promise<string> {
  return (await api.dataSource.query('SELECT id FROM org_unit WHERE code = ?', [code]))[0].id as string;
}

/** The id of the unit `code`'s yearly document (no period) of `type` in `year`. */
export async function yearlyDocumentOf(
  api: TestApi,
  type: string,
  code: string,
  year: number,
): Promise<string> {
  return (
    await api.dataSource.query(
      "SELECT id FROM document WHERE type = ? AND org_unit_id = ? AND year = ? AND period = ''",
      [type, await unitIdOf(api, code), year],
    )
  )[0].id as string;
}

/** As `username`: optionally save `data`, then send `event`; resolves with the state reached, throws when refused. */
export async function stepAs(
  api: TestApi,
  id: string,
  username: string,
  step: { data?: Record<string, unknown>; event: string },
): Promise<string> {
  const token = await api.login(username);
  let doc = await api.request('GET', `/api/documents/${id}`, { token });
  if (doc.status !== 200) throw new Error(`${username} could not read ${id}: ${doc.status}`);
  if (step.data) {
    doc = await api.request('PUT', `/api/documents/${id}/data`, {
      token,
      body: { data: step.data, expectedVersion: doc.body.version },
    });
    if (doc.status !== 200) throw new Error(`${username} could not save: ${doc.text}`);
  }
  const res = await api.request('POST', `/api/documents/${id}/events`, {
    token,
    body: { type: step.event, expectedVersion: doc.body.version },
  });
  if (res.status !== 200) throw new Error(`${username} ${step.event} → ${res.status} ${res.text}`);
  return res.body.state as string;
}
