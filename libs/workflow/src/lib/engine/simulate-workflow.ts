// Runs a definition version on a throwaway document: the same pure steps as the engine, with the
// facts and data the caller chooses, reporting each step's state, refusals and the effects that
// would leave through the outbox. Nothing is stored and nothing is sent.
import { stateMeta } from '../definition/definition-graph';
import { createFormValidator } from '../forms/form-validator';
import type { DocumentRef, Effect, FormFieldError, GuardContext, JsonObject } from '../workflow.types';
import type { CompiledWorkflow } from './compile-definition';
import { initialStep, step, type PersistedSnapshot } from './engine-step';

export interface SimulationEvent {
  type: string;
  comment?: string;
  /** Form data saved before the event is sent (merged over the document's data, field by field). */
  data?: Record<string, unknown>;
}

export interface SimulationInput {
  compiled: CompiledWorkflow;
  /** The forms frozen with the version, by form name. */
  forms: Record<string, { schema: JsonObject }>;
  events: SimulationEvent[];
  data?: Record<string, unknown>;
  /** Facts the engine would compute from other documents (upstreamAdopted, withinFrame, …). */
  facts?: Record<string, unknown>;
  /** Roles the simulated sender holds, for `hasRole` guards; absent: every role. */
  roles?: string[];
  document?: Partial<DocumentRef>;
}

/** The effects of one step, grouped as an administrator thinks of them. */
export interface GroupedEffects {
  mails: Effect[];
  deadlines: Effect[];
  documents: Effect[];
  escalations: Effect[];
  other: Effect[];
}

export interface SimulatedStep extends GroupedEffects {
  /** null for the creation of the document. */
  event: string | null;
  ok: boolean;
  state: string;
  stateTitle: string;
  previousState: string | null;
  final: boolean;
  /** Why the event was refused (Swedish), with the refusing guard and field errors. */
  reason?: string;
  guard?: string;
  errors?: FormFieldError[];
  /** Roles that may send the event in the step it was sent from (meta.events). */
  sentBy?: string[];
  effects: Effect[];
}

export interface SimulationResult {
  steps: SimulatedStep[];
  state: string;
  final: boolean;
  data: Record<string, unknown>;
  totals: Record<keyof GroupedEffects, number>;
}

const GROUPS: Record<string, keyof GroupedEffects> = {
  notify: 'mails',
  requestApproval: 'mails',
  scheduleDeadline: 'deadlines',
  cancelDeadlines: 'deadlines',
  createDocument: 'documents',
  escalate: 'escalations',
};

export function groupEffects(effects: Effect[]): GroupedEffects {
  const out: GroupedEffects = { mails: [], deadlines: [], documents: [], escalations: [], other: [] };
  for (const e of effects) out[GROUPS[e.type] ?? 'other'].push(e);
  return out;
}

const validator = createFormValidator();

export function simulateWorkflow(input: SimulationInput): SimulationResult {
  const def = input.compiled.definition;
  let data: Record<string, unknown> = { ...(input.data ?? {}) };
  const document: DocumentRef = {
    id: 'simulering',
    type: def.key,
    orgUnitId: 'simulering',
    year: new Date().getUTCFullYear() + 1,
    period: null,
    ...input.document,
  };
  const context = (): GuardContext => ({
    data,
    document,
    actor: { userId: null, roles: [], via: 'user' },
    facts: input.facts ?? {},
    hasRole: (role) => input.roles === undefined || input.roles.includes(role),
    validateForm: (d, form) => {
      const entry = input.forms[form.step];
      return entry
        ? validator.validate(entry.schema, d)
        : [{ pointer: '', message: `Formuläret ${form.step} saknas.` }];
    },
  });
  const titleOf = (state: string) => stateMeta(def, state)?.title ?? state;

  const first = initialStep(input.compiled, context());
  const steps: SimulatedStep[] = [
    {
      event: null,
      ok: true,
      state: first.state,
      stateTitle: titleOf(first.state),
      previousState: null,
      final: first.final,
      effects: first.effects,
      ...groupEffects(first.effects),
    },
  ];
  let snapshot: PersistedSnapshot = first.snapshot;
  let state = first.state;
  let final = first.final;

  for (const e of input.events) {
    if (e.data) data = { ...data, ...e.data };
    const sentBy = stateMeta(def, state)?.events?.[e.type]?.roles;
    const result = step({
      definition: input.compiled,
      snapshot,
      event: { type: e.type, ...(e.comment !== undefined ? { comment: e.comment } : {}) },
      guardContext: context(),
    });
    const base = { event: e.type, ...(sentBy ? { sentBy } : {}) };
    if (!result.ok) {
      steps.push({
        ...base,
        ok: false,
        state,
        stateTitle: titleOf(state),
        previousState: state,
        final,
        reason: result.reason,
        ...(result.guard ? { guard: result.guard } : {}),
        ...(result.errors ? { errors: result.errors } : {}),
        effects: [],
        ...groupEffects([]),
      });
      continue;
    }
    snapshot = result.snapshot;
    state = result.state;
    final = result.final;
    steps.push({
      ...base,
      ok: true,
      state,
      stateTitle: titleOf(state),
      previousState: result.previousState,
      final,
      effects: result.effects,
      ...groupEffects(result.effects),
    });
  }

  const all = groupEffects(steps.flatMap((s) => s.effects));
  const totals = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length])) as Record<
    keyof GroupedEffects,
    number
  >;
  return { steps, state, final, data, totals };
}
