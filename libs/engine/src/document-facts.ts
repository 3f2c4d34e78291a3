import type { DataSource } from 'typeorm';
import {
  goesToKfForInformation,
  isKfInformationType,
  type DocumentTypeKey,
  type OrgTree,
} from '@rodtrad/domain';
import { type DocumentRow } from '@rodtrad/persistence';
import { AnnualBudgetSource } from './annual-budget-source';
import { isUpstreamAdopted, upstreamCandidates } from './cross-document-rules';

/**
 * Facts the guards of a definition read (upstreamAdopted, withinFrame), computed from other
 * documents of the same year. Guards stay pure; this is where the database is asked, and the
 * rules themselves are plain functions (cross-document-rules).
 */
export class DocumentFacts {
  private readonly budgets: AnnualBudgetSource;

  constructor(private readonly ds: DataSource) {
    this.budgets = new AnnualBudgetSource(ds);
  }

  async compute(doc: DocumentRow, tree: OrgTree): Promise<Record<string, unknown>> {
    const upstream = await this.upstreamDocument(doc, tree);
    return {
      upstreamAdopted: isUpstreamAdopted(upstream),
      upstreamDocumentId: upstream?.id ?? null,
      // Named in the guard's reason, so a refusal says which document must be adopted first.
      upstreamTitle: upstream?.title ?? null,
      withinFrame: doc.type === 'mal-och-budget' ? await this.withinFrame(doc, tree) : true,
      kfForKannedom: await this.kfForKannedom(doc),
    };
  }

  /**
   * Whether the report goes on to KF for information after KS (a tertial report, where the year
   * wheel's line says so: table year_wheel_kf_information, default per §6.1 in the domain).
   */
  private async kfForKannedom(doc: DocumentRow): Promise<boolean> {
    if (!isKfInformationType(doc.type) || !doc.period) return false;
    const rows: { documentType: string; period: string; toKf: number }[] = await this.ds.query(
      `SELECT document_type AS documentType, period, to_kf AS toKf FROM year_wheel_kf_information
        WHERE year = ? AND document_type = ? AND period = ?`,
      [doc.year, doc.type, doc.period],
    );
    return goesToKfForInformation(
      doc.type,
      doc.period,
      rows.map((r) => ({ documentType: r.documentType, period: r.period, toKf: Boolean(Number(r.toKf)) })),
    );
  }

  /**
   * The red thread one step up: the nearest unit above (or at) the owner that has a document of
   * the upstream type, or, when no unit on the way owns that type (an enhet directly under a
   * förvaltning), of the type above it.
   */
  async upstreamDocument(
    doc: Pick<DocumentRow, 'type' | 'orgUnitId' | 'year'>,
    tree: OrgTree,
  ): Promise<{ id: string; title: string; final: boolean } | null> {
    for (const candidate of upstreamCandidates(doc.type as DocumentTypeKey, doc.orgUnitId, tree)) {
      const rows = await this.ds.query(
        'SELECT id, title, final FROM document WHERE type = ? AND org_unit_id = ? AND year = ? ORDER BY period LIMIT 1',
        [candidate.type, candidate.orgUnitId, doc.year],
      );
      if (rows[0]) return { id: rows[0].id, title: rows[0].title, final: !!rows[0].final };
    }
    // The GPF is the municipality's: owned by KS, which is not above a nämnd in the tree.
    if (doc.type === 'mal-och-budget') {
      const rows = await this.ds.query(
        "SELECT id, title, final FROM document WHERE type = 'gpf' AND year = ? LIMIT 1",
        [doc.year],
      );
      if (rows[0]) return { id: rows[0].id, title: rows[0].title, final: !!rows[0].final };
    }
    return null;
  }

  /**
   * Mål- och budget's net cost within the nämnd's frame: KF's adopted Budget och flerårsplan of
   * the year, else the adopted GPF (AnnualBudgetSource).
   */
  private async withinFrame(doc: DocumentRow, tree: OrgTree): Promise<boolean> {
    const found = await this.budgets.annualBudgetFrame(tree.get(doc.orgUnitId)?.code, doc.year);
    const netto = (doc.data as { budget?: { netto?: unknown } } | null)?.budget?.netto;
    return found !== undefined && typeof netto === 'number' && netto <= found.frame;
  }
}
