import type { ChangeEvent } from 'react';

/** A text field's value, error and onChange, bound to a piece of state: `<TextField {...bound(name, setName, error)} />`. */
export function bound(value: string, set: (value: string) => void, error?: string) {
  return {
    value,
    error,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(e.target.value),
  };
}
