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
import { DocumentTasks } from '@rodtrad/engine';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { OrgTreeService } from '../auth/org-tree.service';
import type { Principal } from '../auth/principal';
import { ValidQuery } from '../common/validation/query';
import { actorOf } from './documents.service';

@ApiTags('Dokument')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: DocumentTasks,
    private readonly orgTree: OrgTreeService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Mina uppgifter',
    description:
      'Open documents whose current step waits for one of your roles on a unit they reach, overdue and soonest due first. Paged.',
  })
  @ApiOkResponse({ schema: pageSchema(taskViewSchema) })
  async list(
    @ValidQuery(taskQuerySchema) q: TaskQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<Page<TaskView>> {
    const all = await this.tasks.for(actorOf(p), await this.orgTree.tree(), { year: q.year });
    const sorted = [...all.filter((t) => t.doc.overdue), ...all.filter((t) => !t.doc.overdue)];
    return {
      total: sorted.length,
      items: sorted.slice(q.offset, q.offset + q.limit).map((t) => ({
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
      })),
    };
  }
}
