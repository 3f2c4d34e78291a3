import type { DocumentTypeKey } from '../document-types/document-type-traits';

/**
 * Which of the nämnders' follow-up reports go on to KF "för kännedom" after KS has treated them.
 * The source (§6.1) has the tertial report treated in KS in May and names no KF step for it, so the
 * default is that it stops at KS; a municipality whose year wheel sends it to KF says so per budget
 * year and period (the year wheel's line, table year_wheel_kf_information, PUT
 * /api/years/{year}/kf-information/{type}/{period}). The municipality's own interim and annual
 * reports always go to KF (their workflows end in KF's decision).
 */
export const KF_INFORMATION_TYPES = ['tertialrapport'] as const satisfies readonly DocumentTypeKey[];

export type KfInformationType = (typeof KF_INFORMATION_TYPES)[number];

export interface KfInformationSetting {
  documentType: string;
  period: string;
  toKf: boolean;
}

export function isKfInformationType(type: unknown): type is KfInformationType {
  return typeof type === 'string' && (KF_INFORMATION_TYPES as readonly string[]).includes(type);
}

/** The source's default for a report line: none of the nämnders' tertial reports goes to KF (§6.1). */
export function kfInformationDefault(_type: KfInformationType, _period: string): boolean {
  return false;
}

/**
 * Whether a report of `type` and `period` goes to KF for information: the year's setting for the
 * line when the municipality made one, else the default. Other types never do by this rule.
 */
export function goesToKfForInformation(
  type: string,
  period: string | null,
  settings: readonly KfInformationSetting[],
): boolean {
  if (!isKfInformationType(type) || !period) return false;
  const set = settings.find((s) => s.documentType === type && s.period === period);
  return set ? set.toKf : kfInformationDefault(type, period);
}
