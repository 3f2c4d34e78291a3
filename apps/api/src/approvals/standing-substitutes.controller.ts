import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import {
  createStandingSubstituteSchema,
  standingSubstituteSchema,
  substituteQuerySchema,
} from '@rodtrad/contracts';
import {
  AdminAuditRepository,
  StandingSubstituteRepository,
  type StandingSubstituteRow,
} from '@rodtrad/persistence';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { ValidBody, validateQuery } from '../common/validation/body';
import { DATA_SOURCE } from '../infrastructure/tokens';

const view = (s: StandingSubstituteRow) => ({
  id: s.id,
  user: { id: s.userId, name: s.userName },
  substitute: { id: s.substituteUserId, name: s.substituteName },
  from: new Date(s.validFrom).toISOString(),
  to: new Date(s.validTo).toISOString(),
  reason: s.reason,
});

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
  private readonly substitutes: StandingSubstituteRepository;
  private readonly audit: AdminAuditRepository;

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {
    this.substitutes = new StandingSubstituteRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  @Get()
  @ApiOperation({ summary: 'Stående ersättare (filtrera på användare eller tidpunkt)' })
  @ApiQuery({ name: 'userId', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'activeAt', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['items'],
      properties: { items: { type: 'array', items: standingSubstituteSchema } },
    },
  })
  async list(@Query() query: unknown) {
    const q = validateQuery<{ userId?: string; activeAt?: string }>(substituteQuerySchema, {
      ...(query as object),
    });
    const rows = await this.substitutes.list({
      userId: q.userId,
      activeAt: q.activeAt ? new Date(q.activeAt) : undefined,
    });
    return { items: rows.map(view) };
  }

  @Post()
  @ApiOperation({
    summary: 'Lägg till en stående ersättare för en period',
    description:
      'from is inclusive, to exclusive. 422 when a user is unknown, the two are the same person, or to is not after from.',
  })
  @ApiBody({ schema: createStandingSubstituteSchema })
  @ApiCreatedResponse({ schema: standingSubstituteSchema })
  async create(
    @ValidBody(createStandingSubstituteSchema)
    body: { userId: string; substituteUserId: string; from: string; to: string; reason: string },
    @CurrentPrincipal() p: Principal,
  ) {
    const from = new Date(body.from);
    const to = new Date(body.to);
    const errors = [];
    if (!(to.getTime() > from.getTime()))
      errors.push({ pointer: '/to', message: 'Slutet måste vara efter början.' });
    if (body.userId === body.substituteUserId)
      errors.push({ pointer: '/substituteUserId', message: 'Ersättaren måste vara en annan person.' });
    for (const [pointer, id] of [
      ['/userId', body.userId],
      ['/substituteUserId', body.substituteUserId],
    ] as const) {
      const [row] = await this.ds.query('SELECT id FROM app_user WHERE id = ? AND active = 1', [id]);
      if (!row) errors.push({ pointer, message: 'Användaren finns inte eller är inaktiv.' });
    }
    if (errors.length) throw ApiProblem.validation(errors);
    const id = await this.substitutes.add(
      {
        userId: body.userId,
        substituteUserId: body.substituteUserId,
        validFrom: from,
        validTo: to,
        reason: body.reason.trim(),
      },
      p.userId,
    );
    await this.audit.append({
      actorUserId: p.userId,
      action: 'substitute.create',
      entityType: 'standing_substitute',
      entityId: id,
      details: body,
    });
    return view((await this.substitutes.get(id)) as StandingSubstituteRow);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ta bort en stående ersättare' })
  @ApiNoContentResponse()
  async remove(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    if (!(await this.substitutes.remove(id))) throw ApiProblem.notFound('Ersättaren');
    await this.audit.append({
      actorUserId: p.userId,
      action: 'substitute.delete',
      entityType: 'standing_substitute',
      entityId: id,
    });
  }
}
