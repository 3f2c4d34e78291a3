import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  formatIsoDate,
  isIsoDate,
  monthlyPeriodProblems,
  monthPeriodKey,
  toICalendar,
  type YearWheelEntry,
} from '@rodtrad/domain';
import type {
  CalendarEntryView,
  MonthlyPeriodsRequest,
  MonthlyPeriodsResult,
  UpdateCalendarEntryRequest,
} from '@rodtrad/contracts';
import { MunicipalYearWheel } from '@rodtrad/engine';
import { AdminAuditRepository } from '@rodtrad/persistence';
import { OrgTreeService } from '../auth/org-tree.service';
import { ApiProblem, type FieldProblem } from '../common/problem/problem';
import { CLOCK, DATA_SOURCE, type Clock } from '../infrastructure/tokens';

function view(entry: YearWheelEntry, defaults: readonly YearWheelEntry[]): CalendarEntryView {
  const original = defaults.find((d) => d.key === entry.key && (d.period ?? null) === (entry.period ?? null));
  return {
    key: entry.key,
    documentType: entry.documentType,
    title: entry.title,
    date: entry.date,
    period: entry.period ?? null,
    relativeDays: entry.relativeDays ?? null,
    ksMonth: entry.ksMonth ?? null,
    description: entry.description ?? null,
    edited: !!original && (original.date !== entry.date || original.relativeDays !== entry.relativeDays),
  };
}

/** The year wheel of a budget year as the municipality edited it: read, change one line, export. */
@Injectable()
export class YearCalendarService {
  constructor(
    private readonly wheel: MunicipalYearWheel,
    private readonly audit: AdminAuditRepository,
    private readonly orgTree: OrgTreeService,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async entries(year: number): Promise<CalendarEntryView[]> {
    const defaults = this.wheel.defaults(year);
    return (await this.wheel.wheel(year)).map((e) => view(e, defaults));
  }

  /**
   * Moves one line. Documents whose current step is due by this line follow it at once, and the
   * deadline worker is told through the outbox; the change is in the administration audit log.
   */
  async update(
    year: number,
    key: string,
    req: UpdateCalendarEntryRequest,
    actorUserId: string,
  ): Promise<{ entry: CalendarEntryView; documentsRescheduled: number }> {
    const defaults = this.wheel.defaults(year);
    const lines = defaults.filter((e) => e.key === key);
    if (!lines.length) throw ApiProblem.notFound(`Raden ${key} i årshjulet`);
    const period = req.period ?? null;
    const errors: FieldProblem[] = [];
    const line =
      lines.find((e) => (e.period ?? null) === period) ??
      (period === null && lines.length === 1 ? lines[0] : undefined);
    if (!line)
      errors.push({
        pointer: '/period',
        message:
          lines.length > 1
            ? `Ange en av perioderna ${lines.map((l) => l.period).join(', ')}.`
            : 'Raden har ingen period.',
      });
    const relative = line?.relativeDays !== undefined && line?.date === null;
    if (relative) {
      if (req.relativeDays === undefined)
        errors.push({
          pointer: '/relativeDays',
          message: 'Ange antal dagar efter händelsen som utlöser dokumentet.',
        });
      if (req.date)
        errors.push({ pointer: '/date', message: 'Raden räknas i dagar och har ingen fast dag.' });
    } else if (line) {
      if (req.relativeDays !== undefined)
        errors.push({ pointer: '/relativeDays', message: 'Raden har en fast dag; ange date i stället.' });
      if (!req.date || !isIsoDate(req.date))
        errors.push({ pointer: '/date', message: 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD).' });
      else if (Number(req.date.slice(0, 4)) < year - 2 || Number(req.date.slice(0, 4)) > year + 2)
        errors.push({ pointer: '/date', message: `Datumet ska ligga nära budgetåret ${year}.` });
    }
    if (errors.length || !line) throw ApiProblem.validation(errors);

    const linePeriod = line.period ?? null;
    const moved = await this.ds.transaction(async (m) => {
      const before = (await this.wheel.wheel(year, m)).find(
        (e) => e.key === key && (e.period ?? null) === linePeriod,
      ) as YearWheelEntry;
      const revision = await this.wheel.overrides.upsert(
        {
          year,
          key,
          period: linePeriod,
          date: relative ? null : (req.date as string),
          relativeDays: relative ? (req.relativeDays as number) : null,
          updatedByUserId: actorUserId,
        },
        m,
      );
      const after = (await this.wheel.wheel(year, m)).find(
        (e) => e.key === key && (e.period ?? null) === linePeriod,
      ) as YearWheelEntry;
      const documentsRescheduled = await this.wheel.applyMove(
        { year, key, period: linePeriod, entry: after, revision },
        m,
        this.clock.now(),
      );
      await this.audit.append(
        {
          actorUserId,
          action: 'year-wheel.updated',
          entityType: 'year_wheel_entry',
          entityId: `${year}/${key}${linePeriod ? `/${linePeriod}` : ''}`,
          details: {
            before: { date: before.date, relativeDays: before.relativeDays ?? null },
            after: { date: after.date, relativeDays: after.relativeDays ?? null },
            documentsRescheduled,
          },
        },
        m,
        this.clock.now(),
      );
      return { after, documentsRescheduled };
    });
    return { entry: view(moved.after, defaults), documentsRescheduled: moved.documentsRescheduled };
  }

  /**
   * Sets which months have a monthly report and the month KS treats each (§6.1's periods as the
   * wheel's data): a month added or moved to another KS month gets its line on the 15th of that
   * month (a line already in that month keeps its day), a month left out is removed from the wheel.
   * Documents whose current step is due by a moved line follow it; documents already created for a
   * removed month are left as they are. Refused field by field (422) when a month is named twice or
   * its KS month is not after it; audited.
   */
  async setMonthlyPeriods(
    year: number,
    req: MonthlyPeriodsRequest,
    actorUserId: string,
  ): Promise<MonthlyPeriodsResult> {
    const problems = monthlyPeriodProblems(req.periods);
    if (problems.length) throw ApiProblem.validation(problems);
    const defaults = this.wheel.defaults(year);
    const wanted = new Map(req.periods.map((p) => [p.month, p.ksMonth]));
    const result = await this.ds.transaction(async (m) => {
      const monthlyOf = async () =>
        (await this.wheel.wheel(year, m)).filter((e) => e.key === 'manadsrapport');
      const before = await monthlyOf();
      let documentsRescheduled = 0;
      for (let month = 1; month <= 12; month++) {
        const period = monthPeriodKey(year, month);
        const current = before.find((e) => e.period === period);
        const ksMonth = wanted.get(month);
        if (ksMonth === undefined) {
          if (current)
            await this.wheel.overrides.upsert(
              {
                year,
                key: 'manadsrapport',
                period,
                date: null,
                relativeDays: null,
                updatedByUserId: actorUserId,
              },
              m,
            );
          continue;
        }
        if (current?.ksMonth === ksMonth) continue;
        const revision = await this.wheel.overrides.upsert(
          {
            year,
            key: 'manadsrapport',
            period,
            date: formatIsoDate(year, ksMonth, 15),
            relativeDays: null,
            updatedByUserId: actorUserId,
          },
          m,
        );
        const entry = (await monthlyOf()).find((e) => e.period === period) as YearWheelEntry;
        documentsRescheduled += await this.wheel.applyMove(
          { year, key: 'manadsrapport', period, entry, revision },
          m,
          this.clock.now(),
        );
      }
      const after = await monthlyOf();
      await this.audit.append(
        {
          actorUserId,
          action: 'year-wheel.monthly-periods',
          entityType: 'year_wheel_entry',
          entityId: `${year}/manadsrapport`,
          details: {
            before: before.map((e) => [e.period, e.ksMonth ?? null]),
            after: after.map((e) => [e.period, e.ksMonth ?? null]),
            documentsRescheduled,
          },
        },
        m,
        this.clock.now(),
      );
      return { after, documentsRescheduled };
    });
    return {
      items: result.after.map((e) => view(e, defaults)),
      documentsRescheduled: result.documentsRescheduled,
    };
  }

  async icalendar(year: number): Promise<string> {
    const tree = await this.orgTree.tree();
    const kommun = tree.all().find((u) => u.kind === 'kommun');
    return toICalendar(await this.wheel.wheel(year), {
      year,
      municipalityName: kommun?.name ?? 'Kommunen',
      generatedAt: this.clock.now(),
    });
  }
}
