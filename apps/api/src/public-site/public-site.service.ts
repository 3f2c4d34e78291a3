import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  DOCUMENT_TYPES,
  isDocumentTypeKey,
  isPublicDocument,
  redactData,
  type OrgTree,
  type SecrecyMark,
} from '@rodtrad/domain';
import {
  decisionOf,
  DefinitionStore,
  DocumentPublisher,
  MunicipalYearWheel,
  OrgTreeCache,
} from '@rodtrad/engine';
import { DocumentRepository, escapeLike, fromJsonColumn } from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { RedThreadService } from '../years/red-thread.service';

/** A document as the public sees it: adopted, not secret, its secret fields taken out. */
export interface PublicDocument {
  id: string;
  type: string;
  typeTitle: string;
  title: string;
  body: { id: string; name: string };
  unit: string;
  year: number;
  period: string | null;
  state: string;
  diarienummer: string | null;
  decisionDate: string | null;
  paragraph: string | null;
  decidedAt: string | null;
  pdf: string;
  /** SHA-256 of the PDF frozen at adoption (null until the worker has frozen it). */
  sha256: string | null;
  data: Record<string, unknown>;
  /** Fields left out, with the paragraph of the secrecy law. */
  omitted: SecrecyMark[];
}

const SELECT = `SELECT d.id, d.type, d.title, d.org_unit_id AS orgUnitId, d.year, d.period, d.state, d.final,
  d.definition_id AS definitionId, d.data, d.diarienummer, d.decided_at AS decidedAt
  FROM document d
  WHERE d.final = 1 AND NOT EXISTS (SELECT 1 FROM document_secrecy s WHERE s.document_id = d.id AND s.pointer = '')`;

/** The reading side of the public site and open data. Nothing here needs a signed-in user. */
@Injectable()
export class PublicSiteService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly definitions: DefinitionStore,
    private readonly publisher: DocumentPublisher,
    private readonly orgTree: OrgTreeCache,
    private readonly wheel: MunicipalYearWheel,
    private readonly redThreads: RedThreadService,
    private readonly documents: DocumentRepository,
  ) {}

  async municipality(): Promise<string> {
    const tree = await this.orgTree.tree();
    return (tree.roots().find((u) => u.kind === 'kommun') ?? tree.roots()[0])?.name ?? 'Kommunen';
  }

  /** Years with at least one public document, newest first. */
  async years(): Promise<number[]> {
    const rows: { year: number }[] = await this.ds.query(
      `SELECT DISTINCT year FROM (${SELECT}) pub ORDER BY year DESC`,
    );
    return rows.map((r) => Number(r.year));
  }

  async ofYear(year: number): Promise<PublicDocument[]> {
    return this.toPublic(await this.ds.query(`${SELECT} AND d.year = ? ORDER BY d.type, d.title`, [year]));
  }

  /** Title or diarienummer containing the words, across years (at most 200). */
  async search(q: string): Promise<PublicDocument[]> {
    const like = `%${escapeLike(q.trim())}%`;
    return this.toPublic(
      await this.ds.query(
        `${SELECT} AND (d.title LIKE ? ESCAPE '\\\\' OR d.diarienummer LIKE ? ESCAPE '\\\\')
         ORDER BY d.year DESC, d.title LIMIT 200`,
        [like, like],
      ),
    );
  }

  /** The public PDF of a public document (secret fields left out), or null. */
  async pdf(id: string) {
    const doc = await this.documents.get(id);
    if (!doc) return null;
    const marks = await this.publisher.store.secrecy(doc.id);
    if (!isPublicDocument(doc, marks)) return null;
    return this.publisher.pdf(doc, { public: true });
  }

  /** The red thread of the year from public documents only, their secret fields taken out. */
  async redThread(year: number) {
    return this.redThreads.get(year, undefined, async (docs) => {
      const marks = await this.publisher.store.secrecyOf(docs.map((d) => d.id));
      return docs
        .filter((d) => isPublicDocument(d, marks.get(d.id) ?? []))
        .map((d) => ({ ...d, data: redactData(d.data, marks.get(d.id) ?? []) }));
    });
  }

  yearWheel(year: number) {
    return this.wheel.wheel(year);
  }

  private async toPublic(rows: Record<string, unknown>[]): Promise<PublicDocument[]> {
    const tree = await this.orgTree.tree();
    const ids = rows.map((r) => String(r['id']));
    const [marks, frozen] = await Promise.all([
      this.publisher.store.secrecyOf(ids),
      this.publisher.store.frozenChecksums(ids),
    ]);
    const out: PublicDocument[] = [];
    for (const r of rows) {
      const id = String(r['id']);
      const def = await this.definitions.load(String(r['definitionId']));
      const data = fromJsonColumn<Record<string, unknown>>(r['data']) ?? {};
      const mine = (marks.get(id) ?? []).map((m) => ({ pointer: m.pointer, paragraph: m.paragraph }));
      const type = String(r['type']);
      const decision = decisionOf(def.definition, data);
      out.push({
        id,
        type,
        typeTitle: isDocumentTypeKey(type) ? DOCUMENT_TYPES[type].title : type,
        title: String(r['title']),
        body: bodyOf(tree, String(r['orgUnitId'])),
        unit: tree.get(String(r['orgUnitId']))?.name ?? '',
        year: Number(r['year']),
        period: r['period'] ? String(r['period']) : null,
        state: stateMeta(def.definition, String(r['state']))?.title ?? String(r['state']),
        diarienummer: (r['diarienummer'] as string | null) ?? null,
        decisionDate: decision.date,
        paragraph: decision.paragraph,
        decidedAt: r['decidedAt'] ? new Date(r['decidedAt'] as string).toISOString() : null,
        pdf: `/offentligt/dokument/${id}.pdf`,
        sha256: frozen.get(id) ?? null,
        data: redactData(data, mine),
        omitted: mine,
      });
    }
    return out;
  }
}

/** The body a unit answers to: its nämnd, bolag or KS, else the unit itself (KF, the kommun). */
function bodyOf(tree: OrgTree, unitId: string): { id: string; name: string } {
  const unit = tree.get(unitId);
  const body = tree.has(unitId) ? (tree.namndOf(unitId) ?? unit) : unit;
  return { id: body?.id ?? unitId, name: body?.name ?? '' };
}
