import { canOwnDocument, upstreamChain, type DocumentTypeKey, type OrgTree } from '@rodtrad/domain';

/**
 * Rules between documents of one budget year, as plain functions: the guards' facts
 * (DocumentFacts) ask the database for the documents and let these decide.
 */

/** The nämnd's frame (ram, kronor) in a GPF's data, by the nämnd's code; undefined when absent. */
export function gpfFrameOf(gpfData: unknown, namndCode: string | undefined): number | undefined {
  const ramar = (gpfData as { ramar?: { namnd?: string; ram?: unknown }[] } | null)?.ramar;
  const ram = Array.isArray(ramar) ? ramar.find((r) => r?.namnd === namndCode)?.ram : undefined;
  return typeof ram === 'number' ? ram : undefined;
}

/**
 * The frame a nämnd's budget must fit (kronor of net cost): KF's adopted Budget och flerårsplan
 * when it has one for the nämnd, else the adopted GPF's (KF adopts the budget in November, after
 * the nämnder's Mål och budget in September; until then the GPF frame holds). Both documents keep
 * their frames in `ramar: [{ namnd, ram }]`.
 */
export function adoptedFrameOf(
  budgetData: unknown,
  gpfData: unknown,
  namndCode: string | undefined,
): { frame: number; source: 'budget-och-flerarsplan' | 'gpf' } | undefined {
  const fromBudget = gpfFrameOf(budgetData, namndCode);
  if (fromBudget !== undefined) return { frame: fromBudget, source: 'budget-och-flerarsplan' };
  const fromGpf = gpfFrameOf(gpfData, namndCode);
  return fromGpf === undefined ? undefined : { frame: fromGpf, source: 'gpf' };
}

/**
 * Mål och budget stays within the nämnd's frame: net cost ≤ frame. `frameData` is the document
 * whose `ramar` holds the frame: KF's adopted Budget och flerårsplan, or the adopted GPF until
 * there is one (see adoptedFrameOf and AnnualBudgetSource).
 */
export function isWithinFrame(
  frameData: unknown,
  namndCode: string | undefined,
  malOchBudgetData: unknown,
): boolean {
  const frame = gpfFrameOf(frameData, namndCode);
  const netto = (malOchBudgetData as { budget?: { netto?: unknown } } | null)?.budget?.netto;
  return typeof frame === 'number' && typeof netto === 'number' && netto <= frame;
}

/**
 * Where a document's upstream document may live, nearest first: for each type up the red thread
 * (upstreamChain), the unit itself and its ancestors that can own that type. The first of these
 * that has a document of the year is the upstream document, so an enhet directly under a
 * förvaltning (no område, no verksamhetsplan) builds on the förvaltningsplan. The GPF belongs to
 * KS, which is not above a nämnd in the tree; callers look it up by year.
 */
export function upstreamCandidates(
  type: DocumentTypeKey,
  orgUnitId: string,
  tree: OrgTree,
): { type: DocumentTypeKey; orgUnitId: string }[] {
  if (!tree.has(orgUnitId)) return [];
  const chain = tree.chain(orgUnitId);
  return upstreamChain(type).flatMap((upstream) =>
    chain.filter((u) => canOwnDocument(upstream, u.kind)).map((u) => ({ type: upstream, orgUnitId: u.id })),
  );
}

/** A downstream document may be adopted only when its upstream document is (configurable per type). */
export function isUpstreamAdopted(upstream: { final: boolean } | null): boolean {
  return !!upstream?.final;
}
