// Pure edits of a workflow definition for the visual step editor: each returns a new definition
// (the JSON beside it is re-written from it), never changes its argument. Guards and actions are
// kept as they are; they are edited in the JSON. Unit tested without a DOM.

type Json = Record<string, unknown>;

export interface EventPermission {
  label: string;
  roles: string[];
  requiresComment?: boolean;
}

export interface StepDeadline {
  key: string;
  reminders?: number[];
  escalate?: boolean;
  [more: string]: unknown;
}

export interface StepMeta {
  title: string;
  form?: string;
  editableBy?: string[];
  responsible?: string[];
  deadline?: StepDeadline;
  events?: Record<string, EventPermission>;
  [more: string]: unknown;
}

export interface StepView {
  key: string;
  final: boolean;
  meta: StepMeta;
  /** Each event this step answers: where it leads (the first target when there are several). */
  transitions: { event: string; target: string | null; guarded: boolean }[];
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The definition's machine states, or null when the JSON is not a workflow yet. */
function statesOf(def: unknown): Record<string, Json> | null {
  if (!isObject(def) || !isObject(def['machine']) || !isObject(def['machine']['states'])) return null;
  return def['machine']['states'] as Record<string, Json>;
}

export const STATE_KEY = /^[a-z][a-z0-9_]*$/;
export const EVENT_KEY = /^[A-Z][A-Z0-9_]*$/;

export function steps(def: unknown): StepView[] {
  const states = statesOf(def);
  if (!states) return [];
  return Object.entries(states).map(([key, state]) => {
    const on = isObject(state['on']) ? state['on'] : {};
    return {
      key,
      final: state['type'] === 'final',
      meta: (isObject(state['meta']) ? state['meta'] : { title: key }) as StepMeta,
      transitions: Object.entries(on).map(([event, config]) => {
        const first = Array.isArray(config) ? config[0] : config;
        return {
          event,
          target: isObject(first) && typeof first['target'] === 'string' ? first['target'] : null,
          guarded: isObject(first) && first['guard'] !== undefined,
        };
      }),
    };
  });
}

function withState(def: unknown, key: string, change: (state: Json) => Json): unknown {
  const states = statesOf(def);
  if (!states || !states[key]) return def;
  const d = def as Json;
  const machine = d['machine'] as Json;
  return { ...d, machine: { ...machine, states: { ...states, [key]: change(states[key]) } } };
}

/** Changes a step's meta; a member set to undefined (or an empty list) is removed. */
export function setStepMeta(def: unknown, key: string, patch: Partial<StepMeta>): unknown {
  return withState(def, key, (state) => {
    const meta: Json = { ...(isObject(state['meta']) ? state['meta'] : {}), ...patch };
    for (const [name, value] of Object.entries(meta))
      if (value === undefined || (Array.isArray(value) && value.length === 0 && name !== 'roles'))
        delete meta[name];
    return { ...state, meta };
  });
}

/** Changes who may send an event from a step, its label and whether it needs a comment. */
export function setEventPermission(
  def: unknown,
  key: string,
  event: string,
  patch: Partial<EventPermission>,
): unknown {
  return withState(def, key, (state) => {
    const meta = (isObject(state['meta']) ? state['meta'] : {}) as StepMeta;
    const current = meta.events?.[event] ?? { label: event, roles: [] };
    const next: EventPermission = { ...current, ...patch };
    if (!next.requiresComment) delete next.requiresComment;
    return { ...state, meta: { ...meta, events: { ...(meta.events ?? {}), [event]: next } } };
  });
}

/** Where an event leads: its (first) transition's target; guards and actions stay. */
export function setEventTarget(def: unknown, key: string, event: string, target: string): unknown {
  return withState(def, key, (state) => {
    const on = isObject(state['on']) ? state['on'] : {};
    const config = on[event];
    const retarget = (t: unknown) => ({ ...(isObject(t) ? t : {}), target });
    const next = Array.isArray(config) ? [retarget(config[0]), ...config.slice(1)] : retarget(config);
    return { ...state, on: { ...on, [event]: next } };
  });
}

/** Why a new step's or event's key cannot be used, in Swedish; null when it can. */
export function newStepProblem(def: unknown, key: string, title: string): string | null {
  if (!STATE_KEY.test(key)) return 'Nyckeln skrivs med gemener a–z, siffror och _ och börjar med en bokstav.';
  if (statesOf(def)?.[key]) return `Steget ${key} finns redan.`;
  if (!title.trim()) return 'Ge steget en rubrik.';
  return null;
}

export function newEventProblem(def: unknown, step: string, event: string, label: string): string | null {
  if (!EVENT_KEY.test(event))
    return 'Händelsens nyckel skrivs med versaler A–Z, siffror och _ och börjar med en bokstav.';
  const state = statesOf(def)?.[step];
  if (state && isObject(state['on']) && state['on'][event] !== undefined)
    return `Steget har redan händelsen ${event}.`;
  if (!label.trim()) return 'Ge händelsen en text för knappen.';
  return null;
}

export function addStep(def: unknown, key: string, title: string): unknown {
  const states = statesOf(def);
  if (!states || newStepProblem(def, key, title)) return def;
  const d = def as Json;
  return {
    ...d,
    machine: { ...(d['machine'] as Json), states: { ...states, [key]: { meta: { title: title.trim() } } } },
  };
}

/** A new event from a step to a target, sent by the given roles. */
export function addEvent(
  def: unknown,
  step: string,
  event: string,
  target: string,
  label: string,
  roles: string[],
): unknown {
  if (newEventProblem(def, step, event, label)) return def;
  const withTransition = withState(def, step, (state) => ({
    ...state,
    on: { ...(isObject(state['on']) ? state['on'] : {}), [event]: { target } },
  }));
  return setEventPermission(withTransition, step, event, { label: label.trim(), roles });
}

/** "14, 3, 1" → [14, 3, 1]; null when a part is not a whole number of days. */
export function parseReminders(text: string): number[] | null {
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

export const toggle = (list: readonly string[] | undefined, value: string, on: boolean): string[] =>
  on ? [...new Set([...(list ?? []), value])] : (list ?? []).filter((v) => v !== value);
