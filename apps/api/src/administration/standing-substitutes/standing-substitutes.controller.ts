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
  createStandingSubstituteSchema,
  listSchema,
  standingSubstituteSchema,
  substituteQuerySchema,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ValidBody } from '../../common/validation/body';
import { ValidQuery } from '../../common/validation/query';
import {
  StandingSubstitutesService,
  type CreateStandingSubstituteRequest,
} from './standing-substitutes.service';

/**
 * Standing substitutes (ersättare) for a period of absence, set by administrators. While one is
 * valid, new approval requests for the absent user go to the substitute, "on behalf of" the user.
 */
@ApiTags('Godkännanden')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('substitutes')
export class StandingSubstitutesController {
  constructor(private readonly substitutes: StandingSubstitutesService) {}

  @Get()
  @ApiOperation({ summary: 'Stående ersättare (filtrera på användare eller tidpunkt)' })
  @ApiOkResponse({ schema: listSchema(standingSubstituteSchema) })
  list(@ValidQuery(substituteQuerySchema) query: { userId?: string; activeAt?: string }) {
    return this.substitutes.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Lägg till en stående ersättare för en period',
    description:
      'from is inclusive, to exclusive. 422 when a user is unknown, the two are the same person, or to is not after from.',
  })
  @ApiCreatedResponse({ schema: standingSubstituteSchema })
  create(
    @ValidBody(createStandingSubstituteSchema) body: CreateStandingSubstituteRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.substitutes.create(body, p.userId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ta bort en stående ersättare' })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    return this.substitutes.remove(id, p.userId);
  }
}
