import { ownershipText, type BodyOwnership } from './ownership';

/**
 * KS's yearly assessment of the companies (kommunallagen 6 kap. 9 §): the statement KS takes a
 * position on for each company, as the form asks it.
 */
export const ASSESSMENT_STATEMENT =
  'Verksamheten har bedrivits i enlighet med det kommunala ändamålet och inom de kommunala befogenheterna';

/** A company as the assessment lists it. */
export interface AssessedCompany {
  id: string;
  name: string;
  ownership: BodyOwnership;
}

/** One row of the assessment's form (`bedomningar`). */
export interface CompanyFinding {
  bolagId: string;
  bolag: string;
  agande?: string;
  /** 'ja': within purpose and powers; 'nej': not, so the finding goes to KF. Absent until KS takes a position. */
  inomAndamal?: 'ja' | 'nej';
  motivering?: string;
}

/**
 * The data a new assessment starts with: one row per company (by name), each with its holding in
 * words and no finding yet. Kommunalförbund are not in it: 6 kap. 9 § concerns the companies.
 */
export function assessmentPrefill(companies: readonly AssessedCompany[]): { bedomningar: CompanyFinding[] } {
  return {
    bedomningar: [...companies]
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((c) => ({
        bolagId: c.id,
        bolag: c.name,
        agande: ownershipText('bolag', c.ownership) ?? '',
      })),
  };
}

/** The rows of an assessment's data, whatever it holds (stored data is read defensively). */
export function companyFindings(data: unknown): CompanyFinding[] {
  const rows = (data as { bedomningar?: unknown } | null)?.bedomningar;
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (r): r is CompanyFinding =>
      !!r && typeof r === 'object' && typeof r.bolagId === 'string' && typeof r.bolag === 'string',
  );
}

/** The companies KS found outside their purpose or powers: each goes to KF. */
export function findingsOutsidePurpose(data: unknown): CompanyFinding[] {
  return companyFindings(data).filter((f) => f.inomAndamal === 'nej');
}

/**
 * The origin id of the KF matter a finding makes: the assessment and the company, so each
 * company's finding goes to KF once however often it is looked at.
 */
export function findingOriginId(assessmentId: string, companyId: string): string {
  return `${assessmentId}__${companyId}`;
}

/** The Swedish summary KF reads for a finding outside the purpose. */
export function findingSummary(finding: CompanyFinding, year: number): string {
  const why = finding.motivering?.trim() ? ` Motivering: ${finding.motivering.trim()}` : '';
  return `Kommunstyrelsen har i sin bedömning av bolagen för ${year} (kommunallagen 6 kap. 9 §) funnit att verksamheten i ${finding.bolag} inte har bedrivits i enlighet med det kommunala ändamålet och inom de kommunala befogenheterna.${why}`;
}

/** One row of a company report's `agardirektiv`: a directive and (later) how it was fulfilled. */
export interface DirectiveFulfilment {
  direktiv: string;
  kalla: 'gemensamma' | 'bolagsspecifika';
  uppfyllelse?: 'uppfyllt' | 'delvis' | 'ej-uppfyllt';
  kommentar?: string;
}

/**
 * A company report's rows: each directive (by its heading) of the adopted common ägardirektiv,
 * then of the company's own; none when neither is adopted.
 */
export function directiveFulfilmentPrefill(common: unknown, specific: unknown): DirectiveFulfilment[] {
  const headings = (data: unknown): string[] => {
    const list = (data as { direktiv?: unknown } | null)?.direktiv;
    return Array.isArray(list)
      ? list
          .map((d) => (d && typeof d === 'object' ? (d as { rubrik?: unknown }).rubrik : undefined))
          .filter((r): r is string => typeof r === 'string' && r.trim() !== '')
      : [];
  };
  return [
    ...headings(common).map((direktiv) => ({ direktiv, kalla: 'gemensamma' as const })),
    ...headings(specific).map((direktiv) => ({ direktiv, kalla: 'bolagsspecifika' as const })),
  ];
}
