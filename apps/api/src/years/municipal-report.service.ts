import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  MunicipalReportCompilation,
  type MunicipalReportType,
  type MunicipalReportView,
} from '@rodtrad/engine';
import { DATA_SOURCE } from '../infrastructure/tokens';

/** The municipality's interim report or årsredovisning, compiled from the stored reports (libs/engine). */
@Injectable()
export class MunicipalReportService {
  private readonly compilation: MunicipalReportCompilation;

  constructor(@Inject(DATA_SOURCE) ds: DataSource) {
    this.compilation = new MunicipalReportCompilation(ds);
  }

  get(year: number, type: MunicipalReportType): Promise<MunicipalReportView> {
    return this.compilation.compile(year, type);
  }
}
