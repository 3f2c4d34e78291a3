import type { INestApplicationContext } from '@nestjs/common';
import { startFullStack, type FullStack, type ReceivedMail, type TestApi } from '@rodtrad/testing';

export const MAIL_DOMAIN = 'hallsberg.example';
export const mailOf = (username: string) => `${username}@${MAIL_DOMAIN}`;
export const PUBLIC_URL = 'http://rodtrad.test';
const APPROVAL_LINK = new RegExp(`${PUBLIC_URL}/approve/([A-Za-z0-9_-]{43})`);
const isApprovalMail = (username: string, documentTitle: string) => (m: ReceivedMail) =>
  m.to.includes(mailOf(username)) && m.subject.includes(documentTitle) && APPROVAL_LINK.test(m.text);

/** An activity list that satisfies the enhetsplan's draft form. */
export const ENHETSPLAN_DATA = {
  aktiviteter: [
    {
      titel: 'Läsfrämjande samlingar',
      namndmalId: 'BIN-1',
      ansvarig: 'Arbetslaget',
      klartDatum: '2027-06-01',
    },
  ],
};

/** A Mål- och budget over its frame but explained, with the nämnd's decision written in. */
export const MAL_OCH_BUDGET_DATA = {
  namndmal: [
    {
      id: 'BIN-1',
      titel: 'Fler elever är behöriga till gymnasiet',
      strategisktOmrade: 'Livslångt lärande',
      indikatorer: [{ namn: 'Andel behöriga', ingangsvarde: 79.5, malniva: 85, matdatum: '2027-06-30' }],
    },
  ],
  budget: { intakter: 64_000_000, kostnader: 668_500_000, netto: 604_500_000 },
  omEjInomRam: 'Ökade elevtal; förslag om tilläggsanslag lämnas till kommunstyrelsen.',
  beslut: { datum: '2027-09-20', paragraf: '§ 87' },
};

/** API, worker and a real SMTP server, wired to one another. */
export class ApprovalWorld {
  private stack!: FullStack;

  /** `name` names the spec's own database and queue prefix. */
  constructor(private readonly name = 'approvals') {}

  get smtp() {
    return this.stack.smtp;
  }
  get api(): TestApi {
    return this.stack.api;
  }
  /** The worker's Nest context, for running its use cases directly. */
  get worker(): INestApplicationContext {
    return this.stack.worker.app;
  }

  async start(): Promise<void> {
    // A database and queue prefix of its own: no other file's worker relays these effects.
    this.stack = await startFullStack(this.name, { PUBLIC_URL, APPROVAL_LINK_RATE_LIMIT: '100000' });
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
  }

  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.api.dataSource.query(query, params);
  }

  async userId(username: string): Promise<string> {
    const [row] = await this.sql<{ id: string }>('SELECT id FROM app_user WHERE username = ?', [username]);
    return row.id;
  }

  async unitId(seedKey: string): Promise<string> {
    const [row] = await this.sql<{ id: string }>('SELECT id FROM org_unit WHERE seed_key = ?', [seedKey]);
    return row.id;
  }

  /** Creates a document as `author`, saves `data` and sends `events` in turn (each by its sender). */
  async driveDocument(
    type: string,
    unitKey: string,
    year: number,
    author: string,
    data: object,
    events: [event: string, by: string][],
  ): Promise<{ id: string; version: number }> {
    const token = await this.api.login(author);
    const created = await this.api.request('POST', '/api/documents', {
      token,
      body: { type, orgUnitId: await this.unitId(unitKey), year },
    });
    if (created.status !== 201) throw new Error(`create ${type}: ${created.status} ${created.text}`);
    const saved = await this.api.request('PUT', `/api/documents/${created.body.id}/data`, {
      token,
      body: { data, expectedVersion: created.body.version },
    });
    if (saved.status !== 200) throw new Error(`save ${type}: ${saved.status} ${saved.text}`);
    let version = saved.body.version as number;
    for (const [event, by] of events) {
      const sent = await this.api.request('POST', `/api/documents/${created.body.id}/events`, {
        token: await this.api.login(by),
        body: { type: event, expectedVersion: version },
      });
      if (sent.status !== 200) throw new Error(`${event}: ${sent.status} ${sent.text}`);
      version = sent.body.version;
    }
    return { id: created.body.id, version };
  }

  /** As admin: registers `substitute` as `username`'s standing substitute from a minute ago for a day. */
  async registerSubstitute(username: string, substitute: string, reason: string): Promise<string> {
    const res = await this.api.request('POST', '/api/substitutes', {
      token: await this.api.login('admin'),
      body: {
        userId: await this.userId(username),
        substituteUserId: await this.userId(substitute),
        from: new Date(Date.now() - 60_000).toISOString(),
        to: new Date(Date.now() + 86_400_000).toISOString(),
        reason,
      },
    });
    if (res.status !== 201) throw new Error(`substitute: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  async document(id: string, as = 'admin'): Promise<{ state: string; version: number }> {
    return (await this.api.request('GET', `/api/documents/${id}`, { token: await this.api.login(as) })).body;
  }

  /**
   * Waits for the `n`-th mail (1-based) with an approval link to `username` about the document and
   * returns it with its link token. Other mails about it (a reminder, an overdue notice once the
   * step's date has passed) are not counted.
   */
  async link(username: string, documentTitle: string, n = 1): Promise<{ mail: ReceivedMail; token: string }> {
    const mail = await this.smtp.waitFor((all) => {
      const mine = all.filter(isApprovalMail(username, documentTitle));
      return mine.length >= n ? mine[n - 1] : undefined;
    });
    return { mail, token: (APPROVAL_LINK.exec(mail.text) as RegExpExecArray)[1] };
  }

  /**
   * The mails with an approval link to `username` about the document, received so far. Overdue
   * notices and reminders are not among them: whether they come depends on today's date, since
   * the tests' documents belong to fixed years.
   */
  approvalMailsTo(username: string, documentTitle: string): ReceivedMail[] {
    return this.smtp.received.filter(isApprovalMail(username, documentTitle));
  }

  async decide(
    token: string,
    body: Record<string, unknown>,
    opts: { csrf?: boolean; session?: string } = {},
  ) {
    let csrfToken: string | undefined;
    if (opts.csrf !== false) {
      const summary = await this.api.request('GET', `/api/approvals/${token}`);
      csrfToken = summary.body?.csrfToken;
    }
    return this.api.request('POST', `/api/approvals/${token}`, {
      token: opts.session,
      body: { ...body, ...(csrfToken ? { csrfToken } : {}) },
    });
  }

  async titleOf(documentId: string): Promise<string> {
    const [row] = await this.sql<{ title: string }>('SELECT title FROM document WHERE id = ?', [documentId]);
    return row.title;
  }
}
