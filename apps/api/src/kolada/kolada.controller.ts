import { Controller, Get, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  koladaFetchRequestedSchema,
  koladaImportResultSchema,
  koladaImportUploadSchema,
  koladaStatusSchema,
  type KoladaFetchRequested,
  type KoladaImportResult,
  type KoladaStatusView,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { KoladaService } from './kolada.service';

const problemContent = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};
const MAX_FILE = 20 * 1024 * 1024;

/** Kolada's nyckeltal and comparisons (#19), for administrators. */
@ApiTags('Kolada')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('kolada')
export class KoladaController {
  constructor(private readonly kolada: KoladaService) {}

  @Get()
  @ApiOperation({
    summary: 'Kolada: inställningar, kopplade nyckeltal och de senaste hämtningarna (administratör)',
    description:
      'KOLADA_BASE_URL, KOLADA_MUNICIPALITY_ID and KOLADA_FETCH_HOURS as configured; the KPIs linked from documents of last year and later; the 20 latest fetches and file imports, newest first, each with what it stored and every request that failed (timeouts, HTTP errors, malformed answers).',
  })
  @ApiOkResponse({ schema: koladaStatusSchema })
  status(): Promise<KoladaStatusView> {
    return this.kolada.status();
  }

  @Post('fetch')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Hämta från Kolada nu (administratör)',
    description:
      'Queues the worker’s fetch of every linked KPI (the municipality and its comparison municipalities, the linking documents’ years and the five before); 202 with the job id. The run appears in GET /api/kolada when it starts.',
  })
  @ApiAcceptedResponse({ schema: koladaFetchRequestedSchema })
  fetchNow(@CurrentPrincipal() p: Principal): Promise<KoladaFetchRequested> {
    return this.kolada.requestFetch(p.userId);
  }

  @Post('imports')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE, files: 1 } }))
  @ApiOperation({
    summary: 'Importera en fil hämtad från Kolada (administratör)',
    description:
      'multipart/form-data with `file`: JSON saved from Kolada’s API (a /v2/data/… answer, a /v2/municipality_groups/… or /v2/kpi/… answer, or a list of such answers), for an installation without internet access. The values are stored as if fetched, with source `file`; group members replace those stored. 422 problem+json at /file for a file that is not Kolada’s JSON (nothing is stored); 413 above 20 MB.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: koladaImportUploadSchema })
  @ApiCreatedResponse({ schema: koladaImportResultSchema })
  @ApiResponse({ status: 413, description: 'The file is larger than 20 MB', content: problemContent })
  import(
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @CurrentPrincipal() p: Principal,
  ): Promise<KoladaImportResult> {
    return this.kolada.importFile(file, p.userId);
  }
}
