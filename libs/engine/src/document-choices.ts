import type { DataSource } from 'typeorm';
import { documentTypeTraits, type OrgTree } from '@rodtrad/domain';
import { fromJsonColumn, type DocumentRow } from '@rodtrad/persistence';
import type { JsonObject } from '@rodtrad/workflow';

/**
 * Choices a form offers that come from other documents: the strategic areas of the mandate
 * period (for nämndmål), and the nämndmål of the nämnd's adopted Mål- och budget (for strategies,
 * contributions, activities and follow-up). They are injected into the schema as `enum` (with
 * `enumNames` for RJSF), so the browser offers only those and the server refuses anything else.
 */
export interface FormChoices {
  strategicAreas?: string[];
  namndmal?: { id: string; titel: string }[];
}

/** The form fields whose choices come from upstream, by property name. */
const FIELDS: Record<string, (c: FormChoices) => { values: string[]; names: string[] } | undefined> = {
  strategisktOmrade: (c) =>
    c.strategicAreas?.length ? { values: c.strategicAreas, names: c.strategicAreas } : undefined,
  namndmalId: (c) =>
    c.namndmal?.length
      ? { values: c.namndmal.map((g) => g.id), names: c.namndmal.map((g) => `${g.id} – ${g.titel}`) }
      : undefined,
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
    }
    return out;
  };
  return walk(schema) as JsonObject;
}

export class DocumentChoices {
  private readonly decorated = new WeakMap<object, Map<string, JsonObject>>();
  /**
   * The goals of adopted plans, by nämnd and year. An adopted (final) document never changes: its
   * data is frozen, no step leaves a final state, and migration moves running documents only. So
   * its goals are kept once read; until the plan is adopted they are read every time.
   */
  private readonly adopted = new Map<string, FormChoices>();

  constructor(private readonly ds: DataSource) {}

  async for(doc: Pick<DocumentRow, 'type' | 'orgUnitId' | 'year'>, tree: OrgTree): Promise<FormChoices> {
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
    const namnd = tree.namndOf(doc.orgUnitId);
    if (!namnd) return {};
    const key = `${namnd.id}|${doc.year}`;
    const known = this.adopted.get(key);
    if (known) return known;
    const [plan] = await this.ds.query(
      "SELECT data FROM document WHERE type = 'mal-och-budget' AND org_unit_id = ? AND year = ? AND final = 1 LIMIT 1",
      [namnd.id, doc.year],
    );
    if (!plan) return { namndmal: [] };
    const goals = fromJsonColumn<{ namndmal?: { id?: string; titel?: string }[] }>(plan.data).namndmal ?? [];
    const choices = {
      namndmal: goals.filter((g) => g.id).map((g) => ({ id: String(g.id), titel: String(g.titel ?? '') })),
    };
    if (this.adopted.size >= 1000) this.adopted.clear();
    this.adopted.set(key, choices);
    return choices;
  }

  /** withChoices, remembered per schema and choices (the validator compiles each schema once). */
  apply(schema: JsonObject, choices: FormChoices): JsonObject {
    if (!choices.strategicAreas?.length && !choices.namndmal?.length) return schema;
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
