import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createOrgUnitSchema,
  orgUnitViewSchema,
  pageSchema,
  updateOrgUnitSchema,
  type CreateOrgUnitRequest,
  type OrgUnitView,
  type Page,
  type UpdateOrgUnitRequest,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ValidBody } from '../../common/validation/body';
import { OrgUnitsService } from './org-units.service';

@ApiTags('Organisation')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly service: OrgUnitsService) {}

  @Get()
  @ApiOperation({
    summary: 'Organisationsträdet',
    description:
      'Every unit, flat, with parentId. Readable by every signed-in user. Not paged: the whole tree is one answer.',
  })
  @ApiOkResponse({ schema: pageSchema(orgUnitViewSchema) })
  async list(): Promise<Page<OrgUnitView>> {
    const items = await this.service.list();
    return { items, total: items.length };
  }

  @Get(':id')
  @ApiOperation({ summary: 'En organisationsenhet' })
  @ApiOkResponse({ schema: orgUnitViewSchema })
  get(@Param('id') id: string): Promise<OrgUnitView> {
    return this.service.get(id);
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Skapa en organisationsenhet (administratör)' })
  @ApiCreatedResponse({ schema: orgUnitViewSchema })
  create(
    @ValidBody(createOrgUnitSchema) body: CreateOrgUnitRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<OrgUnitView> {
    return this.service.create(body, p.userId);
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Ändra namn, kod eller placering (administratör)' })
  @ApiOkResponse({ schema: orgUnitViewSchema })
  update(
    @Param('id') id: string,
    @ValidBody(updateOrgUnitSchema) body: UpdateOrgUnitRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<OrgUnitView> {
    return this.service.update(id, body, p.userId);
  }

  @Delete(':id')
  @RequireRole('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ta bort en enhet utan underenheter och roller (administratör)' })
  remove(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    return this.service.remove(id, p.userId);
  }
}
