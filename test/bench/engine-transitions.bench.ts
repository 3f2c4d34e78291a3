/**
 * Transitions per second and latency through the engine service and through HTTP, at 1 and
 * 32 concurrent clients, beside the ceiling: the same writes (guarded update + audit insert +
 * outbox insert in one transaction) done directly on the same MariaDB in the same run.
 *
 *   npm run bench -- engine-transitions
 *
 * Each client owns one enhetsplan and alternates SUBMIT (rektor) and RETURN (områdeschef), so
 * every operation is a real transition with form validation, facts, audit and outbox.
 */
import { createPool } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { describeDatabaseUrl, loadConfig } from '@rodtrad/config';
import { dataHash, linkHash } from '@rodtrad/domain';
import { createDocumentEngine, DefinitionStore, type EngineActor } from '@rodtrad/engine';
import { openDatabase, UserRepository } from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { createApiApp } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { drive, fmt, freshBenchDatabase, machine, percentile } from './bench-support';

const DATA = {
  aktiviteter: [
    {
      titel: 'Läsfrämjande',
      namndmalId: 'BIN-1',
      ansvarig: 'Erik Andersson',
      klartDatum: '2027-06-01',
      status: 'planerad',
    },
  ],
  fokusomraden: ['Läsning'],
  aptDatum: '2027-01-15',
};
const OPS_SINGLE = Number(process.env['BENCH_OPS_SINGLE'] ?? 400);
const OPS_PER_CLIENT_32 = Number(process.env['BENCH_OPS_32'] ?? 60);

interface Row {
  mode: string;
  clients: number;
  tps: number;
  p50: number;
  p99: number;
}

async function main() {
  process.env['DATABASE_URL'] = await freshBenchDatabase('rodtrad_bench_engine');
  process.env['QUEUE_PREFIX'] = 'rodtrad_bench_engine';
  const config = loadConfig();
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 20 });
  await seedDemo(ds, config.demoPassword);
  await DefinitionStore.fromCwd(ds).syncShipped();
  const engine = createDocumentEngine(ds);
  const users = new UserRepository(ds);
  const actor = async (username: string): Promise<EngineActor> => {
    const [{ id }] = await ds.query('SELECT id FROM app_user WHERE username = ?', [username]);
    return { userId: id, roles: await users.rolesOf(id), via: 'user' };
  };
  const rektor = await actor('transten.rektor');
  const chef = await actor('grundskola.chef');
  const [{ id: transten }] = await ds.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
  let year = 2100;

  async function documents(n: number) {
    const out: { id: string; version: number; state: 'draft' | 'review' }[] = [];
    for (let i = 0; i < n; i++) {
      const d = await engine.create({ type: 'enhetsplan', orgUnitId: transten, year: year++, actor: rektor });
      const { version } = await engine.saveData({
        documentId: d.id,
        data: DATA,
        expectedVersion: 1,
        actor: rektor,
      });
      out.push({ id: d.id, version, state: 'draft' });
    }
    return out;
  }

  const rows: Row[] = [];
  const record = (mode: string, clients: number, r: { latencies: number[]; seconds: number }) => {
    const row = {
      mode,
      clients,
      tps: r.latencies.length / r.seconds,
      p50: percentile(r.latencies, 50),
      p99: percentile(r.latencies, 99),
    };
    rows.push(row);
    console.log(
      `${mode.padEnd(8)} ${String(clients).padStart(2)} clients  ${fmt(row.tps, 0).padStart(6)} transitions/s   p50 ${fmt(row.p50, 2)} ms   p99 ${fmt(row.p99, 2)} ms   (${r.latencies.length} ops)`,
    );
  };

  // --- through the engine service -------------------------------------------------------
  const viaEngine = async (docs: Awaited<ReturnType<typeof documents>>, c: number) => {
    const d = docs[c];
    const submit = d.state === 'draft';
    const r = await engine.transition({
      documentId: d.id,
      event: submit ? { type: 'SUBMIT' } : { type: 'RETURN', comment: 'Komplettera.' },
      expectedVersion: d.version,
      actor: submit ? rektor : chef,
    });
    d.version = r.version;
    d.state = submit ? 'review' : 'draft';
  };
  {
    const docs = await documents(33);
    await drive(1, 20, () => viaEngine(docs, 32)); // warm-up
    record('engine', 1, await drive(1, OPS_SINGLE, (c) => viaEngine(docs, c)));
    record('engine', 32, await drive(32, OPS_PER_CLIENT_32, (c) => viaEngine(docs, c)));
  }

  // --- through HTTP -----------------------------------------------------------------------
  {
    const { app } = await createApiApp(config, { migrate: false });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = async (username: string) =>
      (
        (await (
          await fetch(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: config.demoPassword }),
          })
        ).json()) as { token: string }
      ).token;
    const tokens = { rektor: await login('transten.rektor'), chef: await login('grundskola.chef') };
    const docs = await documents(33);
    const viaHttp = async (c: number) => {
      const d = docs[c];
      const submit = d.state === 'draft';
      const res = await fetch(`${base}/api/documents/${d.id}/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${submit ? tokens.rektor : tokens.chef}`,
        },
        body: JSON.stringify(
          submit
            ? { type: 'SUBMIT', expectedVersion: d.version }
            : { type: 'RETURN', comment: 'Komplettera.', expectedVersion: d.version },
        ),
      });
      const body = (await res.json()) as { version: number };
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
      d.version = body.version;
      d.state = submit ? 'review' : 'draft';
    };
    await drive(1, 20, () => viaHttp(32));
    record('http', 1, await drive(1, OPS_SINGLE, (c) => viaHttp(c)));
    record('http', 32, await drive(32, OPS_PER_CLIENT_32, (c) => viaHttp(c)));
    await app.close();
  }

  // --- the ceiling: the same writes, straight to MariaDB ---------------------------------------
  {
    const db = describeDatabaseUrl(config.databaseUrl);
    const pool = createPool({
      host: db.host,
      port: db.port,
      user: db.user,
      password: db.password,
      database: db.database,
      connectionLimit: 20,
    });
    const docs = await documents(33);
    const seq = new Map<string, { seq: number; hash: string }>();
    for (const d of docs) {
      const [rows] = (await pool.query(
        'SELECT seq, hash FROM document_audit WHERE document_id = ? ORDER BY seq DESC LIMIT 1',
        [d.id],
      )) as unknown as [{ seq: number; hash: string }[]];
      seq.set(d.id, rows[0]);
    }
    const snapshot = JSON.stringify({ status: 'active', value: 'review', context: {} });
    const raw = async (c: number) => {
      const d = docs[c];
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const [res] = (await conn.query(
          'UPDATE document SET snapshot = ?, state = ?, version = version + 1 WHERE id = ? AND version = ?',
          [snapshot, d.state === 'draft' ? 'review' : 'draft', d.id, d.version],
        )) as unknown as [{ affectedRows: number }];
        if (res.affectedRows !== 1) throw new Error('lost the guarded update');
        const prev = seq.get(d.id) as { seq: number; hash: string };
        const link = {
          documentId: d.id,
          seq: prev.seq + 1,
          at: new Date().toISOString(),
          actorUserId: rektor.userId,
          onBehalfOfUserId: null,
          via: 'user' as const,
          event: 'SUBMIT',
          fromState: 'draft',
          toState: 'review',
          comment: null,
          dataHash: dataHash(DATA),
          prevHash: prev.hash,
        };
        const hash = linkHash(link);
        await conn.query(
          'INSERT INTO document_audit (document_id, seq, at, actor_user_id, on_behalf_of_user_id, via, event, from_state, to_state, comment, data_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [
            link.documentId,
            link.seq,
            new Date(link.at),
            link.actorUserId,
            null,
            link.via,
            link.event,
            link.fromState,
            link.toState,
            null,
            link.dataHash,
            link.prevHash,
            hash,
          ],
        );
        const effects = ['cancelDeadlines', 'requestApproval', 'scheduleDeadline'];
        await conn.query(
          `INSERT INTO outbox (document_id, effect_type, payload, dedupe_key) VALUES ${effects.map(() => '(?, ?, ?, ?)').join(', ')}`,
          effects.flatMap((e, i) => [d.id, e, '{}', `${d.id}__raw${link.seq}__${i}__${randomUUID()}`]),
        );
        await conn.commit();
        seq.set(d.id, { seq: link.seq, hash });
        d.version++;
        d.state = d.state === 'draft' ? 'review' : 'draft';
      } catch (e) {
        await conn.rollback();
        throw e;
      } finally {
        conn.release();
      }
    };
    await drive(1, 20, () => raw(32));
    record('raw SQL', 1, await drive(1, OPS_SINGLE, (c) => raw(c)));
    record('raw SQL', 32, await drive(32, OPS_PER_CLIENT_32, (c) => raw(c)));
    await pool.end();
  }

  const find = (mode: string, clients: number) =>
    rows.find((r) => r.mode === mode && r.clients === clients) as Row;
  console.log(`\nMachine: ${machine()}; MariaDB on 127.0.0.1 (same machine).`);
  for (const clients of [1, 32]) {
    const ceiling = find('raw SQL', clients).tps;
    console.log(
      `${clients} client(s): engine ${fmt((find('engine', clients).tps / ceiling) * 100, 0)} % of raw ceiling, HTTP ${fmt((find('http', clients).tps / ceiling) * 100, 0)} % (HTTP p99 ${fmt(find('http', clients).p99, 2)} ms)`,
    );
  }
  await ds.destroy();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
