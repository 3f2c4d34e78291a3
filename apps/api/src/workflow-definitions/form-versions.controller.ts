import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  formDiffSchema,
  formEntrySchema,
  formVersionCreatedSchema,
  formVersionListSchema,
  publishResultSchema,
} from '@rodtrad/contracts';
import { FormVersionAuthoring } from '@rodtrad/engine';
import type { JsonObject } from '@rodtrad/workflow';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { VersionParam } from './workflow-definition-versions.controller';

const DESIGN =
  'Formulär versioneras med sin definition: en ny formulärversion läggs i dokumenttypens öppna utkast (eller i ett nytt utkast kopierat från den publicerade versionen) och publiceras när den definitionsversionen publiceras. Dokument behåller formulären i den definitionsversion de är knutna till. Versionsnumret är definitionsversionens.';

@ApiTags('Formulär')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('forms')
export class FormVersionsController {
  constructor(private readonly forms: FormVersionAuthoring) {}

  @Get(':type/:step/versions')
  @ApiOperation({
    summary: 'Formulärets versioner, per definitionsversion (administratör)',
    description: DESIGN,
  })
  @ApiOkResponse({ schema: formVersionListSchema })
  async list(@Param('type') type: string, @Param('step') step: string) {
    const items = await this.forms.list(type, step);
    return { items, total: items.length };
  }

  @Post(':type/:step/versions')
  @ApiOperation({
    summary: 'Spara en ny formulärversion i ett utkast (administratör)',
    description: `${DESIGN} Schemat ska vara ett giltigt JSON Schema som ajv kompilerar, med type "object" i roten så att formuläret kan visas; uiSchema får bara nämna fält som finns. 422 med JSON-pekare (/schema/…, /uiSchema/…).`,
  })
  @ApiCreatedResponse({ schema: formVersionCreatedSchema })
  create(
    @Param('type') type: string,
    @Param('step') step: string,
    @ValidBody(formEntrySchema) body: { schema: JsonObject; uiSchema?: JsonObject },
    @CurrentPrincipal() p: Principal,
  ) {
    return this.forms.create(type, step, body, p.userId);
  }

  @Get(':type/:step/versions/:a/diff/:b')
  @ApiOperation({ summary: 'Formulärfält som lagts till, tagits bort och ändrats från version a till b' })
  @ApiOkResponse({ schema: formDiffSchema })
  diff(
    @Param('type') type: string,
    @Param('step') step: string,
    @VersionParam('a') a: number,
    @VersionParam('b') b: number,
  ) {
    return this.forms.diff(type, step, a, b);
  }

  @Post(':type/:step/versions/:version/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publicera formulärversionen, dvs. definitionsversionen som bär den (administratör)',
    description: DESIGN,
  })
  @ApiOkResponse({ schema: publishResultSchema })
  publish(
    @Param('type') type: string,
    @Param('step') step: string,
    @VersionParam('version') version: number,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.forms.publish(type, step, version, p.userId);
  }
}
