import { Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  createResponsibilityMappingSchema,
  financialImportListSchema,
  financialImportSchema,
  financialImportSettingsSchema,
  financialImportUploadSchema,
  responsibilityMappingListSchema,
  responsibilityMappingSchema,
  type CreateResponsibilityMappingRequest,
  type FinancialImportList,
  type FinancialImportSettingsView,
  type FinancialImportView,
  type ResponsibilityMappingList,
  type ResponsibilityMappingView,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { ImportsService } from './imports.service';

const problemContent = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};
const WHO =
  'An administrator, or a handläggare at KS or at a förvaltning directly under KS (the central ekonomiavdelning); 403 for anyone else.';

/**
 * Budget and outcome from the financial system (#19): SIE 4, CSV and Excel, mapped by
 * responsibility code to units, filling the nämnder's monthly (and tertial, interim) reports.
 */
@ApiTags('Import från ekonomisystemet')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin', 'handlaggare')
@Controller('imports/ekonomi')
export class ImportsController {
  constructor(private readonly service: ImportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Importera budget och utfall från ekonomisystemet (SIE 4, CSV eller Excel)',
    description: `multipart/form-data with \`format\` and \`period\` (optional, before the file) and \`file\` (up to 64 MB, streamed). SIE 4 is read as PC8 (code page 437); CSV as UTF-8 (with or without BOM) or Windows-1252, \`;\` or \`,\` separated, decimal comma; Excel's first worksheet. The responsibility code is the object of the configured SIE dimension (default 1) or the mapped column. A file with any refused line imports nothing: 201 with status \`rejected\` and each line's number and reason. Otherwise the months the file carries replace those stored (a re-import is idempotent), and the period's reports (månadsrapport, and the tertial report for April, the delårsrapport for July) in their draft step get \`periodbudget\` and \`utfall\` year to date, summed over each nämnd's units (kronor of net cost, a cost positive); \`arsbudget\` stays KF's frame (the difference is listed), \`prognos\` stays the nämnd's (prefilled from its last report when empty). A report already submitted is listed as refused. Audited with who, when, SHA-256 and totals. ${WHO}`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: financialImportUploadSchema })
  @ApiCreatedResponse({ schema: financialImportSchema })
  @ApiResponse({ status: 413, description: 'The file is larger than 64 MB', content: problemContent })
  upload(@Req() req: Request, @CurrentPrincipal() p: Principal): Promise<FinancialImportView> {
    return this.service.upload(req, p);
  }

  @Get()
  @ApiOperation({
    summary: 'De senaste importerna från ekonomisystemet',
    description: `The 20 latest imports, newest first, each with its counts and result. ${WHO}`,
  })
  @ApiOkResponse({ schema: financialImportListSchema })
  async list(@CurrentPrincipal() p: Principal): Promise<FinancialImportList> {
    await this.service.requireEconomist(p);
    return this.service.list();
  }

  @Get('mappings')
  @ApiOperation({
    summary: 'Ansvarskoder och de enheter de hör till',
    description: `Each responsibility code or range of codes and its unit; a report sums the codes of its nämnd and every unit below it. ${WHO}`,
  })
  @ApiOkResponse({ schema: responsibilityMappingListSchema })
  async mappings(@CurrentPrincipal() p: Principal): Promise<ResponsibilityMappingList> {
    await this.service.requireEconomist(p);
    return this.service.mappings();
  }

  @Post('mappings')
  @ApiOperation({
    summary: 'Koppla en ansvarskod eller ett intervall av koder till en enhet',
    description: `Codes compare as numbers when both are digits. 422 problem+json at /from for a range that overlaps a saved one (a code maps to one unit), at /to for a range that ends before it starts, at /orgUnitId for a unit that cannot carry codes (kommun, KF). Audited. ${WHO}`,
  })
  @ApiCreatedResponse({ schema: responsibilityMappingSchema })
  async addMapping(
    @ValidBody(createResponsibilityMappingSchema) body: CreateResponsibilityMappingRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<ResponsibilityMappingView> {
    await this.service.requireEconomist(p);
    return this.service.addMapping(body, p);
  }

  @Delete('mappings/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Ta bort en koppling av ansvarskoder',
    description: `Takes effect at the next import. Audited. ${WHO}`,
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeMapping(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    await this.service.requireEconomist(p);
    await this.service.removeMapping(id, p);
  }

  @Get('settings')
  @ApiOperation({
    summary: 'Inställningar för importen: SIE-dimension, nettokostnadskonton, kolumnmappning',
    description: `Defaults where nothing is saved: dimension 1, accounts of classes 3–7 (Kommun-Bas: class 8, tax revenue, general grants and financial items, is outside the nämnder's frames), columns Period, Ansvar, Konto, Budget, Utfall. ${WHO}`,
  })
  @ApiOkResponse({ schema: financialImportSettingsSchema })
  async settings(@CurrentPrincipal() p: Principal): Promise<FinancialImportSettingsView> {
    await this.service.requireEconomist(p);
    return this.service.settings();
  }

  @Put('settings')
  @ApiOperation({
    summary: 'Spara inställningarna för importen',
    description: `The column mapping is saved once and used by every CSV and Excel import (headings compared without case). 422 problem+json per field (two fields with one heading, an account range that runs backwards). Audited. ${WHO}`,
  })
  @ApiOkResponse({ schema: financialImportSettingsSchema })
  async saveSettings(
    @ValidBody(financialImportSettingsSchema) body: FinancialImportSettingsView,
    @CurrentPrincipal() p: Principal,
  ): Promise<FinancialImportSettingsView> {
    await this.service.requireEconomist(p);
    return this.service.saveSettings(body, p);
  }
}

/** GET /api/imports/{id}: one import, whatever its format (the path). */
@ApiTags('Import från ekonomisystemet')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin', 'handlaggare')
@Controller('imports')
export class ImportByIdController {
  constructor(private readonly service: ImportsService) {}

  @Get(':id')
  @ApiOperation({
    summary: 'En import: rader lästa, importerade, avvisade (radnummer och skäl), okopplade koder, rapporter',
    description: `As the import answered it: its audit facts (who, when, SHA-256, size, totals), the counts, each refused line with its number and reason, the codes no mapping covers (with their totals, never dropped), and what happened to each report of the period. ${WHO}`,
  })
  @ApiOkResponse({ schema: financialImportSchema })
  async get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<FinancialImportView> {
    await this.service.requireEconomist(p);
    return this.service.get(id);
  }
}
