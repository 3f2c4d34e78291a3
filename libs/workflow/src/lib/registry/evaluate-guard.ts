// Evaluates a guard tree outside XState to learn *why* it refuses; XState's own guards only answer
// true/false. Both run the same pure implementations, so they always agree.
import type { CompositeGuardSpec, FormFieldError, GuardContext, GuardSpec } from '../workflow.types';
import type { Registry } from './registry.types';

export type GuardOutcome =
  { ok: true } | { ok: false; reason: string; guard: string; errors?: FormFieldError[] };

export function isCompositeGuard(spec: GuardSpec): spec is CompositeGuardSpec {
  return spec.type === 'and' || spec.type === 'or' || spec.type === 'not';
}

const stripDot = (s: string) => s.replace(/\.$/, '');

export function evaluateGuard(spec: GuardSpec, ctx: GuardContext, registry: Registry): GuardOutcome {
  if (!isCompositeGuard(spec)) {
    const entry = registry.guards.get(spec.type);
    if (!entry) throw new Error(`Unknown guard: ${spec.type}`);
    const result = entry.implementation(ctx, spec.params ?? {});
    if (result === true) return { ok: true };
    return {
      ok: false,
      reason: result.reason,
      guard: spec.type,
      ...(result.errors ? { errors: result.errors } : {}),
    };
  }
  const outcomes = (): GuardOutcome[] => spec.guards.map((g) => evaluateGuard(g, ctx, registry));
  switch (spec.type) {
    case 'and': {
      for (const g of spec.guards) {
        const outcome = evaluateGuard(g, ctx, registry);
        if (!outcome.ok) return spec.reason ? { ...outcome, reason: spec.reason } : outcome;
      }
      return { ok: true };
    }
    case 'or': {
      const all = outcomes();
      const refusals = all.filter((o): o is Exclude<GuardOutcome, { ok: true }> => !o.ok);
      if (refusals.length < all.length) return { ok: true };
      const reason =
        spec.reason ??
        (refusals.length === 1
          ? refusals[0].reason
          : `Inget av villkoren är uppfyllt: ${refusals.map((r) => stripDot(r.reason)).join('; ')}.`);
      return {
        ok: false,
        reason,
        guard: refusals[0].guard,
        ...(refusals[0].errors ? { errors: refusals[0].errors } : {}),
      };
    }
    case 'not': {
      const inner = evaluateGuard(spec.guards[0], ctx, registry);
      if (!inner.ok) return { ok: true };
      return { ok: false, reason: spec.reason ?? 'Villkoret för händelsen är inte uppfyllt.', guard: 'not' };
    }
  }
}
