// What changed between two versions of a workflow definition (and the forms frozen with them), as
// an administrator reads it: states, transitions, guards, roles, deadlines and form fields added,
// removed and changed. Not a text diff: key order and formatting never show up as a change.
import { formFields } from '../forms/form-fields';
import type { DeadlineSpec, GuardSpec, JsonObject, WorkflowDefinition } from '../workflow.types';
import { canonicalJson } from './definition-checksum';
import { listTransitions, statesOf, type TransitionInfo } from './definition-graph';

export interface AttributeChange {
  attribute: string;
  from: unknown;
  to: unknown;
}

export interface TransitionRef {
  from: string;
  event: string;
  /** Position among the guarded candidates of the event. */
  candidate: number;
  to: string;
}

export interface RoleRef {
  state: string;
  /** `editableBy`, `responsible` or `events.<EVENT>` (who may send the event). */
  where: string;
  role: string;
}

export interface Changes<T, C> {
  added: T[];
  removed: T[];
  changed: C[];
}

export interface DefinitionDiff {
  unchanged: boolean;
  states: Changes<{ state: string; title: string }, { state: string; changes: AttributeChange[] }>;
  transitions: Changes<TransitionRef, TransitionRef & { changes: AttributeChange[] }>;
  guards: Changes<
    TransitionRef & { guard: GuardSpec },
    TransitionRef & { before: GuardSpec; after: GuardSpec }
  >;
  roles: Omit<Changes<RoleRef, never>, 'changed'>;
  deadlines: Changes<
    { state: string; deadline: DeadlineSpec },
    { state: string; changes: AttributeChange[] }
  >;
  forms: Changes<string, { form: string; schemaChanged: boolean; uiSchemaChanged: boolean }>;
  formFields: Changes<
    { form: string; path: string; required: boolean },
    { form: string; path: string; changes: AttributeChange[] }
  >;
}

export interface FormBundleLike {
  [form: string]: { schema: JsonObject; uiSchema?: JsonObject };
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function attributeChanges(a: Record<string, unknown>, b: Record<string, unknown>): AttributeChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((k) => !same(a[k], b[k]))
    .map((attribute) => ({ attribute, from: a[attribute] ?? null, to: b[attribute] ?? null }));
}

/** Keyed set difference: what is only in b (added), only in a (removed), and in both but different. */
function compare<T, C>(
  a: Map<string, T>,
  b: Map<string, T>,
  changed: (before: T, after: T) => C | null,
): Changes<T, C> {
  const out: Changes<T, C> = { added: [], removed: [], changed: [] };
  for (const [k, v] of b) if (!a.has(k)) out.added.push(v);
  for (const [k, v] of a) {
    if (!b.has(k)) out.removed.push(v);
    else {
      const c = changed(v, b.get(k) as T);
      if (c !== null) out.changed.push(c);
    }
  }
  return out;
}

const transitionKey = (t: TransitionInfo) => `${t.from}\u0000${t.event}\u0000${t.candidate}`;
const ref = (t: TransitionInfo): TransitionRef => ({
  from: t.from,
  event: t.event,
  candidate: t.candidate,
  to: t.to,
});

function stateAttributes(def: WorkflowDefinition, name: string): Record<string, unknown> {
  const s = statesOf(def)[name];
  const meta = s?.meta ?? ({} as never);
  const events = Object.fromEntries(
    Object.entries(meta.events ?? {}).map(([e, p]) => [
      e,
      { label: p.label, requiresComment: p.requiresComment ?? false },
    ]),
  );
  return {
    title: meta.title,
    type: s?.type ?? 'normal',
    form: meta.form,
    description: meta.description ?? s?.description,
    approval: meta.approval,
    entry: s?.entry,
    exit: s?.exit,
    events,
  };
}

function roleRefs(def: WorkflowDefinition): Map<string, RoleRef> {
  const out = new Map<string, RoleRef>();
  const add = (r: RoleRef) => out.set(`${r.state}\u0000${r.where}\u0000${r.role}`, r);
  for (const [state, s] of Object.entries(statesOf(def))) {
    for (const role of s?.meta?.editableBy ?? []) add({ state, where: 'editableBy', role });
    for (const role of s?.meta?.responsible ?? []) add({ state, where: 'responsible', role });
    for (const [event, p] of Object.entries(s?.meta?.events ?? {}))
      for (const role of p.roles ?? []) add({ state, where: `events.${event}`, role });
  }
  return out;
}

function formFieldChanges(form: string, a: JsonObject | undefined, b: JsonObject | undefined) {
  type Field = { form: string; path: string; required: boolean; attributes: Record<string, unknown> };
  const fields = (schema: JsonObject | undefined) =>
    new Map<string, Field>(
      (schema ? formFields(schema) : []).map((f) => [f.path, { form, ...f }] as [string, Field]),
    );
  const diff = compare(fields(a), fields(b), (x, y) => {
    const changes = attributeChanges(
      { ...x.attributes, required: x.required },
      { ...y.attributes, required: y.required },
    );
    return changes.length ? { form, path: x.path, changes } : null;
  });
  const strip = ({ form, path, required }: Field) => ({ form, path, required });
  return { added: diff.added.map(strip), removed: diff.removed.map(strip), changed: diff.changed };
}

export function diffDefinitions(
  a: { definition: WorkflowDefinition; forms?: FormBundleLike },
  b: { definition: WorkflowDefinition; forms?: FormBundleLike },
): DefinitionDiff {
  const names = (d: WorkflowDefinition) => new Map(Object.keys(statesOf(d)).map((s) => [s, s]));
  const stateDiff = compare(names(a.definition), names(b.definition), (s) => {
    const changes = attributeChanges(stateAttributes(a.definition, s), stateAttributes(b.definition, s));
    return changes.length ? { state: s, changes } : null;
  });
  const titleIn = (d: WorkflowDefinition, s: string) => statesOf(d)[s]?.meta?.title ?? s;
  const states: DefinitionDiff['states'] = {
    added: stateDiff.added.map((s) => ({ state: s, title: titleIn(b.definition, s) })),
    removed: stateDiff.removed.map((s) => ({ state: s, title: titleIn(a.definition, s) })),
    changed: stateDiff.changed,
  };

  const edges = (d: WorkflowDefinition) => new Map(listTransitions(d).map((t) => [transitionKey(t), t]));
  const ta = edges(a.definition);
  const tb = edges(b.definition);
  const tDiff = compare(ta, tb, (x, y) => {
    const changes = attributeChanges({ to: x.to, actions: x.actions }, { to: y.to, actions: y.actions });
    return changes.length ? { ...ref(y), changes } : null;
  });
  const transitions: DefinitionDiff['transitions'] = {
    added: tDiff.added.map(ref),
    removed: tDiff.removed.map(ref),
    changed: tDiff.changed,
  };

  const guarded = (m: Map<string, TransitionInfo>) =>
    new Map([...m].filter(([, t]) => t.guard !== undefined));
  const gDiff = compare(guarded(ta), guarded(tb), (x, y) =>
    same(x.guard, y.guard) ? null : { ...ref(y), before: x.guard as GuardSpec, after: y.guard as GuardSpec },
  );
  const guards: DefinitionDiff['guards'] = {
    added: gDiff.added.map((t) => ({ ...ref(t), guard: t.guard as GuardSpec })),
    removed: gDiff.removed.map((t) => ({ ...ref(t), guard: t.guard as GuardSpec })),
    changed: gDiff.changed,
  };

  const rDiff = compare(roleRefs(a.definition), roleRefs(b.definition), () => null);
  const roles = { added: rDiff.added, removed: rDiff.removed };

  const deadlinesOf = (d: WorkflowDefinition) =>
    new Map(
      Object.entries(statesOf(d))
        .filter(([, s]) => s?.meta?.deadline)
        .map(([state, s]) => [state, { state, deadline: s.meta.deadline as DeadlineSpec }]),
    );
  const deadlines = compare(deadlinesOf(a.definition), deadlinesOf(b.definition), (x, y) => {
    const changes = attributeChanges({ ...x.deadline }, { ...y.deadline });
    return changes.length ? { state: x.state, changes } : null;
  });

  const fa = a.forms ?? {};
  const fb = b.forms ?? {};
  const formNames = (f: FormBundleLike) => new Map(Object.keys(f).map((n) => [n, n]));
  const forms = compare(formNames(fa), formNames(fb), (n) => {
    const schemaChanged = !same(fa[n].schema, fb[n].schema);
    const uiSchemaChanged = !same(fa[n].uiSchema ?? {}, fb[n].uiSchema ?? {});
    return schemaChanged || uiSchemaChanged ? { form: n, schemaChanged, uiSchemaChanged } : null;
  });
  const formFieldsDiff: DefinitionDiff['formFields'] = { added: [], removed: [], changed: [] };
  for (const n of [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort()) {
    const d = formFieldChanges(n, fa[n]?.schema, fb[n]?.schema);
    formFieldsDiff.added.push(...d.added);
    formFieldsDiff.removed.push(...d.removed);
    formFieldsDiff.changed.push(...d.changed);
  }

  const parts = [states, transitions, guards, deadlines, forms, formFieldsDiff];
  const unchanged =
    parts.every((p) => !p.added.length && !p.removed.length && !p.changed.length) &&
    !roles.added.length &&
    !roles.removed.length &&
    same(
      { title: a.definition.title, initial: a.definition.machine?.initial },
      { title: b.definition.title, initial: b.definition.machine?.initial },
    );
  return { unchanged, states, transitions, guards, roles, deadlines, forms, formFields: formFieldsDiff };
}
