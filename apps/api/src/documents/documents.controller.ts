import { Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createDocumentSchema,
  documentQuerySchema,
  documentSummarySchema,
  documentViewSchema,
  historySchema,
  pageSchema,
  saveDataSchema,
  sendEventSchema,
  transitionResultSchema,
  type DocumentQuery,
  type DocumentSummaryView,
  type DocumentView,
  type Page,
} from '@rodtrad/contracts';
import type { DataSource } from 'typeorm';
import { DocumentEngine } from '@rodtrad/engine';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { ValidQuery } from '../common/validation/query';
import { withCollaborationEntries } from '../collaboration/collaboration-history';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { actorOf, DocumentsService } from './documents.service';

@ApiTags('Dokument')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly engine: DocumentEngine,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Dokument i de enheter dina roller når, sidindelade efter förfallodag; sök på titel eller diarienummer med q',
  })
  @ApiOkResponse({ schema: pageSchema(documentSummarySchema) })
  list(
    @ValidQuery(documentQuerySchema) query: DocumentQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<Page<DocumentSummaryView>> {
    return this.documents.list(p, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Starta ett dokument',
    description:
      'Creates a document of a type for a unit, year (and period) on the published workflow version. 409 if that slot already has one.',
  })
  @ApiCreatedResponse({ schema: documentViewSchema })
  async create(
    @ValidBody(createDocumentSchema)
    body: { type: string; orgUnitId: string; year: number; period?: string | null; title?: string },
    @CurrentPrincipal() p: Principal,
  ): Promise<DocumentView> {
    const doc = await this.engine.create({ ...body, actor: actorOf(p) });
    return this.documents.view(p, doc.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Ett dokument med formuläret för aktuellt steg och de händelser du får skicka' })
  @ApiOkResponse({ schema: documentViewSchema })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<DocumentView> {
    return this.documents.view(p, id);
  }

  @Put(':id/data')
  @ApiOperation({
    summary: 'Spara formulärdata',
    description:
      'Validated with ajv against the current step’s form (required fields are checked when the step is left). 422 lists each field; 409 when expectedVersion is stale; 403 unless the step lets you edit.',
  })
  @ApiOkResponse({ schema: documentViewSchema })
  async saveData(
    @Param('id') id: string,
    @ValidBody(saveDataSchema) body: { data: Record<string, unknown>; expectedVersion: number },
    @CurrentPrincipal() p: Principal,
  ): Promise<DocumentView> {
    await this.engine.saveData({
      documentId: id,
      data: body.data,
      expectedVersion: body.expectedVersion,
      actor: actorOf(p),
    });
    return this.documents.view(p, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Skicka en händelse (t.ex. SUBMIT)',
    description:
      '200 with the new state and version; 409 when expectedVersion is stale or another transition won; 403 when your role or scope does not allow the event; 422 when a guard refuses (with its reason) or the state does not know the event.',
  })
  @ApiOkResponse({ schema: transitionResultSchema })
  async send(
    @Param('id') id: string,
    @ValidBody(sendEventSchema) body: { type: string; comment?: string; expectedVersion: number },
    @CurrentPrincipal() p: Principal,
  ) {
    const r = await this.engine.transition({
      documentId: id,
      event: { type: body.type, ...(body.comment ? { comment: body.comment } : {}) },
      expectedVersion: body.expectedVersion,
      actor: actorOf(p),
    });
    return { id: r.id, state: r.state, previousState: r.previousState, version: r.version, final: r.final };
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Dokumentets historik (revisionsspår), äldst först',
    description:
      'The document’s audit trail, with its comments (COMMENT) and attachments (ATTACHMENT_ADDED, ATTACHMENT_REMOVED) in time order; those entries are the admin audit chain’s (seq and hash of that chain, dataHash the file’s SHA-256).',
  })
  @ApiOkResponse({ schema: historySchema })
  async history(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    const { items } = await this.documents.history(p, id);
    return { items: await withCollaborationEntries(this.ds, id, items) };
  }
}
