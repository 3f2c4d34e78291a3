import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { archiveStatusSchema, type ArchiveStatusView } from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { parseBudgetYear } from '../years/budget-year';
import { ArchiveService, statusView } from './archive.service';

/** Archive package of a closed year (#20), for the registrar and administrators. */
@ApiTags('Årshjul')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('years')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Post(':year/archive')
  @HttpCode(202)
  @RequireRole('registrator', 'admin')
  @ApiOperation({
    summary: 'Bygg arkivpaketet för ett avslutat år',
    description:
      'Starts the worker job that packs every document of the year: its PDF (frozen at adoption), data (JSON), full audit trail and registration metadata, with a METS manifest (SHA-256 of every file) and checksums.sha256, as one zip. 202 with the job’s status; while one is queued or running, that one is returned. 409 (year-not-closed) unless the year has ended or every document of it has reached its final step.',
  })
  @ApiAcceptedResponse({ schema: archiveStatusSchema })
  request(@Param('year') year: string, @CurrentPrincipal() p: Principal): Promise<ArchiveStatusView> {
    return this.archive.request(parseBudgetYear(year), p.userId);
  }

  @Get(':year/archive')
  @RequireRole('registrator', 'admin')
  @ApiOperation({
    summary: 'Arkivpaketets förlopp, sedan paketet som zip',
    description:
      '202 with the status (queued, running with done/total, or failed with its error) until the package is built; then 200 application/zip, with its SHA-256 in X-Content-SHA256. 404 when none was requested.',
  })
  @ApiAcceptedResponse({ schema: archiveStatusSchema })
  @ApiOkResponse({ content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  async get(@Param('year') year: string, @Res({ passthrough: true }) res: Response) {
    const row = await this.archive.status(parseBudgetYear(year));
    if (row.status !== 'done') {
      res.status(202);
      return statusView(row);
    }
    const file = this.archive.file(row);
    if (!file) throw ApiProblem.notFound(`Arkivpaketets fil (${row.fileName})`);
    if (row.sha256) res.setHeader('X-Content-SHA256', row.sha256);
    return new StreamableFile(file.stream, {
      type: 'application/zip',
      disposition: `attachment; filename="${file.name}"`,
      length: row.byteLength ?? undefined,
    });
  }
}
