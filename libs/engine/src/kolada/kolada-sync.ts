import type { DataSource } from 'typeorm';
import {
  comparisonMembers,
  KOLADA_LINKED_TYPES,
  koladaLinksOf,
  koladaYearsFor,
  readKoladaFile,
  type KoladaLink,
} from '@rodtrad/domain';
import { fromJsonColumn, KoladaRepository } from '@rodtrad/persistence';
import { KoladaClient, KoladaFetchError } from './kolada-client';

export interface KoladaSettings {
  baseUrl: string;
  municipalityId: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface KoladaRunResult {
  runId: string;
  valuesStored: number;
  /** Swedish, one per request that failed; the rest was stored. */
  problems: string[];
}

/** Every KPI linked from a document of the years still followed, with the years and comparisons asked. */
export interface KoladaWants {
  kpis: Map<string, { years: Set<number>; links: KoladaLink[] }>;
  groups: Set<string>;
}

/**
 * Fetches the values of every linked KPI from Kolada (#19): the municipality's own and its
 * comparison municipalities', for the years of each linking document and the five before it
 * (Kolada publishes a year's figures in the spring after), with the members of the named groups
 * and the KPIs' titles. One run per call, recorded with what it stored and every request that
 * failed; a failed request leaves the others' values stored.
 */
export class KoladaSync {
  private readonly repo: KoladaRepository;
  private readonly client: KoladaClient;

  constructor(
    private readonly ds: DataSource,
    private readonly settings: KoladaSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new KoladaRepository(ds);
    this.client = new KoladaClient(settings);
  }

  /** Links in documents of last year and later (documents of older years are history). */
  async wants(): Promise<KoladaWants> {
    const since = this.now().getUTCFullYear() - 1;
    const docs: { type: string; year: number; data: unknown }[] = await this.ds.query(
      `SELECT type, year, data FROM document WHERE type IN (${KOLADA_LINKED_TYPES.map(() => '?').join(',')}) AND year >= ?`,
      [...KOLADA_LINKED_TYPES, since],
    );
    const kpis: KoladaWants['kpis'] = new Map();
    const groups = new Set<string>();
    for (const d of docs) {
      const data = fromJsonColumn<Record<string, unknown>>(d.data) ?? {};
      for (const link of koladaLinksOf(String(d.type), data)) {
        const entry = kpis.get(link.kpi) ?? { years: new Set<number>(), links: [] };
        koladaYearsFor(Number(d.year)).forEach((y) => entry.years.add(y));
        entry.links.push(link);
        kpis.set(link.kpi, entry);
        if (link.jamforelsegrupp) groups.add(link.jamforelsegrupp);
      }
    }
    return { kpis, groups };
  }

  async run(requestedBy: string | null = null): Promise<KoladaRunResult> {
    const runId = await this.repo.startRun('api', requestedBy, undefined, this.now());
    const problems: string[] = [];
    let stored = 0;
    const attempt = async (what: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (e) {
        if (!(e instanceof KoladaFetchError)) throw e;
        problems.push(`${what}: ${e.message}`);
      }
    };
    try {
      const wants = await this.wants();
      const groupIds = [...wants.groups];
      if (groupIds.length)
        await attempt(`Jämförelsegrupper ${groupIds.join(', ')}`, async () => {
          for (const g of await this.client.groups(groupIds)) await this.repo.saveGroup(g, this.now());
        });
      const kpiIds = [...wants.kpis.keys()];
      if (kpiIds.length)
        await attempt('Nyckeltalens namn', async () =>
          this.repo.saveKpis(await this.client.kpis(kpiIds), this.now()),
        );
      const members = await this.repo.groupMembers(groupIds);
      for (const [kpi, { years, links }] of wants.kpis) {
        const municipalities = new Set([this.settings.municipalityId]);
        for (const link of links)
          comparisonMembers(link, this.settings.municipalityId, members).forEach((m) =>
            municipalities.add(m),
          );
        await attempt(kpi, async () => {
          const values = await this.client.data(kpi, [...municipalities], [...years].sort());
          stored += await this.repo.saveValues(values, 'api', runId, this.now());
        });
      }
    } finally {
      await this.repo.finishRun(runId, stored, problems, this.now());
    }
    return { runId, valuesStored: stored, problems };
  }

  /**
   * A file saved from Kolada's API (a data, group or KPI response, or a list of them): stored
   * like fetched values, with the file's name and SHA-256 on its run. A file that is not Kolada's
   * JSON stores nothing and says why.
   */
  async importFile(
    file: { name: string; sha256: string; text: string },
    requestedBy: string | null,
  ): Promise<KoladaRunResult & { groups: number }> {
    let parsed: ReturnType<typeof readKoladaFile>;
    try {
      parsed = readKoladaFile(JSON.parse(file.text));
    } catch (e) {
      const message = e instanceof SyntaxError ? 'Filen är inte JSON' : (e as Error).message;
      throw new KoladaFetchError(`Filen kunde inte läsas: ${message}`);
    }
    const runId = await this.repo.startRun('file', requestedBy, file, this.now());
    for (const g of parsed.groups) await this.repo.saveGroup(g, this.now());
    await this.repo.saveKpis(parsed.kpis, this.now());
    const stored = await this.repo.saveValues(parsed.values, 'file', runId, this.now());
    await this.repo.finishRun(runId, stored, [], this.now());
    return { runId, valuesStored: stored, problems: [], groups: parsed.groups.length };
  }
}
