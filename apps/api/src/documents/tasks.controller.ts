import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { pageSchema, type JsonSchema, type Page } from '@rodtrad/contracts';
import { DefinitionStore, DocumentTasks } from '@rodtrad/engine';
import { Inject } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { OrgTreeService } from '../auth/org-tree.service';
import type { Principal } from '../auth/principal';
import { validateQuery } from '../common/validation/body';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { actorOf } from './documents.service';

export interface TaskView {
  documentId: string;
  title: string;
  type: string;
  orgUnitId: string;
  orgUnitName: string;
  year: number;
  period: string | null;
  state: string;
  stateTitle: string;
  dueAt: string | null;
  overdue: boolean;
  action: string;
  events: string[];
}

const taskSchema: JsonSchema = {
  type: 'object',
  required: [
    'documentId',
    'title',
    'type',
    'orgUnitName',
    'state',
    'stateTitle',
    'dueAt',
    'overdue',
    'action',
  ],
  properties: {
    documentId: { type: 'string' },
    title: { type: 'string' },
    type: { type: 'string' },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    year: { type: 'integer' },
    period: { type: 'string', nullable: true },
    state: { type: 'string' },
    stateTitle: { type: 'string' },
    dueAt: { type: 'string', format: 'date-time', nullable: true },
    overdue: { type: 'boolean' },
    action: { type: 'string', description: 'What to do next, in Swedish' },
    events: { type: 'array', items: { type: 'string' }, description: 'Events the caller may send now' },
  },
};
const taskQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
};

@ApiTags('Dokument')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  private readonly tasks: DocumentTasks;

  constructor(
    @Inject(DATA_SOURCE) ds: DataSource,
    definitions: DefinitionStore,
    private readonly orgTree: OrgTreeService,
  ) {
    this.tasks = new DocumentTasks(ds, definitions);
  }

  @Get()
  @ApiOperation({
    summary: 'Mina uppgifter',
    description:
      'Open documents whose current step waits for one of your roles on a unit they reach, overdue and soonest due first. Paged.',
  })
  @ApiQuery({ name: 'year', required: false, schema: { type: 'integer' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', default: 50 } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', default: 0 } })
  @ApiOkResponse({ schema: pageSchema(taskSchema) })
  async list(@Query() query: unknown, @CurrentPrincipal() p: Principal): Promise<Page<TaskView>> {
    const q = validateQuery<{ year?: number; limit: number; offset: number }>(taskQuerySchema, {
      ...(query as object),
    });
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
