/**
 * The pieces every declaration file (config.ts, oidc.ts, observability.ts) builds its variables
 * from: how a variable is described, `variable` that declares one, and the kinds of value several
 * files share. Framework-free; config.ts re-exports the types.
 */

import { Invalid } from './invalid';

/** How the text of one variable becomes a value; `type` is how the README's table names it. */
export interface ConfigKind<T> {
  type: string;
  parse: (raw: string) => T;
}

export interface ConfigVariable<K extends string = string, T = unknown> extends ConfigKind<T> {
  name: string;
  /** The property of `AppConfig` that holds the parsed value. */
  key: K;
  /** Used when the variable is unset or empty; without one the variable is required. */
  default?: string;
  description: string;
  /** A secret (or a URL that may carry a password): an error message never repeats its value. */
  secret: boolean;
  /** No default when NODE_ENV=production. */
  requiredInProduction?: boolean;
}

/** One entry of the declaration; the key and the kind's value type become a property of AppConfig. */
export function variable<K extends string, T>(
  name: string,
  key: K,
  kind: ConfigKind<T>,
  rest: Pick<ConfigVariable, 'default' | 'description' | 'requiredInProduction'> & { secret?: boolean },
): ConfigVariable<K, T> {
  return { name, key, type: kind.type, parse: kind.parse, ...rest, secret: rest.secret ?? false };
}

export const bool: ConfigKind<boolean> = {
  type: 'true or false',
  parse: (raw) => {
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    throw new Invalid('must be true or false', raw);
  },
};

/** Trimmed text; empty is null. */
export const optionalText: ConfigKind<string | null> = {
  type: 'text, or empty',
  parse: (raw) => (raw.trim() === '' ? null : raw.trim()),
};
