import type { DataSource } from 'typeorm';
import {
  carriesAnnualBudget,
  controlFollowUpPrefill,
  documentTypeTraits,
  readFinancialGoals,
  type OrgTree,
} from '@rodtrad/domain';
import { fromJsonColumn, type DocumentRow } from '@rodtrad/persistence';
import type { JsonObject } from '@rodtrad/workflow';
import { DeviationThresholds } from './deviation-thresholds';
import { RiskMatrixSettings } from './internal-control/risk-matrix-settings';

/**
 * Choices a form offers that come from other documents: the strategic areas of the mandate
 * period (for nämndmål), and the nämndmål of the nämnd's adopted Mål- och budget (for strategies,
 * contributions, activities and follow-up). They are injected into the schema as `enum` (with
 * `enumNames` for RJSF), so the browser offers only those and the server refuses anything else.
 * A report that follows up the budget (and the year-end report, carriesAnnualBudget) also gets
 * the nämnd's annual budget (the frame KF adopted) as `arsbudget`: injected as `const` and `default`, so the form shows it prefilled and the server
 * refuses another figure (the author cannot change it; a budget decision does).
 */
export interface FormChoices {
  strategicAreas?: string[];
  namndmal?: { id: string; titel: string }[];
  /**
   * Where the nämndmål come from: the nämnd's Mål- och budget of the year, adopted or not yet
   * (then its goals as they stand), or null when the nämnd has none. The form names it and links
   * to it (`x-choices-from` on the field), so nobody has to type an id.
   */
  namndmalSource?: ChoicesSource | null;
  /** The indicators of KF's goals in the adopted Budget och flerårsplan (the municipality's reports). */
  kfIndicators?: string[];
  arsbudget?: number;
  /** The steps of likelihood and consequence in the installation's risk matrix (internkontrollplan). */
  riskScale?: number;
  /**
   * The controls of the nämnd's adopted internkontrollplan, one row each, that a report following
   * it up (traits reports.internalControl) starts with: injected as the `default` of `internkontroll`.
   */
  controls?: { nr: number; kontroll: string }[];
}

/** The document a field's choices come from, as the form names it. */
export interface ChoicesSource {
  id: string | null;
  title: string;
  adopted: boolean;
}

/** Whether the choices change any schema. */
export function hasChoices(c: FormChoices): boolean {
  return (
    !!c.strategicAreas?.length ||
    !!c.namndmal?.length ||
    c.namndmalSource !== undefined ||
    !!c.kfIndicators?.length ||
    c.arsbudget !== undefined ||
    c.riskScale !== undefined ||
    !!c.controls?.length
  );
}

/** The form fields whose choices come from upstream, by property name. */
const FIELDS: Record<string, (c: FormChoices) => { values: string[]; names: string[] } | undefined> = {
  strategisktOmrade: (c) =>
    c.strategicAreas?.length ? { values: c.strategicAreas, names: c.strategicAreas } : undefined,
  namndmalId: (c) =>
    c.namndmal?.length
      ? { values: c.namndmal.map((g) => g.id), names: c.namndmal.map((g) => `${g.id} – ${g.titel}`) }
      : undefined,
  // Only a document whose choices are KF's goals (formChoices 'kf-goals') has these.
  indikator: (c) => (c.kfIndicators?.length ? { values: c.kfIndicators, names: c.kfIndicators } : undefined),
};

/** The schema with the choices injected wherever a property of that name is a string. Pure. */
export function withChoices(schema: JsonObject, choices: FormChoices): JsonObject {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node as JsonObject)) out[k] = walk(v);
    const props = out['properties'];
    if (props && typeof props === 'object') {
      for (const [name, pick] of Object.entries(FIELDS)) {
        const field = (props as JsonObject)[name] as JsonObject | undefined;
        const choice = pick(choices);
        if (field && field['type'] === 'string' && choice) {
          (props as JsonObject)[name] = { ...field, enum: choice.values, enumNames: choice.names };
        }
      }
      const goal = (props as JsonObject)['namndmalId'] as JsonObject | undefined;
      if (goal && goal['type'] === 'string' && choices.namndmalSource !== undefined) {
        const from = choices.namndmalSource;
        (props as JsonObject)['namndmalId'] = {
          ...goal,
          description: goalChoiceHelp(from, !!choices.namndmal?.length),
          'x-choices-from': from ?? { id: null, title: 'nämndens Mål- och budget', adopted: false },
        };
      }
      const arsbudget = (props as JsonObject)['arsbudget'] as JsonObject | undefined;
      if (arsbudget && arsbudget['type'] === 'integer' && choices.arsbudget !== undefined) {
        (props as JsonObject)['arsbudget'] = {
          ...arsbudget,
          const: choices.arsbudget,
          default: choices.arsbudget,
          readOnly: true,
        };
      }
      if (choices.riskScale !== undefined) {
        const steps = Array.from({ length: choices.riskScale }, (_, i) => i + 1);
        for (const name of ['sannolikhet', 'konsekvens']) {
          const field = (props as JsonObject)[name] as JsonObject | undefined;
          if (field && field['type'] === 'integer' && Array.isArray(field['enum']))
            (props as JsonObject)[name] = { ...field, enum: steps };
        }
        const value = (props as JsonObject)['riskvarde'] as JsonObject | undefined;
        if (value && value['type'] === 'integer')
          (props as JsonObject)['riskvarde'] = { ...value, maximum: choices.riskScale ** 2 };
      }
      const followUp = (props as JsonObject)['internkontroll'] as JsonObject | undefined;
      if (followUp && followUp['type'] === 'array' && choices.controls?.length)
        (props as JsonObject)['internkontroll'] = { ...followUp, default: choices.controls };
    }
    return out;
  };
  return walk(schema) as JsonObject;
}

/** What the nämndmål field says of where its choices come from. */
function goalChoiceHelp(from: ChoicesSource | null, offered: boolean): string {
  if (!from)
    return 'Nämnden har ingen Mål- och budget för året ännu. Nämndmålen går att välja när den finns.';
  if (from.adopted) return `Välj ett av nämndmålen i ${from.title}.`;
  return offered
    ? `${from.title} är inte fastställd ännu: nämndmålen är förslaget som det ser ut nu.`
    : `${from.title} är inte fastställd ännu och har inga nämndmål än. Nämndmålen går att välja när de finns.`;
}

/** The server's message for a nämndmål that is not among the choices (instead of ajv's generic one). */
export const UNKNOWN_GOAL_MESSAGE =
  'Nämndmålet finns inte i nämndens Mål- och budget. Välj ett av nämndmålen i listan.';

/** ajv's enum errors at a nämndmål field, said as what they mean. Pure. */
export function withGoalMessages<E extends { pointer: string; message: string }>(errors: E[]): E[] {
  return errors.map((e) =>
    /\/namndmalId$/.test(e.pointer) && e.message === 'Välj ett av de tillåtna värdena'
      ? { ...e, message: UNKNOWN_GOAL_MESSAGE }
      : e,
  );
}

/** The `const` of the first `arsbudget` property in the schema (the injected annual budget). */
function annualBudgetIn(node: unknown): number | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = annualBudgetIn(n);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const props = (node as JsonObject)['properties'] as JsonObject | undefined;
  const field = props?.['arsbudget'] as JsonObject | undefined;
  if (field && Number.isSafeInteger(field['const'])) return field['const'] as number;
  for (const v of Object.values(node as JsonObject)) {
    const found = annualBudgetIn(v);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Data as it is saved: a report's `ekonomi.arsbudget` is the annual budget injected into the
 * form (withChoices), whatever the author sent: it is read-only and changes only by a budget
 * decision. Pure; data without an injected annual budget is returned as it is.
 */
export function withAnnualBudget(schema: JsonObject, data: JsonObject): JsonObject {
  const arsbudget = annualBudgetIn(schema);
  if (arsbudget === undefined || !data || typeof data !== 'object') return data;
  const ekonomi = data['ekonomi'];
  if (ekonomi !== undefined && (!ekonomi || typeof ekonomi !== 'object' || Array.isArray(ekonomi)))
    return data;
  return { ...data, ekonomi: { ...((ekonomi as JsonObject | undefined) ?? {}), arsbudget } };
}

export class DocumentChoices {
  private readonly decorated = new WeakMap<object, Map<string, JsonObject>>();
  /**
   * The goals of adopted plans, by nämnd and year. An adopted (final) document never changes: its
   * data is frozen, no step leaves a final state, and migration moves running documents only. So
   * its goals are kept once read; until the plan is adopted they are read every time.
   */
  private readonly adopted = new Map<string, FormChoices>();

  private readonly budgets: DeviationThresholds;
  private readonly riskMatrix: RiskMatrixSettings;

  constructor(private readonly ds: DataSource) {
    this.budgets = new DeviationThresholds(ds);
    this.riskMatrix = new RiskMatrixSettings(ds);
  }

  async for(doc: Pick<DocumentRow, 'type' | 'orgUnitId' | 'year'>, tree: OrgTree): Promise<FormChoices> {
    let choices = await this.upstream(doc, tree);
    // The matrix may be changed by an administrator at any time: read every time (one row).
    if (doc.type === 'internkontrollplan')
      choices = { ...choices, riskScale: (await this.riskMatrix.current()).size };
    if (documentTypeTraits(doc.type)?.reports.internalControl) {
      const controls = await this.adoptedControls(doc.orgUnitId, doc.year);
      if (controls.length) choices = { ...choices, controls };
    }
    if (!carriesAnnualBudget(doc.type)) return choices;
    const namnd = tree.namndOf(doc.orgUnitId);
    // Not remembered: KF's Budget och flerårsplan may be adopted after the GPF and then wins.
    const arsbudget = namnd ? await this.budgets.frame(namnd.id, doc.year) : undefined;
    return arsbudget === undefined ? choices : { ...choices, arsbudget };
  }

  private async upstream(
    doc: Pick<DocumentRow, 'type' | 'orgUnitId' | 'year'>,
    tree: OrgTree,
  ): Promise<FormChoices> {
    const from = documentTypeTraits(doc.type)?.formChoices ?? null;
    if (from === null) return {};
    if (from === 'strategic-areas') {
      const rows: { name: string }[] = await this.ds.query(
        `SELECT a.name FROM strategic_area a JOIN mandate_period p ON p.id = a.mandate_period_id
          WHERE p.start_year <= ? AND p.end_year >= ? ORDER BY a.sort_order, a.name`,
        [doc.year, doc.year],
      );
      return { strategicAreas: rows.map((r) => r.name) };
    }
    if (from === 'kf-goals') {
      const [budget] = await this.ds.query(
        `SELECT data FROM document WHERE type = 'budget-och-flerarsplan' AND year = ? AND final = 1
          ORDER BY decided_at DESC LIMIT 1`,
        [doc.year],
      );
      const data = budget ? fromJsonColumn<Record<string, unknown>>(budget.data) : {};
      const indicators = [
        ...readFinancialGoals(data['finansiellaMal']),
        ...readFinancialGoals(data['malGodEkonomiskHushallning']),
      ].map((g) => g.indikator);
      return { kfIndicators: [...new Set(indicators)] };
    }
    const namnd = tree.namndOf(doc.orgUnitId);
    if (!namnd) return {};
    const key = `${namnd.id}|${doc.year}`;
    const known = this.adopted.get(key);
    if (known) return known;
    // The adopted plan first; until there is one, the plan as it stands (its goals are offered,
    // marked as not yet adopted): an id is chosen, never typed (#18).
    const [plan] = await this.ds.query(
      "SELECT id, title, final, data FROM document WHERE type = 'mal-och-budget' AND org_unit_id = ? AND year = ? ORDER BY final DESC LIMIT 1",
      [namnd.id, doc.year],
    );
    if (!plan) return { namndmal: [], namndmalSource: null };
    const goals =
      fromJsonColumn<{ namndmal?: { id?: string; titel?: string }[] }>(plan.data ?? '{}').namndmal ?? [];
    const choices: FormChoices = {
      namndmal: goals.filter((g) => g.id).map((g) => ({ id: String(g.id), titel: String(g.titel ?? '') })),
      namndmalSource: { id: String(plan.id), title: String(plan.title), adopted: !!plan.final },
    };
    if (!plan.final) return choices;
    if (this.adopted.size >= 1000) this.adopted.clear();
    this.adopted.set(key, choices);
    return choices;
  }

  /** The rows of the unit's adopted internkontrollplan of the year (none before it is adopted). */
  private async adoptedControls(
    orgUnitId: string,
    year: number,
  ): Promise<{ nr: number; kontroll: string }[]> {
    const [plan] = await this.ds.query(
      `SELECT data FROM document WHERE type = 'internkontrollplan' AND org_unit_id = ? AND year = ? AND final = 1
        ORDER BY decided_at DESC LIMIT 1`,
      [orgUnitId, year],
    );
    return plan ? controlFollowUpPrefill(fromJsonColumn(plan.data)) : [];
  }

  /** withChoices, remembered per schema and choices (the validator compiles each schema once). */
  apply(schema: JsonObject, choices: FormChoices): JsonObject {
    if (!hasChoices(choices)) return schema;
    const key = JSON.stringify(choices);
    let bySchema = this.decorated.get(schema);
    if (!bySchema) this.decorated.set(schema, (bySchema = new Map()));
    let out = bySchema.get(key);
    if (!out) {
      if (bySchema.size > 50) bySchema.clear();
      bySchema.set(key, (out = withChoices(schema, choices)));
    }
    return out;
  }
}
