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
  acknowledgeEscalationSchema,
  decideEscalationSchema,
  ksAdviceListSchema,
  ksAdviceQuerySchema,
  type DecideEscalationRequest,
  type KsAdviceQuery,
  type KsAdviceView,
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
import { ValidBody } from '../common/validation/body';
import { ValidQuery } from '../common/validation/query';
import { DEVIATION_REPORTER_ROLES, EscalationsService, KS_ROLES } from './escalations.service';

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
  @ApiOkResponse({ schema: pageSchema(escalationViewSchema) })
  list(
    @ValidQuery(escalationQuerySchema) query: EscalationQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<Page<EscalationView>> {
    return this.service.list(p, query);
  }

  @Get('advice')
  @ApiOperation({
    summary: 'Kommunstyrelsens råd till en nämnd, för en åtgärdsplan',
    description:
      'De råd som kommunstyrelsen beslutat (beslutet `lamna_rad`) om de eskaleringar som åtgärdsplanen svarar mot, äldst först; visas på åtgärdsplanens sida. 404 för en åtgärdsplan som inte finns eller inte syns för användaren.',
  })
  @ApiOkResponse({ schema: ksAdviceListSchema })
  advice(
    @ValidQuery(ksAdviceQuerySchema) q: KsAdviceQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<KsAdviceView[]> {
    return this.service.advice(p, q.actionPlanDocumentId);
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

  @Post(':id/decision')
  @HttpCode(200)
  @RequireRole(...KS_ROLES)
  @ApiOperation({
    summary: 'Kommunstyrelsens beslut om en eskalering (KS ordförande eller sekreterare)',
    description:
      'Kommunstyrelsens beslut inom uppsiktsplikten (kommunallagen 6 kap. 1 §), med sammanträdets datum (`meetingDate`, inte i framtiden) och paragraf: ' +
      '`lamna_rad` (rådet, `advice`, krävs; det e-postas till nämndens ordförande, sekreterare och förvaltningschef och visas på nämndens åtgärdsplan), ' +
      '`fora_till_kf` (ett ärende till kommunfullmäktige skapas, med kommunstyrelsens beslut ifyllt och `comment` som förslag till beslut; det går vidare i sitt eget arbetsflöde till fullmäktiges beslut) ' +
      'eller `anteckna` (för kännedom). Beslutas en gång och granskningsloggas; en eskalering som inte kvitterats kvitteras samtidigt. ' +
      'Kvittensen (`POST /api/escalations/{id}/acknowledge`) finns kvar som kvitto på att kommunstyrelsen sett eskaleringen. ' +
      'Fel i indata ger 422 problem+json med ett fel per fält, och inget ändras; 409 om kommunstyrelsen redan beslutat. Eskaleringens `history` visar beslutet och det som följde.',
  })
  @ApiOkResponse({ schema: escalationDetailSchema })
  decide(
    @Param('id') id: string,
    @ValidBody(decideEscalationSchema) body: DecideEscalationRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<EscalationDetail> {
    return this.service.decide(p, id, body);
  }

  @Post()
  @RequireRole(...DEVIATION_REPORTER_ROLES)
  @ApiOperation({
    summary:
      'Rapportera en väsentlig avvikelse mellan de ordinarie rapporterna (nämndens ordförande, sekreterare, förvaltningschef eller ekonom)',
    description:
      'Eskalerar direkt till KS, som en avvikelse i en rapport: KS får e-post och en åtgärdsplan skapas för nämnden med tidsfrist. ' +
      'Föreslagna åtgärder (`measures`) krävs; saknas de, eller beskrivningen, blir svaret 422 problem+json med ett fel per fält. ' +
      'Rollen ska gälla nämnden: ordförande och sekreterare på nämnden, förvaltningschef och handläggare (ekonom) på nämndens förvaltning.',
  })
  @ApiCreatedResponse({ schema: escalationDetailSchema })
  report(
    @ValidBody(reportDeviationSchema) body: ReportDeviationRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<EscalationDetail> {
    return this.service.report(p, body);
  }
}
