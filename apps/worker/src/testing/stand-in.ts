/**
 * A stand-in for a collaborator handed to a worker service in a unit test: only the members the
 * test gives exist. Calling anything else fails the test loudly, so a stand-in never answers for
 * I/O the test did not think of.
 */
export function standIn<T extends object>(members: Partial<T> = {}): T {
  return new Proxy(members, {
    get(target, prop, receiver) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then')
        return Reflect.get(target, prop, receiver);
      throw new Error(`The stand-in has no "${String(prop)}": give it one in the test`);
    },
  }) as T;
}
