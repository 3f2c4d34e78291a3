import { documentTypeTraits } from '../document-types/document-type-traits';
import { kronorText } from './kronor-text';

/**
 * Data migrations that a definition migration may run on the documents it moves (Administration →
 * Arbetsflöden → Flytta dokument, `dataMigration`). Each is pure: old data and what the engine
 * knows about the document in, new data and notes for the dry run out.
 */
export const DATA_MIGRATIONS = ['ekonomi-nettokostnad'] as const;
export type DataMigrationName = (typeof DATA_MIGRATIONS)[number];

export function isDataMigrationName(value: unknown): value is DataMigrationName {
  return typeof value === 'string' && (DATA_MIGRATIONS as readonly string[]).includes(value);
}

export interface DataMigrationContext {
  /** The nämnd's adopted annual budget (frame) for the document's year, when known. */
  arsbudget?: number;
  /** The document's type: the year-end report (traits `yearEndBudget`) maps its own way. */
  documentType?: string;
}

export interface DataMigrationResult {
  data: Record<string, unknown>;
  changed: boolean;
  /** What a person should look at (Swedish), shown in the dry run. */
  notes: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const OLD_FIGURES = ['budget', 'utfall', 'prognos'] as const;

/**
 * The reports' old `ekonomi` `{ budget, utfall, prognos }` ("Periodens budget", "Utfall för
 * perioden", "Prognos för helåret", all "nettokostnad" with no sign) becomes
 * `{ arsbudget, periodbudget, utfall, prognos }` in net cost, a cost positive (docs/financial-control.md):
 * - budget → periodbudget, utfall → utfall, prognos → prognos;
 * - arsbudget ← the nämnd's adopted frame (context), left out when unknown;
 * - signs: when every old figure is zero or below and one is below, the nämnd typed costs negative
 *   (the result statement's way, which the old rule assumed): every figure is negated. Otherwise
 *   the figures are kept; mixed signs are kept and noted for a person to check.
 * The year-end report (verksamhetsberättelse) had `{ budget, utfall }` for the whole year and
 * becomes `{ arsbudget, utfall }`: arsbudget ← the adopted frame, or its old budget (signed as
 * above) when no frame is adopted; a differing old budget is noted; no periodbudget or prognos.
 * The old text `investeringar` moves to `investeringarKommentar`; `investeringar` becomes a list.
 * Data already in the new shape is left alone, so running the migration twice changes nothing.
 */
export function migrateEkonomiNettokostnad(data: unknown, ctx: DataMigrationContext): DataMigrationResult {
  const notes: string[] = [];
  const out: Json = isObject(data) ? { ...data } : {};
  let changed = false;

  const old = out['ekonomi'];
  if (isObject(old) && !('arsbudget' in old || 'periodbudget' in old)) {
    const figures = OLD_FIGURES.map((k) => old[k]).filter((v): v is number => typeof v === 'number');
    const negative = figures.some((v) => v < 0);
    const positive = figures.some((v) => v > 0);
    const flip = negative && !positive;
    if (negative && positive)
      notes.push(
        'Ekonomin har både positiva och negativa belopp: tecknen är behållna. Kontrollera att kostnader är positiva.',
      );
    if (flip)
      notes.push('Beloppen var angivna som negativa kostnader och har bytt tecken (kostnad positiv).');
    const signed = (v: unknown) => (typeof v === 'number' && flip ? -v || 0 : v);
    const { budget, utfall, prognos, ...rest } = old;
    const ekonomi: Json = { ...rest };
    const yearEnd = !!documentTypeTraits(ctx.documentType ?? '')?.reports.yearEndBudget;
    if (ctx.arsbudget !== undefined) {
      ekonomi['arsbudget'] = ctx.arsbudget;
      if (yearEnd && typeof budget === 'number' && signed(budget) !== ctx.arsbudget)
        notes.push(
          `Årsbudgeten är hämtad från den antagna ramen (${kronorText(ctx.arsbudget)}) i stället för den angivna budgeten (${kronorText(Number(signed(budget)))}).`,
        );
    } else if (yearEnd && budget !== undefined) ekonomi['arsbudget'] = signed(budget);
    else notes.push('Årsbudget saknas: ingen antagen ram för nämnden och året.');
    // The year-end report's old budget was the whole year's: it is the arsbudget above.
    if (budget !== undefined && !yearEnd) ekonomi['periodbudget'] = signed(budget);
    if (utfall !== undefined) ekonomi['utfall'] = signed(utfall);
    if (prognos !== undefined) ekonomi['prognos'] = signed(prognos);
    out['ekonomi'] = ekonomi;
    changed = true;
  }

  const investeringar = out['investeringar'];
  if (investeringar !== undefined && !Array.isArray(investeringar)) {
    if (
      typeof investeringar === 'string' &&
      investeringar.trim() &&
      out['investeringarKommentar'] === undefined
    )
      out['investeringarKommentar'] = investeringar;
    out['investeringar'] = [];
    changed = true;
  }
  return { data: out, changed, notes };
}

export function applyDataMigration(
  name: DataMigrationName,
  data: unknown,
  ctx: DataMigrationContext,
): DataMigrationResult {
  switch (name) {
    case 'ekonomi-nettokostnad':
      return migrateEkonomiNettokostnad(data, ctx);
  }
}
