/**
 * A yearly peak driven through several API and worker processes on one MariaDB and Redis, with
 * one API and one worker killed (SIGKILL) in the middle, and what must hold afterwards (#21).
 * Used by the multi-process test tier (test/multiprocess/, scaled down) and by the benchmark
 * (test/bench/multiprocess-peak.bench.ts, 10,000 deadlines, beside a one-process run).
 *
 * The peak, as the cycle has it in one week of January and one reporting day:
 *  - every enhet's enhetsplan is written, submitted by its enhetschef, approved by its
 *    områdeschef through the link in the approval mail (no sign-in) and adopted by the enhetschef,
 *    the units spread over the API processes;
 *  - `deadlines` deadlines fall due at once (rows written before the processes start, as they
 *    would have been weeks before; every worker's reconciliation gives each its delayed job);
 *  - every nämnd's månadsrapport shows a deficit far over the threshold, so each escalates.
 * A client whose API dies sends its request again to a live one: a transition that was committed
 * before the answer was lost then meets a stale version (409), and the client reads the document
 * again instead of sending the event twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@rodtrad/config';
import { createDocumentEngine, SYSTEM_ACTOR } from '@rodtrad/engine';
import {
  AdminAuditRepository,
  DocumentAuditRepository,
  openDatabase,
  verifyAuditChains,
  type AuditVerification,
} from '@rodtrad/persistence';
import { freePort } from '../support/free-port';
import { LocalSmtpServer, type ReceivedMail } from '../support/local-smtp';
import { eventually, isolatedStack } from '../support/worker-harness';

const ROOT = join(__dirname, '..', '..');
/** The budget year of the peak: far ahead, so that no date of the year wheel has passed. */
export const PEAK_YEAR = 2090;
const PUBLIC_URL = 'http://rodtrad.test';
/** Every nämnd's frame (kronor of net cost); the reports forecast far more, a deficit to escalate. */
const FRAME = 500_000_000;
const APPROVAL_LINK = new RegExp(`${PUBLIC_URL}/approve/([A-Za-z0-9_-]{43})`);

export interface PeakOptions {
  /** Names the database and queue prefix (under the tier's own, see test/support/test-env.ts). */
  name: string;
  apis: number;
  workers: number;
  /** Deadlines falling due in the same second. */
  deadlines: number;
  /** SIGKILL the last API and the last worker once a quarter of the deadlines have fired. */
  kill: boolean;
  /** `built`: dist/ as `npm start` runs it (the test tier, after the build); `sources`: through swc. */
  runner: 'built' | 'sources';
  /** Progress lines on stderr. */
  log?: (line: string) => void;
}

export interface PeakOutcome {
  units: number;
  reports: number;
  transitions: number;
  deadlines: number;
  mails: number;
  /** From the first request until everything below had happened. */
  seconds: number;
  /** From the first deadline's moment until the last fired. */
  deadlineSeconds: number;
  killedAt: number | null;
  // What must hold:
  /** (document, event, from state) written more than once, or a unit whose plan is not adopted. */
  repeatedTransitions: string[];
  unitsNotAdopted: string[];
  deadlinesNotFiredOnce: number;
  /** Mail rows not sent, and sent rows that SMTP never received. */
  mailsNotSent: number;
  mailsNeverReceived: number;
  /** Received mails whose Message-ID names no mail row (a resend must keep its Message-ID). */
  receivedWithForeignMessageId: number;
  /** Received more than once (at least once is the promise; a kill may cause a resend). */
  resent: number;
  /** Reports without exactly one escalation (with its åtgärdsplan). */
  escalationsNotOnce: string[];
  effectsWithoutReceipt: number;
  audit: AuditVerification;
}

interface Proc {
  kind: 'api' | 'worker';
  child: ChildProcess;
  base?: string;
  output: () => string;
}

function startProcess(
  kind: 'api' | 'worker',
  runner: PeakOptions['runner'],
  env: Record<string, string>,
  children: ChildProcess[],
): Promise<Proc> {
  const args =
    runner === 'built'
      ? ['-r', './tools/scripts/register-paths.cjs', `dist/server/apps/${kind}/src/main.js`]
      : ['-r', './tools/scripts/register-ts.cjs', `apps/${kind}/src/main.ts`];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const ready = kind === 'api' ? 'Rödtråd API listening' : 'Rödtråd worker running';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out = (out + b.toString()).slice(-20_000);
      if (out.includes(ready)) resolve({ kind, child, output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${kind} exited (${code ?? signal}):\n${out}`)));
  });
}

async function stopProcess(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

const alive = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the peak reads arbitrary JSON
  body: any;
}

/** HTTP over the live APIs: a request whose API died is sent again to another that lives. */
class Clients {
  constructor(private readonly apis: Proc[]) {}

  async send(
    preferred: number,
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      const live = this.apis.filter(alive);
      if (!live.length) throw new Error('no API process is alive');
      const api = alive(this.apis[preferred % this.apis.length])
        ? this.apis[preferred % this.apis.length]
        : live[attempt % live.length];
      try {
        const res = await fetch(`${api.base}${path}`, {
          method,
          headers: {
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      } catch (e) {
        // The connection broke (the API was killed): the answer is lost, not necessarily the work.
        if (attempt > 20) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }
}

interface Unit {
  id: string;
  code: string;
  name: string;
  namndCode: string;
}

/** Enheter and the nämnd (or KS) each belongs to; nämnder with the user who writes their report. */
async function organisation(
  ds: DataSource,
): Promise<{ units: Unit[]; namnder: { id: string; code: string; name: string; author: string }[] }> {
  const rows: { id: string; code: string; name: string; kind: string; parentId: string | null }[] =
    await ds.query('SELECT id, code, name, kind, parent_id AS parentId FROM org_unit');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const namndOf = (id: string) => {
    for (let u = byId.get(id); u; u = u.parentId ? byId.get(u.parentId) : undefined)
      if (u.kind === 'namnd' || u.kind === 'ks') return u;
    return undefined;
  };
  const units = rows
    // Enheter under an område, whose områdeschef approves the plan (an enhet directly under a
    // förvaltning, Central elevhälsa in the demo, has nobody the enhetsplan's approval asks for).
    .filter((r) => r.kind === 'enhet' && namndOf(r.id) && byId.get(r.parentId ?? '')?.kind === 'omrade')
    .map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      namndCode: (namndOf(r.id) as { code: string }).code,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  // Who writes a nämnd's månadsrapport: its förvaltningschef, or its handläggare where it has none.
  const authors: { username: string; role: string; unitId: string; parentId: string | null }[] =
    await ds.query(
      `SELECT u.username, r.role, o.id AS unitId, o.parent_id AS parentId FROM app_user u
       JOIN role_assignment r ON r.user_id = u.id JOIN org_unit o ON o.id = r.org_unit_id
      WHERE r.role IN ('forvaltningschef', 'handlaggare') ORDER BY r.role DESC, u.username`,
    );
  const namnder = rows
    .filter((r) => r.kind === 'namnd' || r.kind === 'ks')
    .map((n) => {
      const author = authors.find((a) => namndOf(a.unitId)?.id === n.id);
      return author ? { id: n.id, code: n.code, name: n.name, author: author.username } : undefined;
    })
    .filter((n): n is NonNullable<typeof n> => !!n)
    .sort((a, b) => a.code.localeCompare(b.code));
  return { units, namnder };
}

const enhetsplanData = (goalId: string) => ({
  aktiviteter: [
    {
      titel: 'Läsfrämjande i alla klasser',
      namndmalId: goalId,
      ansvarig: 'Erik Andersson',
      klartDatum: `${PEAK_YEAR}-06-01`,
      status: 'planerad',
    },
  ],
  fokusomraden: ['Läsning'],
  aptDatum: `${PEAK_YEAR}-01-15`,
});

/**
 * Before the processes start: each nämnd's Mål och budget of the year adopted (its goal `<code>-1`,
 * which the enhetsplaner name), and `count` deadlines on documents of other years, all at `fireAt`.
 */
async function prepare(ds: DataSource, units: Unit[], namndCodes: string[], count: number, fireAt: Date) {
  const engine = createDocumentEngine(ds, { dueAt: async () => null });
  // KS's GPF of the year, adopted: every nämnd's frame, which its reports' årsbudget is read from.
  const [{ id: ks }] = await ds.query("SELECT id FROM org_unit WHERE kind = 'ks'");
  const gpf = await engine.create({ type: 'gpf', orgUnitId: ks, year: PEAK_YEAR, actor: SYSTEM_ACTOR });
  await ds.query(
    "UPDATE document SET final = 1, state = 'adopted', decided_at = NOW(3), data = ? WHERE id = ?",
    [
      JSON.stringify({
        ramar: (await ds.query("SELECT code FROM org_unit WHERE kind IN ('namnd', 'ks')")).map(
          (r: { code: string }) => ({ namnd: r.code, ram: FRAME }),
        ),
      }),
      gpf.id,
    ],
  );
  for (const code of namndCodes) {
    const [{ id }] = await ds.query('SELECT id FROM org_unit WHERE code = ?', [code]);
    const plan = await engine.create({
      type: 'mal-och-budget',
      orgUnitId: id,
      year: PEAK_YEAR,
      actor: SYSTEM_ACTOR,
    });
    await ds.query("UPDATE document SET final = 1, state = 'adopted', data = ? WHERE id = ?", [
      JSON.stringify({ namndmal: [{ id: `${code}-1`, titel: 'Fler når målen' }] }),
      plan.id,
    ]);
  }
  // Deadlines hang on enhetsplaner of later years (one document carries up to 20).
  const docs: string[] = [];
  for (let i = 0; docs.length < Math.ceil(count / 20); i++) {
    const doc = await engine.create({
      type: 'enhetsplan',
      orgUnitId: units[i % units.length].id,
      year: PEAK_YEAR + 1 + Math.floor(i / units.length),
      actor: SYSTEM_ACTOR,
    });
    docs.push(doc.id);
  }
  await ds.query("DELETE FROM outbox WHERE document_id IN (?) AND effect_type <> 'noop'", [docs]);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, count - i) }, () => randomUUID());
    ids.push(...chunk);
    await ds.query(
      `INSERT INTO deadline (id, document_id, state, deadline_key, kind, offset_days, due_at, fire_at, generation, escalate)
       VALUES ${chunk.map(() => "(?, ?, 'draft', 'enhetsplan', 'due', 0, ?, ?, ?, 0)").join(', ')}`,
      chunk.flatMap((id, k) => [id, docs[(i + k) % docs.length], fireAt, fireAt, 1_000_000 + i + k]),
    );
  }
  return ids;
}

/** Runs the peak and reports what happened; asserts nothing (the caller does). */
export async function runPeak(opts: PeakOptions): Promise<PeakOutcome> {
  const log = opts.log ?? (() => undefined);
  const smtp = new LocalSmtpServer();
  await smtp.start();
  const stack = await isolatedStack(opts.name);
  const config = loadConfig({ ...process.env, ...stack });
  const ds = await openDatabase({
    databaseUrl: stack['DATABASE_URL'],
    migrate: false,
    poolSize: 4,
    auditKeys: config.auditKeys,
  });
  const procs: Proc[] = [];
  const children: ChildProcess[] = [];
  try {
    const { units, namnder } = await organisation(ds);
    const namndCodes = [...new Set(units.map((u) => u.namndCode))];
    // Processes start in a few seconds each (more on a loaded machine); the deadlines fall due
    // once the drive is under way.
    const fireAt = new Date(Date.now() + 25_000 + opts.deadlines * 2);
    const deadlineIds = await prepare(ds, units, namndCodes, opts.deadlines, fireAt);
    log(`prepared: ${units.length} units, ${namnder.length} nämnder, ${deadlineIds.length} deadlines`);

    const env = {
      ...stack,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      LOGIN_RATE_LIMIT: '10000',
      APPROVAL_LINK_RATE_LIMIT: '100000',
      METRICS_PORT: '0',
    };
    const apiPorts = await Promise.all(Array.from({ length: opts.apis }, () => freePort()));
    const started = await Promise.all([
      ...apiPorts.map((port) => startProcess('api', opts.runner, { ...env, PORT: String(port) }, children)),
      ...Array.from({ length: opts.workers }, () => startProcess('worker', opts.runner, env, children)),
    ]);
    procs.push(...started);
    const apis = started.filter((p) => p.kind === 'api');
    apis.forEach((a, i) => (a.base = `http://127.0.0.1:${apiPorts[i]}`));
    const workers = started.filter((p) => p.kind === 'worker');
    log(`started ${apis.length} API and ${workers.length} worker processes`);

    const http = new Clients(apis);
    const tokens = new Map<string, string>();
    const token = async (username: string, via: number) => {
      let t = tokens.get(username);
      if (!t) {
        const res = await http.send(via, 'POST', '/api/auth/login', {
          username,
          password: config.demoPassword,
        });
        if (res.status !== 200)
          throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
        t = res.body.token as string;
        tokens.set(username, t);
      }
      return t;
    };
    const userOf = async (role: string, unitId: string): Promise<string> => {
      const [row] = await ds.query(
        `SELECT u.username FROM app_user u JOIN role_assignment r ON r.user_id = u.id
          WHERE r.role = ? AND r.org_unit_id = ? ORDER BY u.username LIMIT 1`,
        [role, unitId],
      );
      if (!row) throw new Error(`no ${role} of ${unitId}`);
      return row.username;
    };
    const [{ auditBefore }] = await ds.query('SELECT COUNT(*) AS auditBefore FROM document_audit');

    /** Sends an event; after a lost answer, a stale version means it was done: read and go on. */
    const sendEvent = async (via: number, id: string, type: string, version: number, as: string) => {
      for (;;) {
        const res = await http.send(
          via,
          'POST',
          `/api/documents/${id}/events`,
          { type, expectedVersion: version },
          await token(as, via),
        );
        if (res.status === 200) return res.body.version as number;
        if (res.status === 409) {
          const [row] = await ds.query('SELECT version FROM document WHERE id = ?', [id]);
          if (Number(row.version) > version) return Number(row.version);
          continue;
        }
        throw new Error(`${type} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    };

    const t0 = Date.now();
    let submitted = 0;
    const plans: string[] = [];
    const unitFlow = async (unit: Unit, i: number) => {
      const chief = await userOf('enhetschef', unit.id);
      const auth = await token(chief, i);
      let created = await http.send(
        i,
        'POST',
        '/api/documents',
        { type: 'enhetsplan', orgUnitId: unit.id, year: PEAK_YEAR },
        auth,
      );
      // Read back: a refused second create means the first was made by a request whose answer was lost.
      const [row] = await ds.query(
        "SELECT id, version, title FROM document WHERE type = 'enhetsplan' AND org_unit_id = ? AND year = ?",
        [unit.id, PEAK_YEAR],
      );
      if (!row) throw new Error(`create ${unit.code}: ${created.status} ${JSON.stringify(created.body)}`);
      created = { status: 201, body: row };
      const id = created.body.id as string;
      plans.push(id);
      let version = Number(created.body.version);
      const saved = await http.send(
        i,
        'PUT',
        `/api/documents/${id}/data`,
        { data: enhetsplanData(`${unit.namndCode}-1`), expectedVersion: version },
        auth,
      );
      if (saved.status === 200) version = saved.body.version;
      else if (saved.status === 409)
        version = Number((await ds.query('SELECT version FROM document WHERE id = ?', [id]))[0].version);
      else throw new Error(`save ${unit.code}: ${saved.status} ${JSON.stringify(saved.body)}`);
      version = await sendEvent(i, id, 'SUBMIT', version, chief);
      submitted++;
      // The approver opens the link in the mail: no sign-in, a CSRF token from the page.
      const title = String(created.body.title);
      const mail = await smtp.waitFor(
        (all) => all.find((m) => m.subject.includes(title) && APPROVAL_LINK.test(m.text)),
        600_000,
      );
      const link = (APPROVAL_LINK.exec(mail.text) as RegExpExecArray)[1];
      const inReview = async () =>
        (await ds.query('SELECT state FROM document WHERE id = ?', [id]))[0].state === 'review';
      // A lost answer may hide a decision that was made: the document's state tells.
      while (await inReview()) {
        const page = await http.send(i, 'GET', `/api/approvals/${link}`);
        if (page.status === 200) {
          const decided = await http.send(i, 'POST', `/api/approvals/${link}`, {
            decision: 'approve',
            csrfToken: page.body.csrfToken,
          });
          if (decided.status === 200) break;
          if (await inReview())
            throw new Error(`approve ${unit.code}: ${decided.status} ${JSON.stringify(decided.body)}`);
        } else if (await inReview())
          throw new Error(`approval page ${unit.code}: ${page.status} ${JSON.stringify(page.body)}`);
      }
      const [approved] = await eventually(
        async () => {
          const r = await ds.query("SELECT version FROM document WHERE id = ? AND state = 'adoption'", [id]);
          return r.length ? r : undefined;
        },
        600_000,
        `${unit.code}'s plan approved`,
      );
      await sendEvent(i, id, 'ADOPT', Number(approved.version), chief);
    };

    const reportIds: string[] = [];
    const reportFlow = async (n: (typeof namnder)[number], i: number) => {
      const auth = await token(n.author, i);
      let created = await http.send(
        i,
        'POST',
        '/api/documents',
        { type: 'manadsrapport', orgUnitId: n.id, year: PEAK_YEAR, period: `${PEAK_YEAR}-03` },
        auth,
      );
      if (created.status !== 201) {
        const [row] = await ds.query(
          "SELECT id, version, data FROM document WHERE type = 'manadsrapport' AND org_unit_id = ? AND year = ?",
          [n.id, PEAK_YEAR],
        );
        if (!row)
          throw new Error(`create report ${n.code}: ${created.status} ${JSON.stringify(created.body)}`);
        created = {
          status: 201,
          body: { ...row, data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data },
        };
      }
      const id = created.body.id as string;
      reportIds.push(id);
      let version = Number(created.body.version);
      const saved = await http.send(
        i,
        'PUT',
        `/api/documents/${id}/data`,
        {
          data: {
            ...created.body.data,
            ekonomi: { arsbudget: FRAME, periodbudget: FRAME / 4, utfall: FRAME / 2, prognos: FRAME * 2 },
            analys: 'Ökade kostnader för placeringar.',
            foreslagnaAtgarder: 'Översyn av placeringar och bemanning.',
          },
          expectedVersion: version,
        },
        auth,
      );
      if (saved.status === 200) version = saved.body.version;
      else if (saved.status === 409)
        version = Number((await ds.query('SELECT version FROM document WHERE id = ?', [id]))[0].version);
      else throw new Error(`save report ${n.code}: ${saved.status} ${JSON.stringify(saved.body)}`);
      await sendEvent(i, id, 'SUBMIT', version, n.author);
    };

    // The kill: once a quarter of the deadlines have fired and a third of the plans are submitted.
    let killedAt: number | null = null;
    const killer = opts.kill
      ? (async () => {
          await eventually(
            async () => {
              const [{ fired }] = await ds.query(
                "SELECT COUNT(*) AS fired FROM deadline WHERE generation >= 1000000 AND status = 'fired'",
              );
              return Number(fired) >= opts.deadlines / 4 && submitted >= units.length / 3;
            },
            300_000,
            'a quarter of the deadlines fired',
          );
          apis[apis.length - 1].child.kill('SIGKILL');
          workers[workers.length - 1].child.kill('SIGKILL');
          killedAt = (Date.now() - t0) / 1000;
          log(`killed one API and one worker (SIGKILL) after ${killedAt.toFixed(1)} s`);
        })()
      : Promise.resolve();

    // Every unit at once, as in January's week; the reports once the plans are under way.
    await Promise.all([
      ...units.map((u, i) => unitFlow(u, i)),
      (async () => {
        await eventually(async () => submitted >= units.length / 2, 300_000, 'half the plans submitted');
        await Promise.all(namnder.map((n, i) => reportFlow(n, i)));
      })(),
      killer,
    ]);
    log(`every plan adopted and every report sent after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // Then the rest happens by itself: deadlines, escalations and mails.
    await eventually(
      async () => {
        const [{ pending }] = await ds.query(
          "SELECT COUNT(*) AS pending FROM deadline WHERE generation >= 1000000 AND status = 'pending'",
        );
        return Number(pending) === 0;
      },
      600_000,
      'every deadline fired',
    );
    await eventually(
      async () => {
        const [{ n }] = await ds.query(
          'SELECT COUNT(DISTINCT source_document_id) AS n FROM escalation WHERE source_document_id IN (?) AND action_plan_document_id IS NOT NULL',
          [reportIds],
        );
        return Number(n) === reportIds.length;
      },
      300_000,
      'every report escalated',
    );
    await eventually(
      async () => {
        const [{ open }] = await ds.query(
          `SELECT COUNT(*) AS open FROM outbox o LEFT JOIN effect_receipt r ON r.dedupe_key = o.dedupe_key WHERE r.dedupe_key IS NULL`,
        );
        const [{ pending }] = await ds.query(
          "SELECT COUNT(*) AS pending FROM mail_message WHERE status <> 'sent'",
        );
        return Number(open) === 0 && Number(pending) === 0;
      },
      600_000,
      'every effect handled and every mail sent',
    );
    const seconds = (Date.now() - t0) / 1000;
    log(`everything done after ${seconds.toFixed(1)} s`);

    // --- what happened ---------------------------------------------------------------------------
    const repeated: { documentId: string; event: string; fromState: string; n: number }[] = await ds.query(
      `SELECT document_id AS documentId, event, from_state AS fromState, COUNT(*) AS n FROM document_audit
        WHERE document_id IN (?) GROUP BY document_id, event, from_state HAVING COUNT(*) > 1`,
      [[...plans, ...reportIds]],
    );
    const notAdopted: { code: string }[] = await ds.query(
      `SELECT o.code FROM org_unit o LEFT JOIN document d ON d.org_unit_id = o.id AND d.type = 'enhetsplan' AND d.year = ? AND d.state = 'adopted'
        WHERE o.id IN (?) AND d.id IS NULL`,
      [PEAK_YEAR, units.map((u) => u.id)],
    );
    const [{ notOnce }] = await ds.query(
      `SELECT COUNT(*) AS notOnce FROM deadline d
        WHERE d.generation >= 1000000 AND (d.status <> 'fired' OR (SELECT COUNT(*) FROM mail_message m WHERE m.dedupe_key LIKE CONCAT('deadline\\_\\_', d.id, '\\_\\_%')) <> 1)`,
    );
    const mailRows: { id: string; status: string }[] = await ds.query('SELECT id, status FROM mail_message');
    const messageIdOf = (m: ReceivedMail) => /^<([^@>]+)@/.exec(m.messageId ?? '')?.[1];
    const receivedIds = smtp.received.map(messageIdOf);
    const rowIds = new Set(mailRows.map((r) => String(r.id)));
    const received = new Set(receivedIds);
    const escalations: { id: string; n: number }[] = await ds.query(
      `SELECT d.id, (SELECT COUNT(*) FROM escalation e WHERE e.source_document_id = d.id AND e.action_plan_document_id IS NOT NULL) AS n
         FROM document d WHERE d.id IN (?)`,
      [reportIds],
    );
    const [{ open }] = await ds.query(
      `SELECT COUNT(*) AS open FROM outbox o LEFT JOIN effect_receipt r ON r.dedupe_key = o.dedupe_key WHERE r.dedupe_key IS NULL`,
    );
    const [{ auditAfter }] = await ds.query('SELECT COUNT(*) AS auditAfter FROM document_audit');
    const audit = await verifyAuditChains({
      documents: new DocumentAuditRepository(ds),
      admin: new AdminAuditRepository(ds),
    });
    const [{ span }] = await ds.query(
      'SELECT TIMESTAMPDIFF(MICROSECOND, MIN(fire_at), MAX(fired_at)) / 1e6 AS span FROM deadline WHERE generation >= 1000000',
    );
    return {
      units: units.length,
      reports: reportIds.length,
      transitions: Number(auditAfter) - Number(auditBefore),
      deadlines: deadlineIds.length,
      mails: mailRows.length,
      seconds,
      deadlineSeconds: Number(span),
      killedAt,
      repeatedTransitions: repeated.map((r) => `${r.documentId} ${r.event} from ${r.fromState} ×${r.n}`),
      unitsNotAdopted: notAdopted.map((r) => r.code),
      deadlinesNotFiredOnce: Number(notOnce),
      mailsNotSent: mailRows.filter((r) => r.status !== 'sent').length,
      mailsNeverReceived: [...rowIds].filter((id) => !received.has(id)).length,
      receivedWithForeignMessageId: receivedIds.filter((id) => !id || !rowIds.has(id)).length,
      resent: receivedIds.length - received.size,
      escalationsNotOnce: escalations.filter((e) => Number(e.n) !== 1).map((e) => `${e.id} ×${e.n}`),
      effectsWithoutReceipt: Number(open),
      audit,
    };
  } catch (e) {
    for (const p of procs) if (alive(p)) log(`--- ${p.kind} output ---\n${p.output().slice(-3000)}`);
    throw e;
  } finally {
    await Promise.all(procs.map(stopProcess));
    // Any that never became ready.
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await ds.destroy();
    await smtp.stop();
  }
}

/** One line of figures for a run. */
export function describePeak(label: string, o: PeakOutcome): string {
  return (
    `${label}: ${o.units} enhetsplaner (submitted, approved by link, adopted), ${o.reports} reports escalated, ` +
    `${o.deadlines} deadlines, ${o.mails} mails in ${o.seconds.toFixed(1)} s: ` +
    `${(o.transitions / o.seconds).toFixed(1)} transitions/s, ${(o.mails / o.seconds).toFixed(1)} mails/s; ` +
    `deadlines all fired ${o.deadlineSeconds.toFixed(1)} s after their moment` +
    (o.killedAt !== null ? `; one API and one worker killed after ${o.killedAt.toFixed(1)} s` : '') +
    (o.resent ? `; ${o.resent} mail(s) sent again with the same Message-ID` : '')
  );
}
