import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  deviationThresholdViewSchema,
  thresholdQuerySchema,
  updateDeviationThresholdSchema,
  type DeviationThresholdView,
  type UpdateDeviationThresholdRequest,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ValidBody } from '../../common/validation/body';
import { ValidQuery } from '../../common/validation/query';
import { DeviationThresholdsService } from './deviation-thresholds.service';

const thisYear = () => new Date().getFullYear();

@ApiTags('Eskaleringar')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('org-units')
export class ThresholdsController {
  constructor(private readonly service: DeviationThresholdsService) {}

  @Get(':id/thresholds')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Nämndens gräns för väsentlig budgetavvikelse (administratör)',
    description:
      'Konfigurerade kronor och/eller andel av ramen, ramen för året och den gräns som gäller (standard 1 % av ramen).',
  })
  @ApiOkResponse({ schema: deviationThresholdViewSchema })
  get(
    @Param('id') id: string,
    @ValidQuery(thresholdQuerySchema) q: { year?: number },
  ): Promise<DeviationThresholdView> {
    return this.service.threshold(id, q.year ?? thisYear());
  }

  @Put(':id/thresholds')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Sätt nämndens gräns (administratör)',
    description:
      'kronor och shareOfFrame (0–1); null tar bort en gräns. Med båda gäller den lägsta. Granskningsloggas.',
  })
  @ApiOkResponse({ schema: deviationThresholdViewSchema })
  put(
    @Param('id') id: string,
    @ValidBody(updateDeviationThresholdSchema) body: UpdateDeviationThresholdRequest,
    @CurrentPrincipal() p: Principal,
    @ValidQuery(thresholdQuerySchema) q: { year?: number },
  ): Promise<DeviationThresholdView> {
    return this.service.saveThreshold(p, id, body, q.year ?? thisYear());
  }
}
