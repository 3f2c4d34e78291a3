/**
 * Kolada (#19, docs/kolada.md): where the worker fetches the nyckeltal and comparisons from, for
 * which municipality, how often and how long it waits. Declared here and spread into
 * CONFIG_VARIABLES (config.ts), so they are still declared once.
 */

import { type ConfigKind, variable } from './config-kind';
import { Invalid } from './invalid';

const baseUrl: ConfigKind<string> = {
  type: 'http or https URL',
  parse: (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw.trim());
    } catch {
      throw new Invalid('must be an http(s) URL, e.g. https://api.kolada.se/v2', raw);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Invalid('must use http:// or https://', `${parsed.protocol}//`);
    return raw.trim().replace(/\/+$/, '');
  },
};

const municipalityId: ConfigKind<string> = {
  type: 'four digits',
  parse: (raw) => {
    if (!/^\d{4}$/.test(raw.trim())) throw new Invalid('must be a municipality code of four digits', raw);
    return raw.trim();
  },
};

const wholeNumber = (min: number, max: number): ConfigKind<number> => ({
  type: `whole number ${min}–${max}`,
  parse: (raw) => {
    if (!/^\d+$/.test(raw.trim())) throw new Invalid('must be a whole number', raw);
    const n = Number(raw);
    if (n < min || n > max) throw new Invalid(`must be between ${min} and ${max}`, String(n));
    return n;
  },
});

export const KOLADA_VARIABLES = [
  variable('KOLADA_BASE_URL', 'koladaBaseUrl', baseUrl, {
    default: 'https://api.kolada.se/v2',
    description:
      "Kolada's open API (v2), or a mirror of it for an installation without internet access (docs/kolada.md)",
  }),
  variable('KOLADA_MUNICIPALITY_ID', 'koladaMunicipalityId', municipalityId, {
    default: '1861',
    description: "The municipality's id in Kolada (its municipality code; Hallsberg 1861)",
  }),
  variable('KOLADA_FETCH_HOURS', 'koladaFetchHours', wholeNumber(0, 720), {
    default: '24',
    description:
      'How often the worker fetches the linked KPIs from Kolada; 0: only when an administrator asks',
  }),
  variable('KOLADA_TIMEOUT_SECONDS', 'koladaTimeoutSeconds', wholeNumber(1, 300), {
    default: '30',
    description: 'How long the worker waits for one answer from Kolada before the fetch fails and is retried',
  }),
] as const;
