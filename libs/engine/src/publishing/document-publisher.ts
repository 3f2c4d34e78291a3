import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DOCUMENT_TYPES,
  isDocumentTypeKey,
  layoutDocument,
  type DocumentLayout,
  type FormLike,
  type OrgTree,
  type SecrecyMark,
} from '@rodtrad/domain';
import {
  fromJsonColumn,
  DocumentCollaborationRepository,
  PublicationRepository,
  type DocumentRow,
  type FrozenPdf,
} from '@rodtrad/persistence';
import { resolvePointer, stateMeta, type WorkflowDefinition } from '@rodtrad/workflow';
import type { DefinitionStore, LoadedDefinition } from '../definition-store';
import { renderPdf } from './pdf-renderer';

/**
 * The version of the layout and renderer. A frozen PDF records the version it was made with;
 * changing the layout raises it, and frozen PDFs stay as they were.
 */
export const PDF_LAYOUT_VERSION = 'pdf-1';

export interface PdfOut {
  content: Buffer;
  sha256: string;
  /** The stored bytes of an adopted document, frozen at adoption. */
  frozen: boolean;
}

type YearDoc = { id: string; type: string; orgUnitId: string; diarienummer: string | null };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Step forms in the order the workflow names them (first step first). */
export function formsInWorkflowOrder(def: Pick<LoadedDefinition, 'definition' | 'forms'>): FormLike[] {
  const names: string[] = [];
  const walk = (states: unknown) => {
    if (!isObject(states)) return;
    for (const s of Object.values(states)) {
      if (!isObject(s)) continue;
      const form = isObject(s['meta']) ? s['meta']['form'] : undefined;
      if (typeof form === 'string' && !names.includes(form)) names.push(form);
      walk(s['states']);
    }
  };
  walk((def.definition as WorkflowDefinition).machine.states);
  return names.flatMap((n) => (def.forms[n] ? [def.forms[n] as FormLike] : []));
}

/** Where the definition's `markDecided` actions read the decision date and paragraph (defaults first). */
export function decisionOf(
  definition: WorkflowDefinition,
  data: unknown,
): { date: string | null; paragraph: string | null } {
  const pairs: [string, string][] = [['/beslut/datum', '/beslut/paragraf']];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (node['type'] === 'markDecided' && isObject(node['params'])) {
      const p = node['params'];
      if (typeof p['dateField'] === 'string' || typeof p['paragraphField'] === 'string')
        pairs.unshift([
          String(p['dateField'] ?? '/beslut/datum'),
          String(p['paragraphField'] ?? '/beslut/paragraf'),
        ]);
    }
    Object.values(node).forEach(walk);
  };
  walk(definition.machine);
  for (const [d, p] of pairs) {
    const date = resolvePointer(data, d);
    if (typeof date === 'string') {
      const paragraph = resolvePointer(data, p);
      return { date, paragraph: typeof paragraph === 'string' ? paragraph : null };
    }
  }
  return { date: null, paragraph: null };
}

/**
 * A document as PDF: laid out from its current data and the forms of its definition version,
 * rendered as tagged PDF. An adopted (final) document's PDF is frozen once, at adoption, by the
 * worker (`freeze`), and that stored PDF is what is served afterwards; the public version leaves
 * out what is marked secret.
 */
export class DocumentPublisher {
  readonly store: PublicationRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly definitions: DefinitionStore,
    private readonly orgTree: () => Promise<OrgTree>,
  ) {
    this.store = new PublicationRepository(ds);
  }

  async layout(doc: DocumentRow, secrecy: SecrecyMark[] = []): Promise<DocumentLayout> {
    const def = await this.definitions.load(doc.definitionId);
    const tree = await this.orgTree();
    const root = tree.roots().find((u) => u.kind === 'kommun') ?? tree.roots()[0];
    const typeTitle = isDocumentTypeKey(doc.type) ? DOCUMENT_TYPES[doc.type].title : doc.type;
    return layoutDocument({
      municipality: root?.name ?? '',
      title: doc.title,
      typeTitle,
      unitName: tree.get(doc.orgUnitId)?.name ?? doc.orgUnitName ?? '',
      year: doc.year,
      period: doc.period || null,
      stateTitle: stateMeta(def.definition, doc.state)?.title ?? doc.state,
      diarienummer: doc.diarienummer,
      decision: decisionOf(def.definition, doc.data),
      forms: formsInWorkflowOrder(def),
      data: doc.data ?? {},
      redThread: await this.redThread(doc, tree),
      secrecy,
      attachments: await new DocumentCollaborationRepository(this.ds).attachments(doc.id),
    });
  }

  /** Renders the document now (the full version, or the public one without its secret fields). */
  async render(doc: DocumentRow, secrecy: SecrecyMark[] = []): Promise<Buffer> {
    const tree = await this.orgTree();
    const root = tree.roots()[0];
    return renderPdf(await this.layout(doc, secrecy), { author: root?.name ?? '' });
  }

  /**
   * The PDF to serve: an adopted document's frozen PDF (frozen now if the worker has not yet);
   * the public version of a document with secret fields is rendered without them instead.
   */
  async pdf(doc: DocumentRow, opts: { public?: boolean } = {}): Promise<PdfOut> {
    const marks = opts.public ? (await this.store.secrecy(doc.id)).filter((m) => m.pointer !== '') : [];
    if (doc.final && !marks.length) {
      const frozen = (await this.store.frozenPdf(doc.id)) ?? (await this.freeze(doc));
      if (frozen) return { content: frozen.content, sha256: frozen.sha256, frozen: true };
    }
    const content = await this.render(doc, marks);
    return { content, sha256: sha256(content), frozen: false };
  }

  /** Freezes an adopted document's PDF once; later calls return the stored one. Null while not final. */
  async freeze(doc: DocumentRow): Promise<FrozenPdf | null> {
    if (!doc.final) return null;
    const known = await this.store.frozenPdf(doc.id);
    if (known) return known;
    return this.store.freeze(doc.id, await this.render(doc), PDF_LAYOUT_VERSION);
  }

  /**
   * The red thread around a document, as text: the nämndmål it contributes to, the upstream
   * document it builds on (nearest unit above that has one) and the documents that build on it.
   */
  private async redThread(
    doc: DocumentRow,
    tree: OrgTree,
  ): Promise<{ goals: string[]; up: string[]; down: string[] }> {
    const docs: YearDoc[] = await this.ds.query(
      'SELECT id, type, org_unit_id AS orgUnitId, diarienummer FROM document WHERE year = ? AND id <> ?',
      [doc.year, doc.id],
    );
    const label = (d: YearDoc) => {
      const title = isDocumentTypeKey(d.type) ? DOCUMENT_TYPES[d.type].title : d.type;
      return `${title}, ${tree.get(d.orgUnitId)?.name ?? ''}${d.diarienummer ? ` (${d.diarienummer})` : ''}`;
    };
    const upstreamType = isDocumentTypeKey(doc.type) ? DOCUMENT_TYPES[doc.type].upstream : null;
    const chain = tree.has(doc.orgUnitId) ? tree.ancestors(doc.orgUnitId) : [];
    const upDoc = upstreamType
      ? [{ id: doc.orgUnitId }, ...chain]
          .map((u) => docs.find((d) => d.type === upstreamType && d.orgUnitId === u.id))
          .find(Boolean)
      : undefined;
    // A body outside the unit's line (the GPF of KF above a nämnd's budget): the year's only one.
    const upstreamOfYear = upstreamType ? docs.filter((d) => d.type === upstreamType) : [];
    const up = upDoc ?? (upstreamOfYear.length === 1 ? upstreamOfYear[0] : undefined);
    const down = docs.filter(
      (d) =>
        isDocumentTypeKey(d.type) &&
        DOCUMENT_TYPES[d.type].upstream === doc.type &&
        tree.has(d.orgUnitId) &&
        tree.has(doc.orgUnitId) &&
        tree.isAncestorOrSelf(doc.orgUnitId, d.orgUnitId),
    );
    const goalIds = new Set<string>();
    for (const v of Object.values(doc.data ?? {}))
      if (Array.isArray(v))
        for (const item of v)
          if (isObject(item) && typeof item['namndmalId'] === 'string') goalIds.add(item['namndmalId']);
    const goals: string[] = [];
    const namnd = tree.has(doc.orgUnitId) ? tree.namndOf(doc.orgUnitId) : undefined;
    if (goalIds.size && namnd) {
      const [mob] = await this.ds.query(
        "SELECT data FROM document WHERE year = ? AND type = 'mal-och-budget' AND org_unit_id = ? LIMIT 1",
        [doc.year, namnd.id],
      );
      const list = mob ? fromJsonColumn<Record<string, unknown>>(mob.data)?.['namndmal'] : null;
      for (const id of goalIds) {
        const g = Array.isArray(list) ? list.find((x) => isObject(x) && x['id'] === id) : undefined;
        goals.push(isObject(g) && typeof g['titel'] === 'string' ? `${id}: ${g['titel']}` : id);
      }
    }
    return { goals, up: up ? [label(up)] : [], down: down.map(label) };
  }
}
