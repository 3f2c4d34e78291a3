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
  gpfUnderlagSchema,
  kfInformationSchema,
  setKfInformationSchema,
  type GpfUnderlagView,
  type KfInformationView,
  type SetKfInformationRequest,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { parseBudgetYear } from '../years/budget-year';
import { OversightService } from './oversight.service';

/** KF's part in the follow-up (which tertial reports KF sees) and the underlag of a GPF (the year-end hearings). */
@ApiTags('Uppsikt')
@ApiCookieAuth()
@ApiBearerAuth()
@ApiParam({ name: 'year', schema: budgetYearParamSchema, description: 'Budgetåret, t.ex. 2027' })
@Controller('years/:year')
export class OversightController {
  constructor(private readonly service: OversightService) {}

  @Get('kf-information')
  @ApiOperation({
    summary: 'Vilka av nämndernas tertialrapporter som går till kommunfullmäktige för kännedom',
    description:
      'En rad per tertialrapport i budgetårets årshjul. Förval enligt §6.1: tertialrapporten behandlas i kommunstyrelsen och går inte vidare; `configured` visar att kommunen valt för raden.',
  })
  @ApiOkResponse({ schema: kfInformationSchema })
  kfInformation(@Param('year') year: string): Promise<KfInformationView> {
    return this.service.kfInformation(parseBudgetYear(year));
  }

  @Put('kf-information/:documentType/:period')
  @RequireRole('admin', 'registrator')
  @ApiOperation({
    summary: 'Välj om en tertialrapport går till kommunfullmäktige för kännedom (administratör, registrator)',
    description:
      'Sätter årshjulets rad: när kommunstyrelsen behandlat nämndernas tertialrapport för perioden går den vidare till kommunfullmäktige, som anmäler den med sammanträdets datum och paragraf. Gäller rapporter som ännu inte lämnat kommunstyrelsen. Granskningsloggas. 422 problem+json för en typ eller period som årshjulet inte har; inget ändras då.',
  })
  @ApiParam({ name: 'documentType', schema: { type: 'string' }, description: 'tertialrapport' })
  @ApiParam({ name: 'period', schema: { type: 'string' }, description: 'Perioden, t.ex. T1' })
  @ApiOkResponse({ schema: kfInformationSchema })
  setKfInformation(
    @Param('year') year: string,
    @Param('documentType') documentType: string,
    @Param('period') period: string,
    @ValidBody(setKfInformationSchema) body: SetKfInformationRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<KfInformationView> {
    return this.service.setKfInformation(parseBudgetYear(year), documentType, period, body.toKf, p.userId);
  }

  @Get('gpf-underlag')
  @ApiOperation({
    summary: 'Underlag till de Gemensamma planeringsförutsättningarna: bokslutsdialogernas slutsatser',
    description:
      'För GPF:en för budgetåret: bokslutsdialogerna i kommunstyrelsen våren innan (de följer upp budgetåret − 2) med nämndens analys, kommunstyrelsens slutsatser och anteckningarna från budgetdialogen i februari, och länk till nämndens verksamhetsberättelse.',
  })
  @ApiOkResponse({ schema: gpfUnderlagSchema })
  gpfUnderlag(@Param('year') year: string): Promise<GpfUnderlagView> {
    return this.service.gpfUnderlag(parseBudgetYear(year));
  }
}
