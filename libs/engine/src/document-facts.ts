import type { DataSource } from 'typeorm';
import { canOwnDocument, upstreamOf, type DocumentTypeKey, type OrgTree } from '@rodtrad/domain';
import { fromJsonColumn, type DocumentRow } from '@rodtrad/persistence';

/**
 * Facts the guards of a definition read (upstreamAdopted, withinFrame), computed from other
 * documents of the same year. Guards stay pure; this is where the database is asked.
 */
export class DocumentFacts {
  constructor(private readonly ds: DataSource) {}

  async compute(doc: DocumentRow, tree: OrgTree): Promise<Record<string, unknown>> {
    const upstream = await this.upstreamDocument(doc, tree);
    return {
      upstreamAdopted: upstream ? upstream.final : false,
      upstreamDocumentId: upstream?.id ?? null,
      withinFrame: doc.type === 'mal-och-budget' ? await this.withinFrame(doc, tree) : true,
    };
  }

  /** The red thread one step up: the nearest unit above (or at) the owner that owns the upstream type. */
  async upstreamDocument(doc: DocumentRow, tree: OrgTree): Promise<{ id: string; final: boolean } | null> {
    const type = upstreamOf(doc.type as DocumentTypeKey);
    if (!type) return null;
    for (const unit of tree.chain(doc.orgUnitId)) {
      if (!canOwnDocument(type, unit.kind)) continue;
      const rows = await this.ds.query(
        'SELECT id, final FROM document WHERE type = ? AND org_unit_id = ? AND year = ? ORDER BY period LIMIT 1',
        [type, unit.id, doc.year],
      );
      if (rows[0]) return { id: rows[0].id, final: !!rows[0].final };
    }
    // The GPF is the municipality's: owned by KS, which is not above a nämnd in the tree.
    if (type === 'gpf') {
      const rows = await this.ds.query(
        "SELECT id, final FROM document WHERE type = 'gpf' AND year = ? LIMIT 1",
        [doc.year],
      );
      if (rows[0]) return { id: rows[0].id, final: !!rows[0].final };
    }
    return null;
  }

  /** Mål- och budget's net cost within the nämnd's frame in the adopted GPF of the year. */
  private async withinFrame(doc: DocumentRow, tree: OrgTree): Promise<boolean> {
    const rows = await this.ds.query(
      "SELECT data FROM document WHERE type = 'gpf' AND year = ? AND final = 1 LIMIT 1",
      [doc.year],
    );
    if (!rows[0]) return false;
    const gpf = fromJsonColumn<{ ramar?: { namnd?: string; ram?: number }[] }>(rows[0].data);
    const code = tree.get(doc.orgUnitId)?.code;
    const frame = gpf.ramar?.find((r) => r.namnd === code)?.ram;
    const netto = (doc.data as { budget?: { netto?: number } }).budget?.netto;
    return typeof frame === 'number' && typeof netto === 'number' && netto <= frame;
  }
}
