import { Injectable } from '@nestjs/common';
import type { SecrecyListView } from '@rodtrad/contracts';
import type { RoleKey } from '@rodtrad/domain';
import { DefinitionStore, DocumentEngine, DocumentPublisher, formsInWorkflowOrder } from '@rodtrad/engine';
import type { DocumentRow } from '@rodtrad/persistence';
import { formOutline, objectProperties } from '@rodtrad/domain';
import type { WorkflowDefinition } from '@rodtrad/workflow';
import { Authorizer } from '../auth/authorizer.service';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { DocumentsService } from './documents.service';

/** Every role any step lets edit the document: those may mark it or its fields secret. */
function editorRoles(definition: WorkflowDefinition): RoleKey[] {
  const roles = new Set<string>(['admin', 'registrator']);
  const walk = (states: Record<string, unknown> | undefined) => {
    for (const s of Object.values(states ?? {}) as {
      meta?: { editableBy?: string[] };
      states?: Record<string, unknown>;
    }[]) {
      for (const r of s.meta?.editableBy ?? []) roles.add(r);
      walk(s.states);
    }
  };
  walk(definition.machine.states as Record<string, unknown>);
  return [...roles] as RoleKey[];
}

/** The PDF of a document and its secrecy marks, with the same access as reading the document. */
@Injectable()
export class PublicationService {
  constructor(
    private readonly engine: DocumentEngine,
    private readonly documents: DocumentsService,
    private readonly definitions: DefinitionStore,
    private readonly publisher: DocumentPublisher,
    private readonly authorizer: Authorizer,
  ) {}

  private async readable(p: Principal, id: string): Promise<DocumentRow> {
    const { doc } = await this.engine.get(id);
    await this.documents.requireReadable(p, doc);
    return doc;
  }

  async pdf(p: Principal, id: string) {
    return this.publisher.pdf(await this.readable(p, id));
  }

  async canMark(p: Principal, doc: DocumentRow): Promise<boolean> {
    const def = await this.definitions.load(doc.definitionId);
    return this.authorizer.may(p, editorRoles(def.definition), doc.orgUnitId);
  }

  async secrecy(p: Principal, id: string): Promise<SecrecyListView> {
    const doc = await this.readable(p, id);
    return this.listOf(doc, await this.canMark(p, doc));
  }

  private async listOf(doc: DocumentRow, canMark: boolean): Promise<SecrecyListView> {
    const rows = await this.publisher.store.secrecy(doc.id);
    const def = await this.definitions.load(doc.definitionId);
    return {
      canMark,
      fields: formOutline(formsInWorkflowOrder(def)).map((f) => ({ pointer: `/${f.key}`, label: f.label })),
      items: rows.map((r) => ({
        pointer: r.pointer,
        paragraph: r.paragraph,
        markedAt: new Date(r.markedAt).toISOString(),
      })),
    };
  }

  async mark(p: Principal, id: string, pointer: string, paragraph: string): Promise<SecrecyListView> {
    const doc = await this.readable(p, id);
    if (!(await this.canMark(p, doc)))
      throw ApiProblem.forbidden('Bara den som får ändra dokumentet får sekretessmarkera det.');
    if (pointer !== '') {
      const def = await this.definitions.load(doc.definitionId);
      const fields = new Set(
        formsInWorkflowOrder(def).flatMap((f) => [...objectProperties(f.schema).keys()]),
      );
      const first = pointer.split('/')[1] ?? '';
      if (!fields.has(first))
        throw ApiProblem.validation([
          { pointer: '/pointer', message: `Dokumentets formulär har inget fält "${first}".` },
        ]);
    }
    await this.publisher.store.mark(doc.id, pointer, paragraph, p.userId);
    return this.listOf(doc, true);
  }

  async unmark(p: Principal, id: string, pointer: string | undefined): Promise<SecrecyListView> {
    const doc = await this.readable(p, id);
    if (!(await this.canMark(p, doc)))
      throw ApiProblem.forbidden('Bara den som får ändra dokumentet får häva en sekretessmarkering.');
    if (pointer === undefined)
      throw ApiProblem.validation([
        { pointer: '/query/pointer', message: 'Ange vilken markering som ska hävas.' },
      ]);
    if (!(await this.publisher.store.unmark(doc.id, pointer, p.userId)))
      throw ApiProblem.notFound('Sekretessmarkeringen');
    return this.listOf(doc, true);
  }
}
