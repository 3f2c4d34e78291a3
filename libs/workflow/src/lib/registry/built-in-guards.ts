// Built-in guards. Each is pure: it reads the context the caller precomputed and answers true or a
// Swedish reason the user sees next to the refused button.
import { restorationPlanErrors } from '@rodtrad/domain';
import { resolvePointer } from '../json-pointer';
import type { GuardContext, GuardResult, JsonObject } from '../workflow.types';
import type { GuardEntry } from './registry.types';

const refuse = (reason: string): GuardResult => ({ ok: false, reason });

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function guard<P extends JsonObject>(entry: GuardEntry<P>): GuardEntry {
  return entry as unknown as GuardEntry;
}

export const formComplete = guard<{ form?: string }>({
  name: 'formComplete',
  description:
    "The document data is valid against the form of the current step (or of `form`), using the caller's validateForm.",
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { form: { type: 'string', minLength: 1 } },
  },
  reads: ['forms'],
  implementation: (ctx, params) => {
    const step = params.form ?? ctx.state?.form;
    if (!step) return refuse('Steget saknar formulär att kontrollera.');
    if (!ctx.validateForm) return refuse('Formuläret kan inte kontrolleras just nu.');
    const errors = ctx.validateForm(ctx.data, { type: ctx.document.type, step });
    if (errors.length === 0) return true;
    return {
      ok: false,
      reason: `Formuläret är inte komplett: ${errors.length} fält behöver åtgärdas.`,
      errors,
    };
  },
});

export const fieldsPresent = guard<{ fields: string[]; reason?: string }>({
  name: 'fieldsPresent',
  description: 'Every JSON pointer in `fields` has a non-empty value in the document data.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: {
      fields: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(/[^/]+)+$' } },
      reason: { type: 'string', minLength: 1 },
    },
  },
  implementation: (ctx, params) => {
    const missing = params.fields.filter((f) => isBlank(resolvePointer(ctx.data, f)));
    if (missing.length === 0) return true;
    return {
      ok: false,
      reason: params.reason ?? `Uppgifter saknas: ${missing.map((m) => m.slice(1)).join(', ')}.`,
      errors: missing.map((pointer) => ({ pointer, message: 'Fältet är obligatoriskt' })),
    };
  },
});

function checkRole(ctx: GuardContext, role: string): boolean {
  const checker =
    ctx.hasRole ?? (typeof ctx.facts['hasRole'] === 'function' ? ctx.facts['hasRole'] : undefined);
  if (checker) return (checker as (role: string) => boolean)(role) === true;
  // Without the caller's organisational check, accept only the role held on the document's own unit.
  return ctx.actor.roles.some((r) => r.role === role && r.orgUnitId === ctx.document.orgUnitId);
}

export const hasRole = guard<{ role?: string; roles?: string[] }>({
  name: 'hasRole',
  description:
    "The actor holds `role` (or one of `roles`) for this document, by the caller's hasRole checker (ctx.hasRole or ctx.facts.hasRole).",
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      role: { type: 'string', minLength: 1 },
      roles: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
  },
  implementation: (ctx, params) => {
    const wanted = [...(params.role ? [params.role] : []), ...(params.roles ?? [])];
    if (wanted.some((r) => checkRole(ctx, r))) return true;
    return refuse('Du har inte behörighet att göra detta i det här steget.');
  },
  refs: (params) => [
    ...(params.role ? [{ kind: 'role' as const, value: params.role, pointer: '/role' }] : []),
    ...(params.roles ?? []).map((value, i) => ({ kind: 'role' as const, value, pointer: `/roles/${i}` })),
  ],
});

export const upstreamAdopted = guard<{ type?: string }>({
  name: 'upstreamAdopted',
  description:
    'The governing upstream document is adopted: facts.upstreamAdopted is true, or, with `type`, facts.upstreamAdopted[type] is true.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { type: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' } },
  },
  reads: ['facts'],
  implementation: (ctx, params) => {
    const fact = ctx.facts['upstreamAdopted'];
    const adopted =
      params.type !== undefined && fact !== null && typeof fact === 'object'
        ? (fact as Record<string, unknown>)[params.type] === true
        : fact === true;
    if (adopted) return true;
    // The caller's facts name the document (DocumentFacts.upstreamTitle), so the reader knows which.
    const title = ctx.facts['upstreamTitle'];
    return refuse(
      typeof title === 'string' && title !== ''
        ? `Det överordnade dokumentet ${title} är inte fastställt ännu. Det måste fastställas först.`
        : 'Det överordnade dokumentet är inte fastställt ännu. Det måste fastställas först.',
    );
  },
  refs: (params) => (params.type ? [{ kind: 'document-type', value: params.type, pointer: '/type' }] : []),
});

export const withinFrame = guard<Record<string, never>>({
  name: 'withinFrame',
  description: 'The budget stays within its economic frame: facts.withinFrame is true.',
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  reads: ['facts'],
  implementation: (ctx) =>
    ctx.facts['withinFrame'] === true ? true : refuse('Budgeten ryms inte inom den tilldelade ramen.'),
});

export const commentGiven = guard<{ minLength?: number }>({
  name: 'commentGiven',
  description: 'The event carries a non-blank `comment` (of at least `minLength` characters).',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { minLength: { type: 'integer', minimum: 1 } },
  },
  implementation: (ctx, params) => {
    const comment = typeof ctx.event?.comment === 'string' ? ctx.event.comment.trim() : '';
    if (comment.length === 0) return refuse('En kommentar krävs.');
    if (params.minLength && comment.length < params.minLength)
      return refuse(`Kommentaren måste vara minst ${params.minLength} tecken.`);
    return true;
  },
});

export const factIs = guard<{ fact: string; equals?: unknown; reason: string }>({
  name: 'factIs',
  description:
    'facts[fact] equals `equals` (default true); for caller-computed conditions without a dedicated guard. `reason` is shown when it does not.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fact', 'reason'],
    properties: {
      fact: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' },
      equals: { type: ['string', 'number', 'boolean', 'null'] },
      reason: { type: 'string', minLength: 1 },
    },
  },
  reads: ['facts'],
  implementation: (ctx, params) =>
    ctx.facts[params.fact] === (params.equals === undefined ? true : params.equals)
      ? true
      : refuse(params.reason),
});

export const sentVia = guard<{ via: Array<'user' | 'system' | 'email-link'> }>({
  name: 'sentVia',
  description: "The event comes through one of `via` ('user', 'system', 'email-link').",
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['via'],
    properties: {
      via: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: ['user', 'system', 'email-link'] },
      },
    },
  },
  implementation: (ctx, params) =>
    params.via.includes(ctx.actor.via) ? true : refuse('Händelsen kan inte skickas på det här sättet.'),
});

export const restorationPlanCovers = guard<Record<string, never>>({
  name: 'restorationPlanCovers',
  description:
    "An åtgärdsplan for a negative balance-requirement result (/avvikelse/typ = balanskrav) says how the deficit (/avvikelse/belopp) is restored per year (/aterstallande: [{ ar, belopp }]) within the three years after the document's year, adding up to at least the deficit (kommunallagen 11 kap. 12 §). Any other plan passes.",
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  implementation: (ctx) => {
    if (resolvePointer(ctx.data, '/avvikelse/typ') !== 'balanskrav') return true;
    const deficit = resolvePointer(ctx.data, '/avvikelse/belopp');
    const errors = Number.isSafeInteger(deficit)
      ? restorationPlanErrors({
          deficit: deficit as number,
          deficitYear: ctx.document.year,
          plan: resolvePointer(ctx.data, '/aterstallande'),
        })
      : [{ pointer: '/avvikelse/belopp', message: 'Ange underskottets belopp i hela kronor.' }];
    if (errors.length === 0) return true;
    return {
      ok: false,
      reason: 'Den särskilda åtgärdsplanen måste visa hur hela underskottet återställs inom tre år.',
      errors,
    };
  },
});

export const builtInGuards: GuardEntry[] = [
  formComplete,
  fieldsPresent,
  hasRole,
  upstreamAdopted,
  withinFrame,
  commentGiven,
  factIs,
  sentVia,
  restorationPlanCovers,
];
