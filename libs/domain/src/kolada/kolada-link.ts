import { KOLADA_GROUP_PATTERN, KOLADA_KPI_PATTERN, KOLADA_MUNICIPALITY_PATTERN } from './kolada-response';

/**
 * An indicator's link to a Kolada KPI, as stored in the form (`kolada` of a nämndmål's indicator in
 * Mål och budget, or of a financial goal in Budget och flerårsplan): the KPI, and what it is
 * compared with: one of Kolada's municipality groups (`jamforelsegrupp`, e.g. "Liknande
 * kommuner"), or municipalities the administrator picks (`jamforelsekommuner`), or both.
 */
export interface KoladaLink {
  kpi: string;
  jamforelsegrupp: string | null;
  jamforelsekommuner: string[];
}

/** The link as stored; null when there is none or its KPI id is not Kolada's form (N00945). */
export function readKoladaLink(value: unknown): KoladaLink | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const kpi = typeof v['kpi'] === 'string' ? v['kpi'].trim() : '';
  if (!KOLADA_KPI_PATTERN.test(kpi)) return null;
  const group = typeof v['jamforelsegrupp'] === 'string' ? v['jamforelsegrupp'].trim() : '';
  const list = Array.isArray(v['jamforelsekommuner']) ? v['jamforelsekommuner'] : [];
  return {
    kpi,
    jamforelsegrupp: KOLADA_GROUP_PATTERN.test(group) ? group : null,
    jamforelsekommuner: [
      ...new Set(
        list
          .filter((m): m is string => typeof m === 'string')
          .map((m) => m.trim())
          .filter((m) => KOLADA_MUNICIPALITY_PATTERN.test(m)),
      ),
    ],
  };
}

/** The links of a document's data: every nämndmål indicator's and every financial goal's. */
export function koladaLinksOf(type: string, data: Record<string, unknown>): KoladaLink[] {
  const arr = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];
  const raw =
    type === 'mal-och-budget'
      ? arr(data['namndmal']).flatMap((g) => arr(g['indikatorer']))
      : [...arr(data['finansiellaMal']), ...arr(data['malGodEkonomiskHushallning'])];
  return raw.map((i) => readKoladaLink(i['kolada'])).filter((l): l is KoladaLink => l !== null);
}

/** The document types whose forms carry Kolada links. */
export const KOLADA_LINKED_TYPES = ['mal-och-budget', 'budget-och-flerarsplan'] as const;

/** The years fetched for a document of `year`: Kolada publishes a year's figures the year after. */
export function koladaYearsFor(year: number, back = 5): number[] {
  return Array.from({ length: back + 1 }, (_, i) => year - back + i);
}
