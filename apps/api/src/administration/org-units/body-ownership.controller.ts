import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  bodyOwnershipViewSchema,
  pageSchema,
  setBodyOwnershipSchema,
  type BodyOwnershipView,
  type Page,
  type SetBodyOwnershipRequest,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ValidBody } from '../../common/validation/body';
import { BodyOwnershipService } from './body-ownership.service';

@ApiTags('Organisation')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller()
export class BodyOwnershipController {
  constructor(private readonly service: BodyOwnershipService) {}

  @Get('owned-bodies')
  @ApiOperation({
    summary: 'Kommunens bolag och kommunalförbund',
    description:
      'Varje bolag med kommunens ägarandel (100 % = helägt) och varje kommunalförbund med dess medlemskommuner, efter namn. Inte sidindelad.',
  })
  @ApiOkResponse({ schema: pageSchema(bodyOwnershipViewSchema) })
  async list(): Promise<Page<BodyOwnershipView>> {
    const items = await this.service.list();
    return { items, total: items.length };
  }

  @Get('org-units/:id/ownership')
  @ApiOperation({ summary: 'Ägandet i ett bolag eller kommunalförbund' })
  @ApiOkResponse({ schema: bodyOwnershipViewSchema })
  get(@Param('id') id: string): Promise<BodyOwnershipView> {
    return this.service.get(id);
  }

  @Put('org-units/:id/ownership')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Sätt ägarandel eller medlemskommuner (administratör)',
    description:
      'Ett bolag: sharePercent 0 < x ≤ 100 (100 = helägt) och inga medlemmar. Ett kommunalförbund: minst en medlemskommun och sharePercent null. Granskningsloggas.',
  })
  @ApiOkResponse({ schema: bodyOwnershipViewSchema })
  put(
    @Param('id') id: string,
    @ValidBody(setBodyOwnershipSchema) body: SetBodyOwnershipRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<BodyOwnershipView> {
    return this.service.set(id, body, p.userId);
  }
}
