import type { OrgUnitKind } from './org-unit';

/**
 * What the municipality holds of a company or kommunalförbund (kommunallagen 10 kap., 3 kap.
 * 8 §): a company's share in percent of the votes and capital (100 = wholly owned), a
 * kommunalförbund's member municipalities. Stored on the unit (org_unit.ownership_share,
 * org_unit.member_municipalities); null and [] for every other kind of unit.
 */
export interface BodyOwnership {
  /** Percent, 0 < x ≤ 100 with at most two decimals; 100 = wholly owned. Null for a kommunalförbund. */
  sharePercent: number | null;
  /** The member municipalities of a kommunalförbund, the municipality itself among them; [] otherwise. */
  memberMunicipalities: string[];
}

/** How a company or kommunalförbund is held: the three forms of §5.4 ("helägda och delägda", "kommunalförbunden"). */
export type OwnershipForm = 'helagt' | 'delagt' | 'kommunalforbund';

export const OWNERSHIP_FORM_LABELS: Readonly<Record<OwnershipForm, string>> = {
  helagt: 'Helägt bolag',
  delagt: 'Delägt bolag',
  kommunalforbund: 'Kommunalförbund',
};

export const WHOLLY_OWNED_PERCENT = 100;

export const NO_OWNERSHIP: BodyOwnership = { sharePercent: null, memberMunicipalities: [] };

/** The form of holding of a unit, or null for a unit that is no company or kommunalförbund. */
export function ownershipForm(kind: OrgUnitKind, ownership: BodyOwnership): OwnershipForm | null {
  if (kind === 'kommunalforbund') return 'kommunalforbund';
  if (kind !== 'bolag') return null;
  return ownership.sharePercent === WHOLLY_OWNED_PERCENT ? 'helagt' : 'delagt';
}

/** "Helägt bolag (100 %)", "Delägt bolag (40 %)", "Kommunalförbund: Askersund, Hallsberg …". */
export function ownershipText(kind: OrgUnitKind, ownership: BodyOwnership): string | null {
  const form = ownershipForm(kind, ownership);
  if (form === null) return null;
  if (form === 'kommunalforbund')
    return `${OWNERSHIP_FORM_LABELS[form]} (medlemmar: ${ownership.memberMunicipalities.join(', ')})`;
  const share =
    ownership.sharePercent === null ? 'andel ej angiven' : `${percentText(ownership.sharePercent)} %`;
  return `${OWNERSHIP_FORM_LABELS[form]} (${share})`;
}

function percentText(value: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(value);
}

export interface OwnershipProblem {
  pointer: '/sharePercent' | '/memberMunicipalities' | `/memberMunicipalities/${number}`;
  message: string;
}

/**
 * Everything wrong with the holding of a unit of `kind`, in Swedish, field by field ([] when
 * valid): a company needs its share, more than 0 and at most 100 percent, in hundredths; a
 * kommunalförbund at least one member municipality, each named once, and no share; other units
 * neither.
 */
export function ownershipProblems(kind: OrgUnitKind, o: BodyOwnership): OwnershipProblem[] {
  const problems: OwnershipProblem[] = [];
  const share = o.sharePercent;
  if (kind === 'bolag') {
    if (share === null)
      problems.push({ pointer: '/sharePercent', message: 'Ange kommunens ägarandel i procent.' });
    else if (!Number.isFinite(share) || share <= 0 || share > WHOLLY_OWNED_PERCENT)
      problems.push({
        pointer: '/sharePercent',
        message: 'Ägarandelen ska vara större än 0 och högst 100 procent (100 = helägt).',
      });
    else if (Math.round(share * 100) !== share * 100)
      problems.push({ pointer: '/sharePercent', message: 'Ange ägarandelen med högst två decimaler.' });
  } else if (share !== null) {
    problems.push({
      pointer: '/sharePercent',
      message:
        kind === 'kommunalforbund'
          ? 'Ett kommunalförbund har medlemmar, inte en ägarandel.'
          : 'Bara ett bolag har en ägarandel.',
    });
  }
  if (kind === 'kommunalforbund') {
    if (o.memberMunicipalities.length === 0)
      problems.push({
        pointer: '/memberMunicipalities',
        message: 'Ange förbundets medlemskommuner (minst en).',
      });
    const seen = new Set<string>();
    o.memberMunicipalities.forEach((name, i) => {
      const key = name.trim().toLocaleLowerCase('sv');
      if (!key) problems.push({ pointer: `/memberMunicipalities/${i}`, message: 'Ange kommunens namn.' });
      else if (seen.has(key))
        problems.push({ pointer: `/memberMunicipalities/${i}`, message: 'Kommunen finns redan i listan.' });
      seen.add(key);
    });
  } else if (o.memberMunicipalities.length > 0) {
    problems.push({
      pointer: '/memberMunicipalities',
      message: 'Bara ett kommunalförbund har medlemskommuner.',
    });
  }
  return problems;
}

/** The members trimmed, in the order given. */
export function normalisedOwnership(o: BodyOwnership): BodyOwnership {
  return { sharePercent: o.sharePercent, memberMunicipalities: o.memberMunicipalities.map((m) => m.trim()) };
}
