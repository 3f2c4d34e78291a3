import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  pageSchema,
  taskQuerySchema,
  taskViewSchema,
  type Page,
  type TaskQuery,
  type TaskView,
} from '@rodtrad/contracts';
import { DefinitionStore, DocumentTasks } from '@rodtrad/engine';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { OrgTreeService } from '../auth/org-tree.service';
import type { Principal } from '../auth/principal';
import { ValidQuery } from '../common/validation/query';
import { actorOf, DocumentsService } from './documents.service';

@ApiTags('Dokument')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: DocumentTasks,
    private readonly orgTree: OrgTreeService,
    private readonly documents: DocumentsService,
    private readonly definitions: DefinitionStore,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Mina uppgifter',
    description:
      'Open documents whose current step waits for one of your roles on a unit they reach, overdue and soonest due first, each with who sent it back and why when it was. Paged.',
  })
  @ApiOkResponse({ schema: pageSchema(taskViewSchema) })
  async list(
    @ValidQuery(taskQuerySchema) q: TaskQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<Page<TaskView>> {
    const all = await this.tasks.for(actorOf(p), await this.orgTree.tree(), { year: q.year });
    const sorted = [...all.filter((t) => t.doc.overdue), ...all.filter((t) => !t.doc.overdue)];
    const page = sorted.slice(q.offset, q.offset + q.limit);
    // A task sent back says so, with who and why, in the list itself (#18).
    const sentBack = await this.documents.sentBack(
      await Promise.all(
        page.map(async (t) => ({ doc: t.doc, def: await this.definitions.load(t.doc.definitionId) })),
      ),
    );
    return {
      total: sorted.length,
      items: page.map((t) => ({
        documentId: t.doc.id,
        title: t.doc.title,
        type: t.doc.type,
        orgUnitId: t.doc.orgUnitId,
        orgUnitName: t.doc.orgUnitName ?? '',
        year: t.doc.year,
        period: t.doc.period,
        state: t.doc.state,
        stateTitle: t.stateTitle,
        dueAt: t.doc.dueAt ? new Date(t.doc.dueAt).toISOString() : null,
        overdue: t.doc.overdue,
        action: t.action,
        events: t.events,
        sentBack: sentBack.get(t.doc.id) ?? null,
      })),
    };
  }
}
