import type { DataSource } from 'typeorm';
import { comparisonMembers, koladaSeries, type KoladaLink, type KoladaYearPoint } from '@rodtrad/domain';
import { KoladaRepository } from '@rodtrad/persistence';

/** An indicator's Kolada figures as the red thread and the reports show them. */
export interface KoladaIndicatorView {
  kpi: string;
  /** Kolada's title of the KPI, once fetched. */
  titel: string | null;
  kommunId: string;
  jamforelsegrupp: string | null;
  jamforelsekommuner: string[];
  /** The municipalities the median is taken over (the municipality itself left out). */
  jamforelseAntal: number;
  serie: KoladaYearPoint[];
  /** Where the municipality's latest value came from: Kolada's API or a file, and when. */
  kalla: { typ: 'api' | 'file'; hamtad: string } | null;
}

/**
 * Reads the stored Kolada values for a set of links once, and gives each link's view: the
 * municipality's series up to a year, with the comparison group's median beside it.
 */
export class KoladaIndicators {
  constructor(
    private readonly ds: DataSource,
    private readonly municipalityId: string,
  ) {}

  async load(
    links: readonly KoladaLink[],
  ): Promise<(link: KoladaLink, uptoYear: number) => KoladaIndicatorView> {
    const repo = new KoladaRepository(this.ds);
    const kpis = [...new Set(links.map((l) => l.kpi))];
    const groups = [...new Set(links.flatMap((l) => (l.jamforelsegrupp ? [l.jamforelsegrupp] : [])))];
    const [values, members, titles] = await Promise.all([
      repo.values(kpis),
      repo.groupMembers(groups),
      repo.kpiTitles(kpis),
    ]);
    const own = this.municipalityId;
    return (link, uptoYear) => {
      const compared = comparisonMembers(link, own, members);
      const serie = koladaSeries(link, own, compared, values).filter((p) => p.year <= uptoYear);
      const latest = values
        .filter(
          (v) => v.kpi === link.kpi && v.municipalityId === own && v.year <= uptoYear && v.value !== null,
        )
        .sort((a, b) => b.year - a.year || b.fetchedAt.getTime() - a.fetchedAt.getTime())[0];
      return {
        kpi: link.kpi,
        titel: titles.get(link.kpi) ?? null,
        kommunId: own,
        jamforelsegrupp: link.jamforelsegrupp,
        jamforelsekommuner: link.jamforelsekommuner,
        jamforelseAntal: compared.length,
        serie,
        kalla: latest ? { typ: latest.source, hamtad: latest.fetchedAt.toISOString() } : null,
      };
    };
  }
}
