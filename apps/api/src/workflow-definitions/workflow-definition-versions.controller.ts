import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  definitionDiffSchema,
  definitionVersionBodySchema,
  definitionVersionListSchema,
  migrationOutcomeSchema,
  migrationPlanSchema,
  migrationRequestSchema,
  pathReportSchema,
  publishResultSchema,
  simulateRequestSchema,
  simulationResultSchema,
  versionCreatedSchema,
} from '@rodtrad/contracts';
import {
  DefinitionMigration,
  WorkflowDefinitionAuthoring,
  type DraftInput,
  type MigrationRequest,
  type SimulationRequest,
} from '@rodtrad/engine';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { ValidBody } from '../common/validation/body';

/** A version number from the path; anything else names no version. */
export const VersionParam = (name: string) =>
  Param(name, new ParseIntPipe({ exceptionFactory: () => ApiProblem.notFound('Versionen') }));

@ApiTags('Arbetsflöden')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('workflow-definitions')
export class WorkflowDefinitionVersionsController {
  constructor(
    private readonly authoring: WorkflowDefinitionAuthoring,
    private readonly migration: DefinitionMigration,
  ) {}

  @Get(':key/versions')
  @ApiOperation({
    summary: 'Versionerna av en definition, med antal dokument på varje (administratör)',
  })
  @ApiOkResponse({ schema: definitionVersionListSchema })
  async list(@Param('key') key: string) {
    const items = (await this.authoring.versions(key)).map(({ id: _id, authorUserId: _a, ...v }) => v);
    return { items, total: items.length };
  }

  @Post(':key/versions')
  @ApiOperation({
    summary: 'Skapa en utkastversion från JSON (administratör)',
    description:
      'Kontrolleras som de levererade filerna: schema, mål, nåbarhet, väg till slutsteg, villkor, åtgärder, parametrar, formulär (i versionens egna formulär), roller och tidsfrister. 422 listar varje problem med JSON-pekare in i anropets kropp (/definition/…, /forms/…). Utan forms följer det publicerade formulärpaketet med.',
  })
  @ApiCreatedResponse({ schema: versionCreatedSchema })
  async create(
    @Param('key') key: string,
    @ValidBody(definitionVersionBodySchema) body: DraftInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return { version: (await this.authoring.createDraft(key, body, p.userId)).version };
  }

  @Put(':key/versions/:version')
  @ApiOperation({
    summary: 'Ändra ett utkast (administratör); publicerade och tillbakadragna versioner ändras aldrig (409)',
  })
  @ApiOkResponse({ schema: versionCreatedSchema })
  update(
    @Param('key') key: string,
    @VersionParam('version') version: number,
    @ValidBody(definitionVersionBodySchema) body: DraftInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.authoring.updateDraft(key, version, body, p.userId);
  }

  @Get(':key/versions/:a/diff/:b')
  @ApiOperation({
    summary:
      'Vad som ändrats från version a till b: steg, övergångar, villkor, roller, tidsfrister och formulärfält',
  })
  @ApiOkResponse({ schema: definitionDiffSchema })
  diff(@Param('key') key: string, @VersionParam('a') a: number, @VersionParam('b') b: number) {
    return this.authoring.diff(key, a, b);
  }

  @Post(':key/versions/:version/simulate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Provkör en version på ett låtsasdokument; inget sparas och inget skickas',
    description:
      'Varje steg med tillstånd, avslag med skäl och de effekter som skulle uppstå: utskick (notify, requestApproval), tidsfrister, nya dokument och eskaleringar. Fakta som motorn annars hämtar från andra dokument anges i facts, t.ex. {"upstreamAdopted": true}.',
  })
  @ApiOkResponse({ schema: simulationResultSchema })
  simulate(
    @Param('key') key: string,
    @VersionParam('version') version: number,
    @ValidBody(simulateRequestSchema) body: SimulationRequest,
  ) {
    return this.authoring.simulate(key, version, body);
  }

  @Get(':key/versions/:version/paths')
  @ApiOperation({ summary: 'Vägar genom versionen som tillsammans tar varje övergång, med längd' })
  @ApiOkResponse({ schema: pathReportSchema })
  async paths(@Param('key') key: string, @VersionParam('version') version: number) {
    const items = await this.authoring.paths(key, version);
    return { items, total: items.length };
  }

  @Post(':key/versions/:version/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publicera ett utkast: nya dokument startar på det, pågående dokument stannar på sin version',
  })
  @ApiOkResponse({ schema: publishResultSchema })
  publish(
    @Param('key') key: string,
    @VersionParam('version') version: number,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.authoring.publish(key, version, p.userId);
  }

  @Post(':key/versions/:version/migrations/dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Provkör en flytt: varje pågående dokument i den äldre versionen och var det skulle hamna',
    description:
      'Flaggar dokument som inte kan flyttas: ett steg utan översättning som saknas i den nya versionen, eller uppgifter som inte passar det nya stegets formulär (typer och format). Fullständighet redovisas för sig (complete, missing). Inget ändras.',
  })
  @ApiOkResponse({ schema: migrationPlanSchema })
  dryRun(
    @Param('key') key: string,
    @VersionParam('version') version: number,
    @ValidBody(migrationRequestSchema) body: MigrationRequest,
  ) {
    return this.migration.dryRun(key, version, body);
  }

  @Post(':key/versions/:version/migrations')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Flytta pågående dokument till en publicerad version, ett dokument per transaktion',
    description:
      'Varje flyttat dokument får en post i sin granskningskedja (MIGRATE, "Migrerad från version X till Y"); dess tidsfrister avbokas och det nya stegets tidsfrist bokas. Dokument som inte kan flyttas hoppas över med skäl.',
  })
  @ApiOkResponse({ schema: migrationOutcomeSchema })
  migrate(
    @Param('key') key: string,
    @VersionParam('version') version: number,
    @ValidBody(migrationRequestSchema) body: MigrationRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.migration.migrate(key, version, body, p.userId);
  }
}
