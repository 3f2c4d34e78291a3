import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MunicipalReportService } from './municipal-report.service';
import { OpenBudgetYear } from './open-budget-year.service';
import { RedThreadService } from './red-thread.service';
import { YearCalendarService } from './year-calendar.service';
import { YearStatusService } from './year-status.service';
import { YearsController } from './years.controller';

/** The budget year: its wheel (årshjul), opening it, the red thread and the registrar's status view. */
@Module({
  imports: [AuthModule],
  controllers: [YearsController],
  providers: [
    YearCalendarService,
    OpenBudgetYear,
    YearStatusService,
    RedThreadService,
    MunicipalReportService,
  ],
  exports: [RedThreadService],
})
export class YearsModule {}
