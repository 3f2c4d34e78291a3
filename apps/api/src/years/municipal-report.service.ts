import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import {
  MunicipalReportCompilation,
  type MunicipalReportType,
  type MunicipalReportView,
} from '@rodtrad/engine';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';

/** The municipality's interim report or årsredovisning, compiled from the stored reports (libs/engine). */
@Injectable()
export class MunicipalReportService {
  private readonly compilation: MunicipalReportCompilation;

  constructor(@Inject(DATA_SOURCE) ds: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.compilation = new MunicipalReportCompilation(ds, config.koladaMunicipalityId);
  }

  get(year: number, type: MunicipalReportType): Promise<MunicipalReportView> {
    return this.compilation.compile(year, type);
  }
}
