import type { EntityManager } from 'typeorm';
import type { EffectLedgerRepository } from '@rodtrad/persistence';
import { standIn } from './stand-in';

/**
 * The effect ledger as handlers rely on it: `once` runs its work the first time a dedupe key is
 * seen (with `m` as the transaction) and never again. `receipts` holds what each key recorded.
 */
export function effectLedgerStandIn(m: EntityManager = standIn<EntityManager>()) {
  const receipts = new Map<string, unknown>();
  const ledger = standIn<EffectLedgerRepository>({
    once: async <T>(key: string, work: (m: EntityManager) => Promise<T>) => {
      if (receipts.has(key)) return { done: false as const };
      const result = await work(m);
      receipts.set(key, result);
      return { done: true as const, result };
    },
    hasReceipt: async (key) => receipts.has(key),
  });
  return { ledger, receipts };
}
