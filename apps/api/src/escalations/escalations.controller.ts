import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  acknowledgeEscalationSchema,
  escalationDetailSchema,
  escalationQuerySchema,
  escalationViewSchema,
  pageSchema,
  reportDeviationSchema,
  type AcknowledgeEscalationRequest,
  type EscalationDetail,
  type EscalationQuery,
  type EscalationView,
  type Page,
  type ReportDeviationRequest,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody, validateQuery } from '../common/validation/body';
import { EscalationsService, KS_ROLES, NAMND_ROLES } from './escalations.service';

@ApiTags('Eskaleringar')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly service: EscalationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Eskaleringar (KS:s inkorg)',
    description:
      'Budget-, mål- och balanskravsavvikelser som eskalerat till KS/KF, nyast först. `status=open` ger de som inte är avslutade (även kvitterade, och negativa balanskravsresultat vars återställande följs upp, status `tracking`), `tracking` bara de som följs upp, `closed` de avslutade. KS, KF, registrator och administratör ser alla; andra ser sina enheters.',
  })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'tracking', 'closed'] })
  @ApiQuery({ name: 'year', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiOkResponse({ schema: pageSchema(escalationViewSchema) })
  list(@Query() query: unknown, @CurrentPrincipal() p: Principal): Promise<Page<EscalationView>> {
    return this.service.list(
      p,
      validateQuery<EscalationQuery>(escalationQuerySchema, { ...(query as object) }),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'En eskalering med underlag, föreslagna åtgärder och kvittens',
    description:
      'För ett negativt balanskravsresultat, sedan fullmäktige antagit den särskilda åtgärdsplanen: `restoration` år för år (planerat, återställt, balanskravsresultat, efter plan) och `restorationRemaining`. Ett år som ligger efter planen öppnar en ny eskalering till fullmäktige (`followUpOf` pekar tillbaka); när hela underskottet är återställt avslutas eskaleringen.',
  })
  @ApiOkResponse({ schema: escalationDetailSchema })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<EscalationDetail> {
    return this.service.get(p, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequireRole(...KS_ROLES)
  @ApiOperation({
    summary: 'Kvittera en eskalering (KS ordförande eller sekreterare)',
    description:
      'Kvitteras en gång, med valfri kommentar; granskningsloggas. Avslutas när åtgärdsplanen antas (ett negativt balanskravsresultat följs då upp tills underskottet är återställt). 409 om den redan är kvitterad, följs upp eller är avslutad.',
  })
  @ApiOkResponse({ schema: escalationDetailSchema })
  acknowledge(
    @Param('id') id: string,
    @ValidBody(acknowledgeEscalationSchema) body: AcknowledgeEscalationRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<EscalationDetail> {
    return this.service.acknowledge(p, id, body.comment?.trim() || null);
  }

  @Post()
  @RequireRole(...NAMND_ROLES)
  @ApiOperation({
    summary:
      'Rapportera en väsentlig avvikelse mellan de ordinarie rapporterna (nämndens ordförande eller sekreterare)',
    description:
      'Eskalerar direkt till KS: KS får e-post och en åtgärdsplan skapas för nämnden med tidsfrist.',
  })
  @ApiCreatedResponse({ schema: escalationDetailSchema })
  report(
    @ValidBody(reportDeviationSchema) body: ReportDeviationRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<EscalationDetail> {
    return this.service.report(p, body);
  }
}
