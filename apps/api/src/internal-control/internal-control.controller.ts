import { Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  budgetYearParamSchema,
  internalControlSummaryQuerySchema,
  internalControlSummarySchema,
  namndRiskMatrixSchema,
  riskMatrixSchema,
  updateRiskMatrixSchema,
  type InternalControlSummaryQuery,
  type InternalControlSummaryView,
  type NamndRiskMatrixView,
  type RiskMatrixView,
  type UpdateRiskMatrixRequest,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { ValidQuery } from '../common/validation/query';
import { parseBudgetYear } from '../years/budget-year';
import { InternalControlService } from './internal-control.service';

/**
 * Internal control followed up (#16). The risk matrix is the installation's: every signed-in user
 * reads it (the form computes with it), an administrator changes it. A nämnd's risks in the
 * matrix are for every signed-in user (an adopted plan is a public document); KS's summary of the
 * municipality is for KS (chair, secretary), the registrar and administrators, like the status view.
 */
@ApiTags('Intern kontroll')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller()
export class InternalControlController {
  constructor(private readonly service: InternalControlService) {}

  @Get('risk-matrix')
  @ApiOperation({
    summary: 'Kommunens riskmatris för intern kontroll',
    description:
      'Sannolikhet och konsekvens graderas 1..size; riskvärdet är deras produkt; `mediumFrom` och `highFrom` är riskvärdena där medel- och hög risk börjar (standard 4 × 4: låg 1–4, medel 5–8, hög 9–16).',
  })
  @ApiOkResponse({ schema: riskMatrixSchema })
  getMatrix(): Promise<RiskMatrixView> {
    return this.service.matrix();
  }

  @Put('risk-matrix')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Ändra riskmatrisen (administratör)',
    description:
      'size 2–10; 2 ≤ mediumFrom < highFrom ≤ size². 422 problem+json med JSON-pekare (/size, /mediumFrom, /highFrom) när något är fel; inget ändras då. Granskningsloggas. Nya värden gäller formulären direkt; sparade riskvärden är produkten och ändras inte.',
  })
  @ApiOkResponse({ schema: riskMatrixSchema })
  putMatrix(
    @ValidBody(updateRiskMatrixSchema) body: UpdateRiskMatrixRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<RiskMatrixView> {
    return this.service.saveMatrix(p, body);
  }

  @Get('years/:year/internal-control/:orgUnitId/risk-matrix')
  @ApiParam({ name: 'year', schema: budgetYearParamSchema, description: 'Budgetåret, t.ex. 2027' })
  @ApiParam({ name: 'orgUnitId', schema: { type: 'string' }, description: 'Nämnden (eller KS)' })
  @ApiOperation({
    summary: 'Nämndens risker i riskmatrisen',
    description:
      'Varje risk i nämndens internkontrollplan för året (den fastställda, annars den under arbete) placerad efter sannolikhet × konsekvens, med antal per cell och nivån efter matrisens gränser. 422 för en enhet som inte är nämnd eller KS.',
  })
  @ApiOkResponse({ schema: namndRiskMatrixSchema })
  getNamndMatrix(
    @Param('year') year: string,
    @Param('orgUnitId') orgUnitId: string,
  ): Promise<NamndRiskMatrixView> {
    return this.service.namndMatrix(orgUnitId, parseBudgetYear(year));
  }

  @Get('years/:year/internal-control')
  @RequireRole('admin', 'registrator', 'ks.ordforande', 'ks.sekreterare')
  @ApiParam({ name: 'year', schema: budgetYearParamSchema, description: 'Budgetåret, t.ex. 2027' })
  @ApiOperation({
    summary: 'Uppföljning av intern kontroll för kommunen (KS)',
    description:
      'Per nämnd och KS: kontrollerna i den fastställda internkontrollplanen och deras resultat i den senaste inlämnade delårsrapporten (report=delarsrapport) eller verksamhetsberättelsen (report=verksamhetsberattelse): planerade, genomförda, med avvikelse, ej genomförda, ej rapporterade, och varje avvikelse med beskrivning och åtgärd. För KS (ordförande, sekreterare), registrator och administratör.',
  })
  @ApiOkResponse({ schema: internalControlSummarySchema })
  getSummary(
    @Param('year') year: string,
    @ValidQuery(internalControlSummaryQuerySchema) q: InternalControlSummaryQuery,
  ): Promise<InternalControlSummaryView> {
    return this.service.summary(parseBudgetYear(year), q.report ?? 'delarsrapport');
  }
}
