import { DomainError } from '../domain-error';

/**
 * Kolada's open API (v2, api.kolada.se/v2; https://github.com/Hypergene/kolada) answers every
 * route with `{ values: [...], count, previous_page?, next_page? }`, at most 5000 values a page;
 * `next_page` is the full URL of the next page. These readers check what a response (or a file
 * saved from one) holds and say what is wrong, so a broken answer never reaches the database.
 */
export type KoladaGender = 'T' | 'K' | 'M';

/** One value of one KPI, for one municipality (or group), year and gender. */
export interface KoladaValue {
  kpi: string;
  municipalityId: string;
  year: number;
  /** T: total, K: kvinnor, M: män. */
  gender: KoladaGender;
  /** Null when Kolada has the row but no figure (status says why). */
  value: number | null;
  status: string;
  /** Members that contributed, for a group's value (an unweighted average); 1 otherwise. */
  count: number;
}

export interface KoladaDataPage {
  values: KoladaValue[];
  nextPage: string | null;
}

export interface KoladaGroup {
  id: string;
  title: string;
  members: { id: string; title: string }[];
}

export interface KoladaKpi {
  id: string;
  title: string;
  unit: string | null;
}

export const KOLADA_KPI_PATTERN = /^[NU]\d{5}$/;
export const KOLADA_GROUP_PATTERN = /^G\d{1,9}$/;
export const KOLADA_MUNICIPALITY_PATTERN = /^\d{4}$/;

const fail = (message: string): never => {
  throw new DomainError('kolada.malformed', message);
};

const obj = (v: unknown, where: string): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : fail(`${where}: inget objekt`);

function envelope(json: unknown): { values: unknown[]; nextPage: string | null } {
  const body = obj(json, 'Svaret');
  if (!Array.isArray(body['values'])) fail('Svaret saknar listan values');
  const next = body['next_page'];
  if (next !== undefined && next !== null && typeof next !== 'string') fail('next_page är ingen adress');
  return { values: body['values'] as unknown[], nextPage: typeof next === 'string' && next ? next : null };
}

/** A page of `/v2/data/kpi/{kpi}/municipality/{ids}/year/{years}`, one value per gender. */
export function readKoladaDataPage(json: unknown): KoladaDataPage {
  const { values, nextPage } = envelope(json);
  const out: KoladaValue[] = [];
  values.forEach((raw, i) => {
    const row = obj(raw, `values[${i}]`);
    const kpi = row['kpi'];
    const municipality = row['municipality'];
    const year = Number(row['period']);
    if (typeof kpi !== 'string' || !kpi) fail(`values[${i}]: kpi saknas`);
    if (typeof municipality !== 'string' || !municipality) fail(`values[${i}]: municipality saknas`);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) fail(`values[${i}]: period är inget år`);
    if (!Array.isArray(row['values'])) fail(`values[${i}]: listan values saknas`);
    (row['values'] as unknown[]).forEach((rawValue, j) => {
      const v = obj(rawValue, `values[${i}].values[${j}]`);
      const gender = v['gender'] === 'F' ? 'K' : v['gender'];
      if (gender !== 'T' && gender !== 'K' && gender !== 'M')
        fail(`values[${i}].values[${j}]: gender är inte T, K eller M`);
      const value = v['value'];
      if (value !== null && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value)))
        fail(`values[${i}].values[${j}]: value är inget tal`);
      out.push({
        kpi: kpi as string,
        municipalityId: municipality as string,
        year,
        gender: gender as KoladaGender,
        value: typeof value === 'number' ? value : null,
        status: typeof v['status'] === 'string' ? v['status'] : '',
        count: Number.isInteger(v['count']) ? (v['count'] as number) : 1,
      });
    });
  });
  return { values: out, nextPage };
}

/** `/v2/municipality_groups/{id}`: each group with its members. */
export function readKoladaGroups(json: unknown): KoladaGroup[] {
  return envelope(json).values.map((raw, i) => {
    const g = obj(raw, `values[${i}]`);
    if (typeof g['id'] !== 'string') fail(`values[${i}]: id saknas`);
    if (!Array.isArray(g['members'])) fail(`values[${i}]: members saknas`);
    return {
      id: g['id'] as string,
      title: typeof g['title'] === 'string' ? g['title'] : '',
      members: (g['members'] as unknown[]).map((m, j) => {
        const member = obj(m, `values[${i}].members[${j}]`);
        if (typeof member['id'] !== 'string') fail(`values[${i}].members[${j}]: id saknas`);
        return {
          id: member['id'] as string,
          title: typeof member['title'] === 'string' ? member['title'] : '',
        };
      }),
    };
  });
}

/** `/v2/kpi/{ids}`: the KPIs' titles and units. */
export function readKoladaKpis(json: unknown): KoladaKpi[] {
  return envelope(json).values.map((raw, i) => {
    const k = obj(raw, `values[${i}]`);
    if (typeof k['id'] !== 'string') fail(`values[${i}]: id saknas`);
    return {
      id: k['id'] as string,
      title: typeof k['title'] === 'string' ? k['title'] : '',
      unit: typeof k['unit'] === 'string' && k['unit'] ? k['unit'] : null,
    };
  });
}

/**
 * A file saved from Kolada's API: one data response, a group or KPI response, or a list of such
 * responses. Data rows, group rows and KPI rows are told apart by their members (`period`,
 * `members`, or an `id` without either).
 */
export function readKoladaFile(json: unknown): {
  values: KoladaValue[];
  groups: KoladaGroup[];
  kpis: KoladaKpi[];
} {
  const responses = Array.isArray(json) ? json : [json];
  if (!responses.length) fail('Filen innehåller inga svar från Kolada');
  const values: KoladaValue[] = [];
  const groups: KoladaGroup[] = [];
  const kpis: KoladaKpi[] = [];
  responses.forEach((response) => {
    const { values: rows } = envelope(response);
    const first = rows[0] as Record<string, unknown> | undefined;
    if (first && typeof first === 'object' && 'members' in first) groups.push(...readKoladaGroups(response));
    else if (first && typeof first === 'object' && 'id' in first && !('period' in first))
      kpis.push(...readKoladaKpis(response));
    else values.push(...readKoladaDataPage(response).values);
  });
  return { values, groups, kpis };
}
