import { sv, type MessageKey } from './sv';

export type { MessageKey };
export type MessageVars = Record<string, string | number>;

/** Looks up a Swedish UI string and fills its {placeholders}. */
export function t(key: MessageKey, vars?: MessageVars): string {
  return interpolate(sv[key], vars);
}

/** For keys built at run time (role names, states): falls back when the key is unknown. */
export function tOr(key: string, fallback: string, vars?: MessageVars): string {
  return hasMessage(key) ? t(key, vars) : fallback;
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** "mal-och-budget" → "Mal och budget": readable when the dictionary has no entry yet. */
export function humanise(key: string): string {
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const roleLabel = (role: string): string => tOr(`role.${role}`, humanise(role));
export const orgKindLabel = (kind: string): string => tOr(`orgKind.${kind}`, humanise(kind));
export const docTypeLabel = (type: string): string => tOr(`docType.${type}`, humanise(type));
export const stateLabel = (state: string): string => tOr(`state.${state}`, humanise(state));
export const eventLabel = (event: string): string => tOr(`event.${event}`, humanise(event));
