import type { DataSource } from 'typeorm';
import { assessmentPrefill, directiveFulfilmentPrefill, type BodyOwnership } from '@rodtrad/domain';
import { fromJsonColumn } from '@rodtrad/persistence';

type Data = Record<string, unknown>;

/** The types whose new documents start from the companies or their ägardirektiv. */
export const COMPANY_PREFILL_TYPES: readonly string[] = ['ks-bolagsbedomning', 'bolagsrapport'];

/**
 * KS's assessment starts with one row per company (and its holding in words); a company's report
 * with one row per directive of the adopted common ägardirektiv and of its own ägardirektiv (the
 * latest KF adopted up to the report's year).
 */
export async function companyPrefill(
  ds: DataSource,
  type: string,
  year: number,
  orgUnitId?: string,
): Promise<Data> {
  if (type === 'ks-bolagsbedomning') {
    const rows: { id: string; name: string; share: string | null }[] = await ds.query(
      "SELECT id, name, ownership_share AS share FROM org_unit WHERE kind = 'bolag' ORDER BY name",
    );
    return assessmentPrefill(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        ownership: {
          sharePercent: r.share === null ? null : Number(r.share),
          memberMunicipalities: [],
        } satisfies BodyOwnership,
      })),
    );
  }
  if (type !== 'bolagsrapport') return {};
  const adopted = async (t: string, unit: string | null): Promise<unknown> => {
    const [row] = await ds.query(
      `SELECT data FROM document WHERE type = ? AND final = 1 AND year <= ?${unit ? ' AND org_unit_id = ?' : ''}
        ORDER BY year DESC, decided_at DESC LIMIT 1`,
      unit ? [t, year, unit] : [t, year],
    );
    return row ? fromJsonColumn(row.data) : null;
  };
  const rows = directiveFulfilmentPrefill(
    await adopted('agardirektiv-gemensamma', null),
    orgUnitId ? await adopted('agardirektiv', orgUnitId) : null,
  );
  return rows.length ? { agardirektiv: rows } : {};
}
