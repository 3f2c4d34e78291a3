import {
  readKoladaDataPage,
  readKoladaGroups,
  readKoladaKpis,
  type KoladaDataPage,
  type KoladaGroup,
  type KoladaKpi,
  type KoladaValue,
} from '@rodtrad/domain';

/** A request to Kolada that did not give a usable answer; the message is Swedish, for the administrator. */
export class KoladaFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KoladaFetchError';
  }
}

export interface KoladaClientOptions {
  /** e.g. https://api.kolada.se/v2, or a mirror of it. */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Kolada's ids in a URL: comma-separated, as many as a URL comfortably carries per request. */
const BATCH = 40;
const MAX_PAGES = 1000;

const batches = <T>(xs: readonly T[], size = BATCH): T[][] =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/**
 * Kolada's open API, v2: data per KPI, municipalities and years (following `next_page` to the
 * end), municipality groups and KPI metadata. Every request has a timeout; an HTTP error, a
 * timeout or a body that is not Kolada's JSON is a KoladaFetchError naming what happened.
 */
export class KoladaClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: KoladaClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  async data(
    kpi: string,
    municipalities: readonly string[],
    years: readonly number[],
  ): Promise<KoladaValue[]> {
    const out: KoladaValue[] = [];
    for (const ids of batches([...new Set(municipalities)])) {
      let url: string | null = this.url(
        `data/kpi/${kpi}/municipality/${ids.join(',')}/year/${years.join(',')}`,
      );
      for (let page = 0; url; page++) {
        if (page >= MAX_PAGES) throw new KoladaFetchError(`Kolada svarade med fler än ${MAX_PAGES} sidor`);
        const read: KoladaDataPage = this.read(await this.get(url), readKoladaDataPage);
        out.push(...read.values);
        url = read.nextPage ? this.sameOrigin(read.nextPage) : null;
      }
    }
    return out;
  }

  async groups(ids: readonly string[]): Promise<KoladaGroup[]> {
    const out: KoladaGroup[] = [];
    for (const batch of batches(ids))
      out.push(
        ...this.read(await this.get(this.url(`municipality_groups/${batch.join(',')}`)), readKoladaGroups),
      );
    return out;
  }

  async kpis(ids: readonly string[]): Promise<KoladaKpi[]> {
    const out: KoladaKpi[] = [];
    for (const batch of batches(ids))
      out.push(...this.read(await this.get(this.url(`kpi/${batch.join(',')}`)), readKoladaKpis));
    return out;
  }

  private url(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}/${path}`;
  }

  /**
   * Kolada's next_page is a full URL on its own host; a mirror may hand back the recorded one.
   * The path and query are kept and asked of the configured host, so a mirror is never left.
   */
  private sameOrigin(next: string): string {
    const base = new URL(this.options.baseUrl);
    const url = new URL(next, base);
    return `${base.origin}${url.pathname}${url.search}`;
  }

  private read<T>(body: unknown, reader: (json: unknown) => T): T {
    try {
      return reader(body);
    } catch (e) {
      throw new KoladaFetchError(`Kolada svarade med oväntat innehåll: ${(e as Error).message}`);
    }
  }

  private async get(url: string): Promise<unknown> {
    const seconds = String(this.options.timeoutMs / 1000).replace('.', ',');
    let res: Response;
    let text: string;
    try {
      res = await this.fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new KoladaFetchError(`Kolada svarade inte inom ${seconds} s (${url})`);
      throw new KoladaFetchError(`Kolada kunde inte nås: ${(e as Error).message} (${url})`);
    }
    if (!res.ok) throw new KoladaFetchError(`Kolada svarade med HTTP ${res.status} (${url})`);
    try {
      return JSON.parse(text);
    } catch {
      throw new KoladaFetchError(`Kolada svarade med ogiltig JSON (${url})`);
    }
  }
}
