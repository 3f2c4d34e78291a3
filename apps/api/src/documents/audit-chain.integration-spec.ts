import { createHash } from 'node:crypto';
import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

/** The hash an attacker without the key can compute: the unkeyed SHA-256 of the entry's fields. */
function plainSha256(fields: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

const K1 = `k1:${Buffer.alloc(32, 11).toString('base64')}`;
const K2 = `k2:${Buffer.alloc(32, 22).toString('base64')}`;

/** Runs `tamper` as a database administrator would: around the append-only trigger, put back after. */
async function aroundTrigger(
  api: TestApi,
  table: string,
  op: 'update' | 'delete',
  tamper: () => Promise<void>,
) {
  const name = `trg_${table}_no_${op}`;
  await api.dataSource.query(`DROP TRIGGER ${name}`);
  try {
    await tamper();
  } finally {
    await api.dataSource.query(
      `CREATE TRIGGER ${name} BEFORE ${op.toUpperCase()} ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${table} is append-only'`,
    );
  }
}

// Databases of their own: these tests break chains on purpose (and mend them after).
describe('the keyed audit chains against someone who can write the database (real MariaDB)', () => {
  let api: TestApi;
  let admin: string;
  let rektor: string;
  let transten: string;
  let year = 2050;
  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('audit_keyed'));
    admin = await api.login('admin');
    rektor = await api.login('transten.rektor');
    [{ id: transten }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
  }, 60_000);
  afterAll(() => api.close());

  const verify = async () => (await api.request('GET', '/api/audit/verify', { token: admin })).body;

  async function documentWithTwoEntries(): Promise<string> {
    const created = await api.request('POST', '/api/documents', {
      token: rektor,
      body: { type: 'enhetsplan', orgUnitId: transten, year: year++ },
    });
    expect(created.status).toBe(201);
    const saved = await api.request('PUT', `/api/documents/${created.body.id}/data`, {
      token: rektor,
      body: { data: { fokusomraden: ['Läsning'] }, expectedVersion: 1 },
    });
    expect(saved.status).toBe(200);
    return created.body.id;
  }

  it('refuses an inserted entry whose hash is a correctly computed plain SHA-256', async () => {
    const id = await documentWithTwoEntries();
    const [head] = await api.dataSource.query(
      'SELECT audit_seq AS seq, audit_hash AS hash FROM document WHERE id = ?',
      [id],
    );
    const forged = {
      documentId: id,
      seq: Number(head.seq) + 1,
      at: new Date().toISOString(),
      actorUserId: null,
      onBehalfOfUserId: null,
      via: 'user',
      event: 'ADOPT',
      fromState: 'draft',
      toState: 'adopted',
      comment: 'ADOPT by ks.ordforande',
      dataHash: '0'.repeat(64),
      prevHash: head.hash,
    };
    const hash = plainSha256(forged);
    // What the attacker writes: the entry (with no key id, as entries were before) and the document's head.
    await api.dataSource.query(
      `INSERT INTO document_audit (document_id, seq, at, actor_user_id, on_behalf_of_user_id, via, event, from_state, to_state, comment, data_hash, prev_hash, hash)
       VALUES (?, ?, ?, NULL, NULL, 'user', 'ADOPT', 'draft', 'adopted', ?, ?, ?, ?)`,
      [id, forged.seq, new Date(forged.at), forged.comment, forged.dataHash, forged.prevHash, hash],
    );
    await api.dataSource.query('UPDATE document SET audit_seq = ?, audit_hash = ? WHERE id = ?', [
      forged.seq,
      hash,
      id,
    ]);
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { documentId: id, seq: forged.seq, reason: 'unkeyed entry after a keyed one' },
      });
    } finally {
      await aroundTrigger(api, 'document_audit', 'delete', () =>
        api.dataSource.query('DELETE FROM document_audit WHERE document_id = ? AND seq = ?', [
          id,
          forged.seq,
        ]),
      );
      await api.dataSource.query('UPDATE document SET audit_seq = ?, audit_hash = ? WHERE id = ?', [
        head.seq,
        head.hash,
        id,
      ]);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("finds a cut tail by the document's own head", async () => {
    const id = await documentWithTwoEntries();
    const [last] = await api.dataSource.query(
      'SELECT * FROM document_audit WHERE document_id = ? AND seq = 2',
      [id],
    );
    await aroundTrigger(api, 'document_audit', 'delete', () =>
      api.dataSource.query('DELETE FROM document_audit WHERE id = ?', [last.id]),
    );
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: {
          chain: 'document',
          documentId: id,
          seq: 2,
          reason: 'entries missing at the end (head is 2)',
        },
      });
    } finally {
      const columns = Object.keys(last);
      await api.dataSource.query(
        `INSERT INTO document_audit (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        columns.map((c) => last[c]),
      );
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('keeps admin_audit append-only, and verification finds a forged row in its chain', async () => {
    const [{ id: grundskola }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'GSK'");
    const unit = await api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: grundskola, kind: 'enhet', name: 'Revisionsskolan', code: 'REVS' },
    });
    expect(unit.status).toBe(201);
    const [row] = await api.dataSource.query(
      'SELECT id, key_id AS keyId FROM admin_audit ORDER BY id DESC LIMIT 1',
    );
    expect(row).toMatchObject({ keyId: 'dev' });
    await expect(
      api.dataSource.query("UPDATE admin_audit SET action = 'ändrad' WHERE id = ?", [row.id]),
    ).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query('DELETE FROM admin_audit WHERE id = ?', [row.id])).rejects.toThrow(
      /append-only/,
    );

    const [last] = await api.dataSource.query('SELECT seq, hash FROM admin_audit ORDER BY seq DESC LIMIT 1');
    const forged = {
      seq: Number(last.seq) + 1,
      at: new Date().toISOString(),
      actorUserId: null,
      action: 'role.granted',
      entityType: 'user',
      entityId: 'ks.ordforande',
      detailsHash: createHash('sha256').update('null').digest('hex'),
      prevHash: last.hash,
    };
    const hash = plainSha256(forged);
    await api.dataSource.query(
      `INSERT INTO admin_audit (at, actor_user_id, action, entity_type, entity_id, details, seq, prev_hash, hash)
       VALUES (?, NULL, ?, ?, ?, NULL, ?, ?, ?)`,
      [
        new Date(forged.at),
        forged.action,
        forged.entityType,
        forged.entityId,
        forged.seq,
        forged.prevHash,
        hash,
      ],
    );
    await api.dataSource.query("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chain = 'admin_audit'", [
      forged.seq,
      hash,
    ]);
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: 'admin', seq: forged.seq, reason: 'unkeyed entry after a keyed one' },
      });
    } finally {
      await aroundTrigger(api, 'admin_audit', 'delete', () =>
        api.dataSource.query('DELETE FROM admin_audit WHERE seq = ?', [forged.seq]),
      );
      await api.dataSource.query(
        "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chain = 'admin_audit'",
        [last.seq, last.hash],
      );
    }
    expect(await verify()).toMatchObject({ ok: true });
  });
});

describe('rotating the audit key (real MariaDB)', () => {
  let stack: Record<string, string>;
  beforeAll(async () => {
    stack = await isolatedStack('audit_rotation');
  }, 60_000);

  async function withApi<T>(auditKeys: string, run: (api: TestApi, admin: string) => Promise<T>): Promise<T> {
    const api = await startTestApi({ ...stack, AUDIT_KEYS: auditKeys });
    try {
      return await run(api, await api.login('admin'));
    } finally {
      await api.close();
    }
  }

  it('verifies entries under the old key once a new key is first in the ring', async () => {
    const id = await withApi(K1, async (api) => {
      const [{ id: transten }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
      const created = await api.request('POST', '/api/documents', {
        token: await api.login('transten.rektor'),
        body: { type: 'enhetsplan', orgUnitId: transten, year: 2060 },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    });
    await withApi(`${K2},${K1}`, async (api, admin) => {
      const saved = await api.request('PUT', `/api/documents/${id}/data`, {
        token: await api.login('transten.rektor'),
        body: { data: { fokusomraden: ['Läsning'] }, expectedVersion: 1 },
      });
      expect(saved.status).toBe(200);
      const keys = await api.dataSource.query(
        'SELECT key_id AS k FROM document_audit WHERE document_id = ? ORDER BY seq',
        [id],
      );
      expect(keys.map((r: { k: string }) => r.k)).toEqual(['k1', 'k2']);
      expect((await api.request('GET', '/api/audit/verify', { token: admin })).body).toMatchObject({
        ok: true,
        legacy: 0,
      });
    });
    // Without the old key, its entries cannot be checked: the ring must keep it.
    await withApi(K2, async (api, admin) => {
      expect((await api.request('GET', '/api/audit/verify', { token: admin })).body).toMatchObject({
        ok: false,
        brokenAt: { chain: 'document', documentId: id, seq: 1, reason: 'unknown audit key "k1"' },
      });
    });
  });
});
