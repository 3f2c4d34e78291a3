import Ajv, { type ValidateFunction } from 'ajv';
import { builtInActions } from './built-in-actions';
import { builtInGuards } from './built-in-guards';
import type { ActionEntry, GuardEntry, ParamsProblem, Registry } from './registry.types';

/** Names reserved for composite guards in definitions. */
export const COMPOSITE_GUARDS = ['and', 'or', 'not'] as const;

export interface RegistryExtensions {
  guards?: GuardEntry[];
  actions?: ActionEntry[];
}

/**
 * The catalog definitions may refer to: the built-in guards and actions, plus `extra` ones (an
 * extra entry with a built-in name replaces it). Params schemas are compiled once, in strict mode.
 */
export function createRegistry(extra: RegistryExtensions = {}): Registry {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const guards = new Map<string, GuardEntry>();
  const actions = new Map<string, ActionEntry>();
  const validators = new Map<string, ValidateFunction>();

  for (const g of [...builtInGuards, ...(extra.guards ?? [])]) {
    if ((COMPOSITE_GUARDS as readonly string[]).includes(g.name))
      throw new Error(`Reserved guard name: ${g.name}`);
    guards.set(g.name, g);
    validators.set(`guard:${g.name}`, ajv.compile(g.paramsSchema));
  }
  for (const a of [...builtInActions, ...(extra.actions ?? [])]) {
    actions.set(a.name, a);
    validators.set(`action:${a.name}`, ajv.compile(a.paramsSchema));
  }

  const check = (id: string, params: unknown): ParamsProblem[] => {
    const validate = validators.get(id);
    if (!validate) return [{ pointer: '', message: `unknown ${id}` }];
    if (validate(params ?? {})) return [];
    return (validate.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .map((e) => ({
        pointer:
          e.keyword === 'additionalProperties'
            ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}`
            : e.instancePath,
        message: e.message ?? e.keyword,
      }));
  };

  return {
    guards,
    actions,
    validateGuardParams: (name, params) => check(`guard:${name}`, params),
    validateActionParams: (name, params) => check(`action:${name}`, params),
  };
}
