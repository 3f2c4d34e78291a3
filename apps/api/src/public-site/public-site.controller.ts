import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '@rodtrad/config';
import { Public } from '../auth/auth.decorators';
import { pdfFile } from '../common/http/pdf-file';
import { ValidQuery } from '../common/validation/query';
import { APP_CONFIG } from '../infrastructure/tokens';
import { openDataCsv, openDataJson } from './open-data';
import { notFoundPage, redThreadPage, searchPage, startPage, yearPage, yearWheelPage } from './public-pages';
import { PublicSiteService } from './public-site.service';

const HTML = { 'text/html': { schema: { type: 'string' } } };
const YEAR = /^(19|20|21)\d{2}$/;

/** The public search: open to anyone, so a long text is cut, not refused, and other parameters are let be. */
const searchQuerySchema = {
  type: 'object',
  properties: { q: { type: 'string', description: 'Title or diarienummer; the first 200 characters count' } },
};

/**
 * The public site for citizens at /offentligt (outside /api: server-rendered HTML that reads
 * without JavaScript), its public PDFs and the open data of each year. Nothing needs a sign-in;
 * only adopted documents not marked secret are shown, without their secret fields.
 */
@ApiTags('Offentligt')
@Public()
@Controller('offentligt')
export class PublicSiteController {
  constructor(
    private readonly site: PublicSiteService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async notFound(res: Response, what: string): Promise<string> {
    res.status(404);
    return notFoundPage(await this.site.municipality(), what);
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Den öppna webbplatsen: år med fastställda dokument och sök' })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: HTML })
  async start(): Promise<string> {
    return startPage(await this.site.municipality(), await this.site.years());
  }

  @Get('sok')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Sök fastställda dokument på titel och diarienummer' })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: HTML })
  async search(@ValidQuery(searchQuerySchema) { q }: { q?: string }): Promise<string> {
    const text = q?.trim().slice(0, 200) ?? '';
    return searchPage(await this.site.municipality(), text, text ? await this.site.search(text) : null);
  }

  @Get('data/:file')
  @ApiOperation({
    summary: 'Öppna data för ett år: /offentligt/data/{year}.json eller .csv',
    description:
      'The year’s public documents (adopted, not secret) with registration facts, the PDF’s address and SHA-256, and (JSON) their data without secret fields, which are listed in "utelamnat". CSV: UTF-8 with BOM, `;`-separated, CRLF.',
  })
  @ApiParam({
    name: 'file',
    schema: { type: 'string', pattern: '^[0-9]{4}\\.(json|csv)$' },
    example: '2027.json',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { type: 'object' } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async openData(@Param('file') file: string, @Res({ passthrough: true }) res: Response) {
    const m = /^(\d{4})\.(json|csv)$/.exec(file);
    if (!m || !YEAR.test(m[1] as string)) {
      res.status(404).type('text/plain; charset=utf-8');
      return 'Filen finns inte. Öppna data finns som /offentligt/data/<år>.json och /offentligt/data/<år>.csv.';
    }
    const year = Number(m[1]);
    const docs = await this.site.ofYear(year);
    const base = this.config.publicUrl.replace(/\/$/, '');
    if (m[2] === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `inline; filename="styrdokument-${year}.csv"`);
      return openDataCsv(docs, base);
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    return openDataJson(await this.site.municipality(), year, docs, base);
  }

  @Get('dokument/:file')
  @ApiOperation({
    summary: 'Ett fastställt dokument som tillgänglig PDF: /offentligt/dokument/{id}.pdf',
    description:
      'The PDF frozen at adoption; for a document with secret fields, a PDF without them. 404 for a document that is not adopted or is secret as a whole.',
  })
  @ApiParam({ name: 'file', schema: { type: 'string', pattern: '^[0-9a-f-]{36}\\.pdf$' } })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pdf(@Param('file') file: string, @Res({ passthrough: true }) res: Response) {
    const m = /^([0-9a-f-]{36})\.pdf$/.exec(file);
    const out = m ? await this.site.pdf(m[1] as string) : null;
    if (!out) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return this.notFound(res, 'Dokumentet finns inte bland de fastställda, offentliga dokumenten.');
    }
    return pdfFile(res, out, file);
  }

  @Get(':year')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Årets fastställda dokument per nämnd, styrelse och bolag, med PDF' })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: HTML })
  async year(@Param('year') year: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!YEAR.test(year)) return this.notFound(res, `Det finns inget år ”${year}”.`);
    return yearPage(await this.site.municipality(), Number(year), await this.site.ofYear(Number(year)));
  }

  @Get(':year/roda-traden')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Röda tråden: vision, strategiska områden, nämndmål med måluppfyllelse' })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: HTML })
  async redThread(@Param('year') year: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!YEAR.test(year)) return this.notFound(res, `Det finns inget år ”${year}”.`);
    return redThreadPage(
      await this.site.municipality(),
      Number(year),
      await this.site.redThread(Number(year)),
    );
  }

  @Get(':year/arshjul')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Årshjulet: årets datum för styrdokument och uppföljning' })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: HTML })
  async yearWheel(@Param('year') year: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!YEAR.test(year)) return this.notFound(res, `Det finns inget år ”${year}”.`);
    return yearWheelPage(
      await this.site.municipality(),
      Number(year),
      await this.site.yearWheel(Number(year)),
    );
  }
}
