import type { DataSource } from 'typeorm';
import { findingOriginId, findingsOutsidePurpose, findingSummary } from '@rodtrad/domain';
import { companyFindingToKfMail } from '@rodtrad/mail';
import { DocumentRepository } from '@rodtrad/persistence';
import type { EscalationSettings } from '../escalations/follow-up-escalation';
import type { ReferToKf } from '../kf-matters/refer-to-kf';
import type { EngineMailOutbox } from '../ports';
import type { RecipientDirectory } from '../recipient-directory';

/** The type of KS's yearly assessment of the companies (kommunallagen 6 kap. 9 §). */
export const COMPANY_ASSESSMENT_TYPE = 'ks-bolagsbedomning';

/** Who is told that a finding went to KF: KF's chair and secretary, and KS's secretary who prepares it. */
const FINDING_RECIPIENT_ROLES = ['kf.ordforande', 'kf.sekreterare', 'ks.sekreterare'] as const;

export interface ReferredFinding {
  companyId: string;
  /** The KF matter (`kf-arende`) made from the finding. */
  matterDocumentId: string;
}

/**
 * When KS has adopted its yearly assessment of the companies, every company it found outside the
 * municipal purpose or powers becomes a matter before KF (ReferToKf, origin `bolagsbedomning`
 * with the assessment and the company), and KF's chair and secretary and KS's secretary get a mail.
 * Runs after the decision's transaction (the worker's `documentFinished`); once per finding
 * however often it runs: ReferToKf returns the first matter, and the mail is deduplicated by it.
 */
export class ReferCompanyFindings {
  private readonly documents: DocumentRepository;

  constructor(
    ds: DataSource,
    private readonly refer: ReferToKf,
    private readonly recipients: RecipientDirectory,
    private readonly mail: EngineMailOutbox,
    private readonly settings: Pick<EscalationSettings, 'publicUrl'>,
  ) {
    this.documents = new DocumentRepository(ds);
  }

  async execute(documentId: string): Promise<ReferredFinding[]> {
    const doc = await this.documents.get(documentId);
    if (!doc || doc.type !== COMPANY_ASSESSMENT_TYPE || !doc.final) return [];
    const data = (doc.data ?? {}) as {
      ksBeslut?: { datum?: string; paragraf?: string };
      forslagTillKf?: string;
    };
    const ks =
      data.ksBeslut?.datum && data.ksBeslut.paragraf
        ? { date: data.ksBeslut.datum, paragraph: data.ksBeslut.paragraf }
        : null;
    const out: ReferredFinding[] = [];
    for (const finding of findingsOutsidePurpose(doc.data)) {
      const { documentId: matter } = await this.refer.execute({
        origin: {
          kind: 'bolagsbedomning',
          id: findingOriginId(doc.id, finding.bolagId),
          title: `${finding.bolag}: verksamheten utanför det kommunala ändamålet`,
          summary: findingSummary(finding, doc.year),
          url: `/dokument/${doc.id}`,
        },
        year: doc.year,
        proposal: data.forslagTillKf ?? null,
        ksDecision: ks,
      });
      const to = [
        ...new Set(
          (await this.recipients.withRolesFor(FINDING_RECIPIENT_ROLES, doc.orgUnitId)).map((r) => r.email),
        ),
      ];
      if (to.length)
        await this.mail.enqueue({
          ...companyFindingToKfMail({
            companyName: finding.bolag,
            year: doc.year,
            meetingDate: ks?.date ?? '',
            paragraph: ks?.paragraph ?? '',
            motivation: finding.motivering?.trim() ?? '',
            assessmentUrl: `${this.settings.publicUrl}/dokument/${doc.id}`,
            matterUrl: `${this.settings.publicUrl}/dokument/${matter}`,
          }),
          to,
          threadKey: `document-${matter}`,
          dedupeKey: `company-finding__${findingOriginId(doc.id, finding.bolagId)}`,
        });
      out.push({ companyId: finding.bolagId, matterDocumentId: matter });
    }
    return out;
  }
}
