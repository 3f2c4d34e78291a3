import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createGroupMappingSchema,
  groupMappingListSchema,
  groupMappingSchema,
  type CreateGroupMappingRequest,
  type GroupMappingList,
  type GroupMappingView,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ValidBody } from '../../common/validation/body';
import { GroupMappingsService } from './group-mappings.service';

@ApiTags('Användare')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('group-mappings')
export class GroupMappingsController {
  constructor(private readonly service: GroupMappingsService) {}

  @Get()
  @ApiOperation({
    summary: 'Grupper hos identitetsleverantören och rollerna de ger (administratör)',
    description:
      'Each member of a group (as OIDC_GROUPS_CLAIM names it) holds the role at the unit; recomputed at each OpenID sign-in, beside the roles given by hand.',
  })
  @ApiOkResponse({ schema: groupMappingListSchema })
  list(): Promise<GroupMappingList> {
    return this.service.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Koppla en grupp till en roll på en enhet (administratör)',
    description:
      'Takes effect at each member’s next sign-in. 422 for a unit that does not exist or cannot hold the role; 409 (group-mapping-exists) when the group already gives that role there.',
  })
  @ApiCreatedResponse({ schema: groupMappingSchema })
  create(
    @ValidBody(createGroupMappingSchema) body: CreateGroupMappingRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<GroupMappingView> {
    return this.service.create(body, p.userId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Ta bort en koppling (administratör)',
    description:
      'The role ends for each member at their next sign-in (and with it their pending approvals that need it).',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    await this.service.remove(id, p.userId);
  }
}
