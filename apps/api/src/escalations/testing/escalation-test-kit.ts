import { fromJsonColumn } from '@rodtrad/persistence';
import {
  eventually,
  startFullStack,
  type FullStack,
  type TestApi,
  type TestResponse,
} from '@rodtrad/testing';

export type Data = Record<string, unknown>;

/** An escalation as GET /api/escalations lists it. */
export interface ListedEscalation {
  id: string;
  kind: string;
  status: string;
  sourceDocumentId: string;
  actionPlanDocumentId: string | null;
  [key: string]: unknown;
}

/** What POST /api/documents takes to create a document. */
export interface NewDocument {
  type: string;
  orgUnitId: string;
  year: number;
  period: string | null;
}

/**
 * A tertial- or delårsrapport within its budget (no budget deviation), with the given goal results;
 * `extra` adds or replaces fields.
 */
export function reportWithinBudget(maluppfyllelse: Data[], extra: Data = {}): Data {
  return {
    // Net cost, a cost positive: well under every test nämnd's frame (an överskott). Where no frame
    // is adopted for the year the figure typed is kept; where one is, the server puts it in.
    ekonomi: { arsbudget: 500_000_000, periodbudget: 33_000_000, utfall: 33_000_000, prognos: 100_000_000 },
    analys: 'Ekonomin är i balans.',
    verksamhetsanalys: 'Verksamheten följer i stort planen.',
    maluppfyllelse,
    foreslagnaAtgarder: 'Fortsatt uppföljning.',
    ...extra,
  };
}

/**
 * API, worker and a real SMTP server on a database and queue prefix of the spec file's own (no
 * other file's worker judges its reports), with the HTTP steps the escalation specs share.
 */
export class EscalationWorld {
  /** Org unit ids by code (`unit['BIN']`), filled by `start()`. */
  readonly unit: Record<string, string> = {};
  private stack!: FullStack;

  /** `name` names the spec's own database and queue prefix. */
  constructor(private readonly name: string) {}

  get smtp() {
    return this.stack.smtp;
  }
  get api(): TestApi {
    return this.stack.api;
  }

  async start(): Promise<void> {
    this.stack = await startFullStack(this.name);
    const units: { id: string; code: string }[] = await this.api.dataSource.query(
      'SELECT id, code FROM org_unit',
    );
    for (const u of units) this.unit[u.code] = u.id;
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
  }

  /** GET as `username`, expecting 200; resolves with the body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  async get(path: string, username: string): Promise<any> {
    const res = await this.api.request('GET', path, { token: await this.api.login(username) });
    expect(res.status).toBe(200);
    return res.body;
  }

  /** Creates a document as `username`, expecting 201; resolves with its id. */
  async createDocument(username: string, document: NewDocument): Promise<string> {
    const created = await this.api.request('POST', '/api/documents', {
      token: await this.api.login(username),
      body: document,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  /** As `username`: saves `data` merged over the document's current data, expecting 200. */
  async saveData(username: string, id: string, data: Data): Promise<void> {
    const token = await this.api.login(username);
    const current = await this.api.request('GET', `/api/documents/${id}`, { token });
    expect(current.status).toBe(200);
    const saved = await this.api.request('PUT', `/api/documents/${id}/data`, {
      token,
      body: { data: { ...current.body.data, ...data }, expectedVersion: current.body.version },
    });
    expect(saved.status === 200 ? 200 : saved.body).toBe(200);
  }

  /** As `username`: sends `event` at the document's current version; resolves with the response as it is. */
  async sendEvent(username: string, id: string, event: string): Promise<TestResponse> {
    const token = await this.api.login(username);
    const current = await this.api.request('GET', `/api/documents/${id}`, { token });
    return this.api.request('POST', `/api/documents/${id}/events`, {
      token,
      body: { type: event, expectedVersion: current.body.version },
    });
  }

  /** As `username`: sends `event` and expects the document in state `to`; resolves with the response body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  async move(username: string, id: string, event: string, to: string): Promise<any> {
    const sent = await this.sendEvent(username, id, event);
    expect(sent.status === 200 ? sent.body.state : sent.body).toBe(to);
    return sent.body;
  }

  /**
   * KS's treatment of an åtgärdsplan in review (spring 2028): KSF approves, KS decides, the
   * registrar registers it, KS takes note; the plan then waits for KF's decision.
   */
  async actionPlanToKf(id: string): Promise<void> {
    await this.move('ksf.fvc', id, 'APPROVE', 'decision');
    await this.saveData('ks.sekreterare', id, { beslut: { datum: '2028-03-10', paragraf: '§ 21' } });
    await this.move('ks.sekreterare', id, 'DECIDE', 'registration');
    await this.move('registrator', id, 'REGISTER', 'ks_treatment');
    await this.saveData('ks.sekreterare', id, { ksBeslut: { datum: '2028-03-24', paragraf: '§ 40' } });
    await this.move('ks.sekreterare', id, 'TAKE_NOTE', 'kf_decision');
  }

  /** Creates a document as `username`, saves `data` and submits it (into review); resolves with its id. */
  async submitDocument(username: string, document: NewDocument, data: Data): Promise<string> {
    const id = await this.createDocument(username, document);
    await this.saveData(username, id, data);
    await this.move(username, id, 'SUBMIT', 'review');
    return id;
  }

  /**
   * The municipality's årsredovisning of `year` as KS prepares it (the finance department writes,
   * the kommundirektör reviews, KS hands it to KF and the auditors: that is its submission, when
   * the balance requirement is checked); `aretsResultat` and the adjustments go into its
   * balanskravsutredning. Resolves with its id, in registration.
   */
  async submitMunicipalAnnualReport(year: number, statement: Data, extra: Data = {}): Promise<string> {
    const id = await this.submitDocument(
      'ksf.fvc',
      { type: 'arsredovisning', orgUnitId: this.unit['KS'], year, period: null },
      {
        sammanfattning: `Kommunens årsredovisning ${year}.`,
        malUtfall: [
          { indikator: 'Årets resultat i procent av skatter och generella statsbidrag', utfall: 1.2 },
        ],
        balanskravsutredning: statement,
        ...extra,
      },
    );
    await this.move('ksf.fvc', id, 'APPROVE', 'ks_treatment');
    await this.saveData('ks.sekreterare', id, { ksBeslut: { datum: `${year + 1}-03-30`, paragraf: '§ 52' } });
    await this.move('ks.sekreterare', id, 'DECIDE', 'registration');
    return id;
  }

  /** Waits until the worker has handled the document's effect of this type; resolves with its recorded result. */
  async effectResult<T = unknown>(
    documentId: string,
    effectType: string,
    what = `${effectType} to be handled`,
  ): Promise<T> {
    const [row] = await eventually(
      async () => {
        const rows = await this.api.dataSource.query(
          `SELECT r.result FROM effect_receipt r JOIN outbox o ON o.dedupe_key = r.dedupe_key
            WHERE o.document_id = ? AND o.effect_type = ?`,
          [documentId, effectType],
        );
        return rows.length ? rows : undefined;
      },
      20_000,
      what,
    );
    return fromJsonColumn<T>(row.result);
  }

  /** Waits until the open escalations of `year` list one from `sourceDocumentId` with its åtgärdsplan. */
  async escalationWithPlan(
    sourceDocumentId: string,
    year: number,
    { as = 'ks.sekreterare', what = 'escalation with its åtgärdsplan' } = {},
  ): Promise<ListedEscalation> {
    const found = await eventually(
      async () => {
        const list = await this.get(`/api/escalations?status=open&year=${year}`, as);
        const e = (list.items as ListedEscalation[]).find((x) => x.sourceDocumentId === sourceDocumentId);
        return e?.actionPlanDocumentId ? e : undefined;
      },
      30_000,
      what,
    );
    return found as ListedEscalation; // eventually() resolves only with a truthy value
  }

  async escalationCount(sourceDocumentId: string): Promise<number> {
    const [{ n }] = await this.api.dataSource.query(
      'SELECT COUNT(*) AS n FROM escalation WHERE source_document_id = ?',
      [sourceDocumentId],
    );
    return Number(n);
  }

  /** The åtgärdsplaner of an org unit, all years. */
  async actionPlansOf(orgUnitId: string): Promise<{ id: string }[]> {
    return this.api.dataSource.query(
      `SELECT id FROM document WHERE type = 'atgardsplan' AND org_unit_id = ? ORDER BY id`,
      [orgUnitId],
    );
  }

  /** The audit trail of an escalation, oldest first. */
  async auditActions(escalationId: string): Promise<string[]> {
    const rows: { action: string }[] = await this.api.dataSource.query(
      `SELECT action FROM admin_audit WHERE entity_type = 'escalation' AND entity_id = ? ORDER BY id`,
      [escalationId],
    );
    return rows.map((r) => r.action);
  }
}
