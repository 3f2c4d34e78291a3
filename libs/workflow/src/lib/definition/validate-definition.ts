// Checks a definition against its schema, its own graph, the registry and the catalogs of forms,
// roles and deadline keys. Reports every problem it finds, each with a pointer into the definition,
// so an administrator fixes a file in one round (and start-up can refuse a broken one).
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { joinPointer } from '../json-pointer';
import { isCompositeGuard } from '../registry/evaluate-guard';
import type { CatalogRef, Registry } from '../registry/registry.types';
import type {
  ActionSpec,
  DefinitionProblem,
  DefinitionProblemCode,
  GuardSpec,
  StateSpec,
  ValidationResult,
  WorkflowDefinition,
} from '../workflow.types';
import { definitionSchema } from './definition-schema';
import { finalStates, listTransitions, statesOf, transitionCandidates } from './definition-graph';

export interface DefinitionCatalogs {
  registry: Registry;
  formExists(key: string, form: string): boolean;
  roleExists(role: string): boolean;
  deadlineKeyExists(key: string): boolean;
  /** Optional: checks document types named by `createDocument` and `upstreamAdopted`. */
  documentTypeExists?(key: string): boolean;
}

let schemaValidator: ValidateFunction | undefined;

function validateSchema(def: unknown): DefinitionProblem[] {
  if (!schemaValidator) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    schemaValidator = ajv.compile(definitionSchema);
  }
  if (schemaValidator(def)) return [];
  return (schemaValidator.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const extra =
        e.keyword === 'additionalProperties'
          ? (e.params as { additionalProperty: string }).additionalProperty
          : null;
      const pointer = extra === null ? e.instancePath : joinPointer(e.instancePath, extra);
      const message = extra === null ? (e.message ?? e.keyword) : `unknown property "${extra}"`;
      return { pointer, code: 'schema' as const, message };
    });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function validateDefinition(def: unknown, catalogs: DefinitionCatalogs): ValidationResult {
  const problems: DefinitionProblem[] = validateSchema(def);
  const add = (pointer: string, code: DefinitionProblemCode, message: string) =>
    problems.push({ pointer, code, message });

  if (!isObject(def) || !isObject(def['machine'])) return { ok: problems.length === 0, problems };
  const definition = def as unknown as WorkflowDefinition;
  const { registry } = catalogs;
  const states = statesOf(definition);
  const stateKeys = new Set(Object.keys(states));

  if (typeof definition.key === 'string' && definition.machine.id !== definition.key)
    add(
      '/machine/id',
      'key-mismatch',
      `machine.id "${definition.machine.id}" differs from key "${definition.key}"`,
    );
  const initialKnown = stateKeys.has(definition.machine.initial);
  if (!initialKnown)
    add('/machine/initial', 'unknown-target', `initial state "${definition.machine.initial}" does not exist`);

  const checkRefs = (refs: CatalogRef[], base: string) => {
    for (const ref of refs) {
      const pointer = base + ref.pointer;
      if (ref.kind === 'role' && !catalogs.roleExists(ref.value))
        add(pointer, 'unknown-role', `unknown role "${ref.value}"`);
      if (ref.kind === 'deadline-key' && !catalogs.deadlineKeyExists(ref.value))
        add(pointer, 'unknown-deadline-key', `unknown deadline key "${ref.value}"`);
      if (
        ref.kind === 'document-type' &&
        catalogs.documentTypeExists &&
        !catalogs.documentTypeExists(ref.value)
      )
        add(pointer, 'unknown-document-type', `unknown document type "${ref.value}"`);
    }
  };

  const checkRoles = (roles: unknown, pointer: string) => {
    if (!Array.isArray(roles)) return;
    roles.forEach((role, i) => {
      if (typeof role === 'string' && !catalogs.roleExists(role))
        add(joinPointer(pointer, i), 'unknown-role', `unknown role "${role}"`);
    });
  };

  const checkGuard = (guard: GuardSpec, pointer: string) => {
    if (!isObject(guard) || typeof guard.type !== 'string') return;
    if (isCompositeGuard(guard)) {
      if (Array.isArray(guard.guards))
        guard.guards.forEach((g, i) => checkGuard(g, joinPointer(pointer, 'guards', i)));
      return;
    }
    const entry = registry.guards.get(guard.type);
    if (!entry) return add(joinPointer(pointer, 'type'), 'unknown-guard', `unknown guard "${guard.type}"`);
    const paramsPointer = joinPointer(pointer, 'params');
    const paramProblems = registry.validateGuardParams(guard.type, guard.params);
    for (const p of paramProblems)
      add(paramsPointer + p.pointer, 'invalid-guard-params', `${guard.type}: ${p.message}`);
    if (paramProblems.length === 0 && entry.refs) checkRefs(entry.refs(guard.params ?? {}), paramsPointer);
  };

  const checkActions = (actions: unknown, pointer: string) => {
    if (!Array.isArray(actions)) return;
    actions.forEach((action: ActionSpec, i) => {
      if (!isObject(action) || typeof action.type !== 'string') return;
      const at = joinPointer(pointer, i);
      const entry = registry.actions.get(action.type);
      if (!entry) return add(joinPointer(at, 'type'), 'unknown-action', `unknown action "${action.type}"`);
      const paramsPointer = joinPointer(at, 'params');
      const paramProblems = registry.validateActionParams(action.type, action.params);
      for (const p of paramProblems)
        add(paramsPointer + p.pointer, 'invalid-action-params', `${action.type}: ${p.message}`);
      if (paramProblems.length === 0 && entry.refs) checkRefs(entry.refs(action.params ?? {}), paramsPointer);
    });
  };

  for (const [name, state] of Object.entries(states) as Array<[string, StateSpec]>) {
    if (!isObject(state)) continue;
    const at = joinPointer('/machine/states', name);
    const meta = isObject(state.meta) ? state.meta : undefined;
    const final = state.type === 'final';
    const on = isObject(state.on) ? state.on : {};

    if (!final && typeof meta?.form !== 'string')
      add(joinPointer(at, 'meta'), 'missing-form', `step "${name}" has no form`);
    if (
      typeof meta?.form === 'string' &&
      typeof definition.key === 'string' &&
      !catalogs.formExists(definition.key, meta.form)
    )
      add(
        joinPointer(at, 'meta', 'form'),
        'unknown-form',
        `no form forms/${definition.key}/${meta.form}.schema.json`,
      );

    const approval = isObject(meta?.approval) ? meta.approval : undefined;
    if (approval?.maxAge !== undefined && approval.requireSignIn !== true)
      add(
        joinPointer(at, 'meta', 'approval', 'maxAge'),
        'max-age-without-sign-in',
        `step "${name}" asks for a fresh sign-in (maxAge) but not for sign-in (requireSignIn: true)`,
      );

    checkRoles(meta?.editableBy, joinPointer(at, 'meta', 'editableBy'));
    checkRoles(meta?.responsible, joinPointer(at, 'meta', 'responsible'));

    const deadline = isObject(meta?.deadline) ? meta.deadline : undefined;
    if (typeof deadline?.key === 'string' && !catalogs.deadlineKeyExists(deadline.key))
      add(
        joinPointer(at, 'meta', 'deadline', 'key'),
        'unknown-deadline-key',
        `unknown deadline key "${deadline.key}"`,
      );
    if (typeof deadline?.onDue === 'string' && !Object.hasOwn(on, deadline.onDue))
      add(
        joinPointer(at, 'meta', 'deadline', 'onDue'),
        'deadline-event-not-handled',
        `event "${deadline.onDue}" sent at due time is not handled in "on" of step "${name}"`,
      );

    const permissions = isObject(meta?.events) ? meta.events : {};
    for (const [event, permission] of Object.entries(permissions)) {
      if (isObject(permission))
        checkRoles(permission.roles, joinPointer(at, 'meta', 'events', event, 'roles'));
      if (!Object.hasOwn(on, event))
        add(
          joinPointer(at, 'meta', 'events', event),
          'event-without-permission',
          `meta.events declares "${event}" but step "${name}" does not handle it in "on"`,
        );
    }

    checkActions(state.entry, joinPointer(at, 'entry'));
    checkActions(state.exit, joinPointer(at, 'exit'));

    for (const [event, config] of Object.entries(on)) {
      const eventAt = joinPointer(at, 'on', event);
      if (!Object.hasOwn(permissions, event) && event !== deadline?.onDue)
        add(
          eventAt,
          'event-without-permission',
          `event "${event}" has no entry in meta.events (label and roles)`,
        );
      transitionCandidates(config).forEach((t, i) => {
        const tAt = Array.isArray(config) ? joinPointer(eventAt, i) : eventAt;
        if (typeof t.target === 'string' && !stateKeys.has(t.target))
          add(joinPointer(tAt, 'target'), 'unknown-target', `target "${t.target}" does not exist`);
        if (t.guard !== undefined) checkGuard(t.guard, joinPointer(tAt, 'guard'));
        checkActions(t.actions, joinPointer(tAt, 'actions'));
      });
    }
  }

  if (initialKnown) checkGraph(definition, stateKeys, add);
  return { ok: problems.length === 0, problems };
}

function checkGraph(
  def: WorkflowDefinition,
  stateKeys: Set<string>,
  add: (pointer: string, code: DefinitionProblemCode, message: string) => void,
) {
  const edges = listTransitions(def).filter((t) => stateKeys.has(t.to));
  const reach = (start: string[], next: (s: string) => string[]) => {
    const seen = new Set(start);
    const queue = [...start];
    while (queue.length > 0)
      for (const n of next(queue.shift() as string))
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
    return seen;
  };
  const reachable = reach([def.machine.initial], (s) => edges.filter((e) => e.from === s).map((e) => e.to));
  const finals = finalStates(def);
  const canFinish = reach(finals, (s) => edges.filter((e) => e.to === s).map((e) => e.from));
  for (const state of stateKeys) {
    const at = joinPointer('/machine/states', state);
    if (!reachable.has(state))
      add(at, 'unreachable-state', `step "${state}" cannot be reached from "${def.machine.initial}"`);
    if (!canFinish.has(state))
      add(
        at,
        'no-path-to-final',
        finals.length === 0
          ? 'the workflow has no final step'
          : `no final step can be reached from "${state}"`,
      );
  }
}
