import { Controller, Get, HttpCode, Param, Post, Put, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  budgetYearParamSchema,
  calendarSchema,
  monthlyPeriodsResultSchema,
  monthlyPeriodsSchema,
  municipalReportQuerySchema,
  municipalReportSchema,
  openYearResultSchema,
  redThreadQuerySchema,
  redThreadSchema,
  updateCalendarEntryResultSchema,
  updateCalendarEntrySchema,
  yearStatusQuerySchema,
  yearStatusSchema,
  type MonthlyPeriodsRequest,
  type MunicipalReportQuery,
  type OpenYearResult,
  type UpdateCalendarEntryRequest,
  type YearStatusQuery,
} from '@rodtrad/contracts';
import { CurrentPrincipal, Public, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { ValidQuery } from '../common/validation/query';
import { parseBudgetYear } from './budget-year';
import { MunicipalReportService } from './municipal-report.service';
import { OpenBudgetYear } from './open-budget-year.service';
import { RedThreadService } from './red-thread.service';
import { YearCalendarService } from './year-calendar.service';
import { statusCsv, statusXlsx } from './year-status-export';
import { YearStatusService } from './year-status.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The budget year: its wheel (årshjul), opening it, the red thread and the registrar's view.
 * Access: the wheel and the red thread are for every signed-in user; the iCalendar feed is public
 * (calendar apps subscribe without a session, and the wheel is a public document); changing the
 * wheel and opening a year need admin or registrator; the status view is for the registrar, admin
 * and KS (chair and secretary), who follow every unit's documents.
 */
@ApiTags('Budgetår')
@ApiCookieAuth()
@ApiBearerAuth()
@ApiParam({ name: 'year', schema: budgetYearParamSchema, description: 'Budgetåret, t.ex. 2027' })
@Controller('years/:year')
export class YearsController {
  constructor(
    private readonly calendar: YearCalendarService,
    private readonly openYear: OpenBudgetYear,
    private readonly status: YearStatusService,
    private readonly redThread: RedThreadService,
    private readonly municipalReport: MunicipalReportService,
  ) {}

  @Get('calendar')
  @ApiOperation({
    summary: 'Årshjulet för budgetåret',
    description:
      'The source’s default wheel (§6.1) with the municipality’s edits; `edited` marks changed lines.',
  })
  @ApiOkResponse({ schema: calendarSchema })
  async getCalendar(@Param('year') year: string) {
    const y = parseBudgetYear(year);
    return { year: y, items: await this.calendar.entries(y) };
  }

  @Put('calendar/:key')
  @RequireRole('admin', 'registrator')
  @ApiOperation({
    summary: 'Ändra en rad i årshjulet (administratör, registrator)',
    description:
      'Sets the day of a line (`period` for månadsrapport), or `relativeDays` for åtgärdsplan. Documents whose current step is due by this line get the new due date at once and a `rescheduleDeadlines` outbox row is written; audited. 422 with JSON pointers for a bad date or period.',
  })
  @ApiParam({ name: 'key', schema: { type: 'string' }, description: 'Radens nyckel, t.ex. enhetsplan' })
  @ApiOkResponse({ schema: updateCalendarEntryResultSchema })
  updateCalendar(
    @Param('year') year: string,
    @Param('key') key: string,
    @ValidBody(updateCalendarEntrySchema) body: UpdateCalendarEntryRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.calendar.update(parseBudgetYear(year), key, body, p.userId);
  }

  @Put('calendar/manadsrapport/periods')
  @RequireRole('admin', 'registrator')
  @ApiOperation({
    summary:
      'Välj månadsrapporterna och månaden kommunstyrelsen behandlar var och en (administratör, registrator)',
    description:
      'The periods of the monthly reports are data of the year wheel (defaults from §6.1: February in March, March in April, July in September, September in October, October in November, November in December). A month added or moved gets its line on the 15th of the KS month (a line already in that month keeps its day); a month left out is removed from the wheel, and documents already created for it are left as they are. Documents due by a moved line follow it at once (`rescheduleDeadlines` outbox rows); audited. 422 problem+json with JSON pointers (`/periods/0/ksMonth`) for a month named twice or a KS month not after its month; nothing changes then.',
  })
  @ApiOkResponse({ schema: monthlyPeriodsResultSchema })
  updateMonthlyPeriods(
    @Param('year') year: string,
    @ValidBody(monthlyPeriodsSchema) body: MonthlyPeriodsRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.calendar.setMonthlyPeriods(parseBudgetYear(year), body, p.userId);
  }

  @Get('calendar.ics')
  @Public()
  @ApiOperation({
    summary: 'Årshjulet som kalender (iCalendar)',
    description: 'Public, so calendar apps can subscribe; stable UIDs so edits update the events.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ content: { 'text/calendar': { schema: { type: 'string' } } } })
  async calendarIcs(@Param('year') year: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const y = parseBudgetYear(year);
    const body = await this.calendar.icalendar(y);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="arshjul-${y}.ics"`);
    return body;
  }

  @Post('open')
  @HttpCode(200)
  @RequireRole('admin', 'registrator')
  @ApiOperation({
    summary: 'Öppna budgetåret (administratör, registrator)',
    description:
      'Creates every document of the year wheel for every unit that owns it, each with its deadlines. Idempotent: answers how many were created and how many already existed.',
  })
  @ApiOkResponse({ schema: openYearResultSchema })
  open(@Param('year') year: string): Promise<OpenYearResult> {
    return this.openYear.execute(parseBudgetYear(year));
  }

  @Get('red-thread')
  @ApiOperation({
    summary: 'Röda tråden: vision → strategiska områden → nämndmål → strategier → aktiviteter',
    description:
      'Nämndmål with indicators, latest results (tertial, delår, verksamhetsberättelse) and colour, and for an indicator linked to a Kolada KPI its yearly values (gender split where given) beside the comparison group’s median, with their source; each item links to its document. `namndId` narrows it to one nämnd.',
  })
  @ApiOkResponse({ schema: redThreadSchema })
  getRedThread(@Param('year') year: string, @ValidQuery(redThreadQuerySchema) q: { namndId?: string }) {
    const y = parseBudgetYear(year);
    return this.redThread.get(y, q.namndId);
  }

  @Get('municipal-report')
  @ApiOperation({
    summary:
      'Kommunens delårsrapport eller årsredovisning, sammanställd ur nämndernas och bolagens rapporter',
    description:
      'For `type=delarsrapport-kommunen` the nämnder’s, KS’s and bolagens submitted delårsrapporter (D1), for `type=arsredovisning` their submitted verksamhetsberättelser: each unit’s `ekonomi` and deviations (whole kronor of net cost, cost positive; `budgetavvikelse` = arsbudget − prognos, negative = overrun; `periodavvikelse` = periodbudget − utfall) and their sums; KF’s financial goals and goals for god ekonomisk hushållning from the adopted Budget och flerårsplan, each with the outcome stated in the municipality’s report (`malUtfall`) and a traffic light (green reached, yellow better than the start value, red not reached, grey no outcome); and the årsredovisning’s balanskravsutredning as a table with the balanskravsresultat. A goal linked to a Kolada KPI carries its series with the comparison group’s median (`kolada`), and without a stated outcome takes Kolada’s value of the year. The årsredovisning’s `maluppfyllelse`: every nämndmål’s indicators at year end (their outcome in the submitted verksamhetsberättelse against the line from start value to target) rolled up per strategic area (green at three in four green, red above one in four red), with the kommunledningsgrupp’s analysis; null in the interim report. Read-only, for every signed-in user. 422 problem+json for a missing or unknown `type`.',
  })
  @ApiOkResponse({ schema: municipalReportSchema })
  getMunicipalReport(
    @Param('year') year: string,
    @ValidQuery(municipalReportQuerySchema) q: MunicipalReportQuery,
  ) {
    return this.municipalReport.get(parseBudgetYear(year), q.type);
  }

  @Get('status')
  @RequireRole('admin', 'registrator', 'ks.ordforande', 'ks.sekreterare')
  @ApiOperation({
    summary: 'Registratorns översikt: alla enheters dokument för året',
    description:
      'One row per unit × document type (× period), planned slots without a document included (documentId null). `format=csv` (semicolons, UTF-8 BOM) or `format=xlsx` for Excel. For registrator, admin and KS.',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: yearStatusSchema },
      'text/csv': { schema: { type: 'string' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async getStatus(
    @Param('year') year: string,
    @ValidQuery(yearStatusQuerySchema) query: YearStatusQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const y = parseBudgetYear(year);
    const { format, ...filters } = query;
    const items = await this.status.rows(y, filters);
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="status-${y}.csv"`);
      return statusCsv(items);
    }
    if (format === 'xlsx') {
      return new StreamableFile(await statusXlsx(items, y), {
        type: XLSX,
        disposition: `attachment; filename="status-${y}.xlsx"`,
      });
    }
    return { items };
  }
}
