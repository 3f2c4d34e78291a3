import type { DataSource } from 'typeorm';
import { withNamedLock } from '@rodtrad/persistence';
import type { DocumentEngine } from '../document-engine';
import { EngineError } from '../engine-error';
import { SYSTEM_ACTOR } from '../ports';

/** What a KF matter comes from: its kind, its id there, a title and a summary for KF. */
export interface KfMatterOrigin {
  /**
   * `eskalering`: an escalation KS decided to refer to KF; `bolagsbedomning`: a finding of KS's
   * yearly assessment of a company (kommunallagen 6 kap. 9 §); `annat`: anything else KS refers.
   */
  kind: 'eskalering' | 'bolagsbedomning' | 'annat';
  /** The origin's id (escalation id, assessment document id + company, …): one matter per origin. */
  id: string;
  /** Swedish title, e.g. "Budgetavvikelse – Socialnämnden" or "Hallsbergs Bostads AB: utanför ändamålet". */
  title: string;
  /** Swedish summary of why the matter goes to KF, shown read-only in the matter's form. */
  summary: string;
  /** A link to the origin's page (absolute, or a path such as `/avvikelser/<id>`), or null. */
  url?: string | null;
}

export interface ReferToKfCommand {
  origin: KfMatterOrigin;
  /** The budget year the matter belongs to (the escalation's or the assessment's year). */
  year: number;
  /** KS's proposal to KF, when KS has already stated one; otherwise KS's secretary writes it. */
  proposal?: string | null;
  /** KS's decision to refer (meeting date 'YYYY-MM-DD' and paragraph "§ 12"), when taken already. */
  ksDecision?: { date: string; paragraph: string } | null;
}

export interface ReferToKfResult {
  /** The `kf-arende` document. */
  documentId: string;
  /** False when the origin already had a KF matter: that one is returned, nothing is written. */
  created: boolean;
}

/** The document type of a KF matter (workflows/kf-arende.workflow.json). */
export const KF_MATTER_TYPE = 'kf-arende';

/**
 * Creates a KF matter ("Ärende till kommunfullmäktige", document type `kf-arende`) from an
 * origin, once per origin ({kind, id}): a second call for the same origin returns the first
 * matter. The matter is owned by KS and starts in KS's beredning (KS's secretary writes the
 * proposal and records KS's decision with date and §), then goes through the registrar to KF's
 * decision with date and § (see workflows/kf-arende.workflow.json).
 *
 * Usage (from a use case or a worker handler; it is built by EngineModule, so inject it):
 *
 * ```ts
 * const { documentId } = await referToKf.execute({
 *   origin: { kind: 'bolagsbedomning', id: `${assessmentId}__${companyId}`,
 *             title: 'Hallsbergs Bostads AB', summary: 'Verksamheten låg utanför ändamålet …' },
 *   year: 2027,
 * });
 * ```
 *
 * Several matters a year are numbered like åtgärdsplaner (the first has no period, then 2, 3, …)
 * and titled after the origin. It runs in its own transactions (the engine's create), under a
 * named lock per origin so that two callers at once make one matter; call it after your own
 * transaction has committed, and keep `documentId` beside your record.
 */
export class ReferToKf {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
  ) {}

  async execute(cmd: ReferToKfCommand): Promise<ReferToKfResult> {
    const { origin } = cmd;
    return withNamedLock(this.ds, `kf-arende:${origin.kind}:${origin.id}`, async () => {
      const existing = await this.existing(origin);
      if (existing) return { documentId: existing, created: false };
      const ks = await this.ksUnit();
      const data = {
        ursprung: {
          typ: origin.kind,
          id: origin.id,
          titel: origin.title,
          sammanfattning: origin.summary,
          ...(origin.url ? { lank: origin.url } : {}),
        },
        arende: origin.summary || origin.title,
        ...(cmd.proposal?.trim() ? { forslagTillBeslut: cmd.proposal.trim() } : {}),
        ...(cmd.ksDecision
          ? { ksBeslut: { datum: cmd.ksDecision.date, paragraf: cmd.ksDecision.paragraph } }
          : {}),
      };
      for (let attempt = 0; attempt < 5; attempt++) {
        const period = await this.nextPeriod(ks, cmd.year);
        try {
          const doc = await this.engine.create({
            type: KF_MATTER_TYPE,
            orgUnitId: ks,
            year: cmd.year,
            period,
            title: `Ärende till kommunfullmäktige ${cmd.year}${period ? ` nr ${period}` : ''}: ${origin.title}`,
            data,
            // The system creates it; the caller audits the decision that referred it.
            actor: SYSTEM_ACTOR,
          });
          return { documentId: doc.id, created: true };
        } catch (err) {
          // Another matter of the year took the same number at the same moment: look again.
          if (!(err instanceof EngineError) || err.code !== 'slot-taken') throw err;
        }
      }
      throw new Error(`No KF matter could be created for ${origin.kind} ${origin.id} in ${cmd.year}`);
    });
  }

  /** The KF matter already made from this origin, if any. */
  async existing(origin: Pick<KfMatterOrigin, 'kind' | 'id'>): Promise<string | null> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM document WHERE type = ? AND JSON_VALUE(data, '$.ursprung.typ') = ?
          AND JSON_VALUE(data, '$.ursprung.id') = ? ORDER BY created_at LIMIT 1`,
      [KF_MATTER_TYPE, origin.kind, origin.id],
    );
    return rows[0] ? String(rows[0].id) : null;
  }

  private async ksUnit(): Promise<string> {
    const rows: { id: string }[] = await this.ds.query(
      "SELECT id FROM org_unit WHERE kind = 'ks' ORDER BY id LIMIT 1",
    );
    if (!rows[0]) throw new EngineError('invalid-request', 'Kommunstyrelsen finns inte i organisationen.');
    return String(rows[0].id);
  }

  private async nextPeriod(ks: string, year: number): Promise<string | null> {
    const rows: { period: string | null }[] = await this.ds.query(
      'SELECT period FROM document WHERE type = ? AND org_unit_id = ? AND year = ?',
      [KF_MATTER_TYPE, ks, year],
    );
    if (!rows.length) return null;
    return String(Math.max(...rows.map((r) => (r.period ? Number(r.period) : 1))) + 1);
  }
}
