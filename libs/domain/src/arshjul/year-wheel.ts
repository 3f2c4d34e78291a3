import { DomainError } from '../domain-error';
import { DOCUMENT_TYPES, DocumentTypeKey, isDocumentTypeKey } from './document-types';
import { addDays, formatIsoDate, isIsoDate } from './due-instant';
import {
  DELARS_PERIOD,
  HELARS_PERIOD,
  ReportPeriodOptions,
  SWEDISH_MONTHS,
  ksMonthOf,
  parseMonthPeriod,
  reportPeriodLabel,
  reportPeriods,
} from './report-periods';

/** Dated events of the wheel that are not documents (§6.1). */
export type YearWheelEventKey = 'budgetdialog' | 'strategidag' | 'rakenskapssammandrag' | 'konteringsbudget';

export const YEAR_WHEEL_EVENT_KEYS: readonly YearWheelEventKey[] = [
  'budgetdialog',
  'strategidag',
  'rakenskapssammandrag',
  'konteringsbudget',
];

/**
 * Lines that date a decision step inside a document rather than the document itself: KF's
 * October decision on the tax rate is a step of Budget och flerårsplan (whose own line is KF's
 * November decision), so the step's deadline key is `skattesats`.
 */
export type YearWheelDecisionKey = 'skattesats';

export const YEAR_WHEEL_DECISION_KEYS: readonly YearWheelDecisionKey[] = ['skattesats'];

export type YearWheelKey = DocumentTypeKey | YearWheelEventKey | YearWheelDecisionKey;

/**
 * One dated line of the year wheel. A document entry's key is its document type, which is also
 * the deadline key workflows use; periodic reports repeat the key with a `period`, so an entry is
 * identified by key + period. `date` is null for entries timed relative to a trigger.
 */
export interface YearWheelEntry {
  key: YearWheelKey;
  documentType: DocumentTypeKey | null;
  /** Swedish title for UI and calendar. */
  title: string;
  /** 'YYYY-MM-DD', the last day (deadlines) or the day (events); null when relative. */
  date: string | null;
  period?: string;
  /** Days after the triggering event, for entries without a fixed date (åtgärdsplan). */
  relativeDays?: number;
  /** Månadsrapport: the month (1–12) KS treats the report in (§6.1). */
  ksMonth?: number;
  /** Longer Swedish explanation, from the source. */
  description?: string;
}

export interface YearWheelOptions extends ReportPeriodOptions {
  /** Days an åtgärdsplan has after its trigger; the source leaves it open (default 30). */
  atgardsplanDays?: number;
}

export const DEFAULT_ATGARDSPLAN_DAYS = 30;

/**
 * The default wheel for one budget year, from §6.1. Everything concerns that budget year, so it
 * spans three calendar years: planning in the year before (GPF in June, Mål och budget in
 * September, plans by 31 December), follow-up during the year, and the year-end account and the
 * SCB accounts summary early in the year after. Exact days are the source's month made concrete
 * (configurable per municipality by editing the generated wheel).
 */
export function defaultYearWheel(budgetYear: number, options: YearWheelOptions = {}): YearWheelEntry[] {
  const before = budgetYear - 1;
  const after = budgetYear + 1;
  const doc = (type: DocumentTypeKey, title: string, date: string, description?: string): YearWheelEntry => ({
    key: type,
    documentType: type,
    title,
    date,
    ...(description ? { description } : {}),
  });
  const event = (
    key: YearWheelEventKey,
    title: string,
    date: string,
    description: string,
  ): YearWheelEntry => ({
    key,
    documentType: null,
    title,
    date,
    description,
  });

  const monthly = reportPeriods('manadsrapport', budgetYear, options).map((period): YearWheelEntry => {
    const { month } = parseMonthPeriod(period) as { year: number; month: number };
    // Due to KS by the 15th of the month KS treats it in, after the nämnd has decided on it.
    return monthlyReportLine(
      budgetYear,
      period,
      formatIsoDate(budgetYear, ksMonthOf(month, options.monthlyPeriods), 15),
    );
  });

  const entries: YearWheelEntry[] = [
    event(
      'budgetdialog',
      'Budgetdialog',
      `${before}-02-15`,
      'Startskott för arbetet med ramar i Gemensamma planeringsförutsättningar. Nämnderna presenterar sina verksamhetsberättelser.',
    ),
    event(
      'strategidag',
      'Strategidag',
      `${before}-03-15`,
      'Politiker och tjänstemän diskuterar kommunens framtid i närtid och på längre sikt.',
    ),
    doc(
      'gpf',
      'Gemensamma planeringsförutsättningar beslutas av kommunfullmäktige',
      `${before}-06-15`,
      'Strategiska områden, styrande prioriteringar, ekonomiska ramar per nämnd/styrelse och investeringsbudget för de kommande tre åren.',
    ),
    doc(
      'mal-och-budget',
      'Mål och budget beslutas av nämnden',
      `${before}-09-30`,
      'Nämndmål kopplade till de strategiska områdena, indikatorer, budget och flerårsplan inom ramen.',
    ),
    {
      ...doc(
        'budget-och-flerarsplan',
        'Kommunfullmäktige beslutar om skattesats',
        `${before}-10-31`,
        'Skattesatsen för budgetåret (kronor per 100 kronor beskattningsbar inkomst), ett beslut i Budget och flerårsplan.',
      ),
      key: 'skattesats',
    },
    doc(
      'budget-och-flerarsplan',
      'Kommunfullmäktige beslutar om budget och flerårsplan',
      `${before}-11-30`,
      'Ramar per nämnd och bolag, flerårsplan, investeringsbudget, finansiella mål och mål för god ekonomisk hushållning.',
    ),
    doc(
      'internkontrollplan',
      'Internkontrollplan beslutas av nämnden',
      `${before}-12-15`,
      'Risker och kontrollmoment för budgetåret.',
    ),
    doc('forvaltningsplan', 'Förvaltningsplan antas av förvaltningschef', `${before}-12-31`),
    doc('verksamhetsplan', 'Verksamhetsplan antas av områdeschef', `${before}-12-31`),
    event(
      'konteringsbudget',
      'Konteringsbudget beslutas av förvaltningschef',
      `${before}-12-31`,
      'Budgeten fördelas på konton inför budgetåret.',
    ),
    doc('enhetsplan', 'Enhetsplan antas av enhetschef', `${budgetYear}-01-31`),
    ...monthly,
    {
      ...doc(
        'tertialrapport',
        `Tertialrapport ${reportPeriodLabel('tertialrapport', 'T1', budgetYear)}`,
        `${budgetYear}-05-20`,
        'Analys av periodens ekonomiska utfall och verksamhet; behandlas i kommunstyrelsen i maj.',
      ),
      period: 'T1',
    },
    {
      ...doc(
        'delarsrapport',
        `Delårsrapport ${reportPeriodLabel('delarsrapport', 'D1', budgetYear)}`,
        `${budgetYear}-08-31`,
        'Lämnas till ekonomiavdelningen i slutet av augusti; behandlas av nämnd och kommunstyrelse i september.',
      ),
      period: 'D1',
    },
    doc(
      'delarsrapport-kommunen',
      `Delårsrapport för kommunen ${budgetYear}`,
      `${budgetYear}-10-31`,
      'Kommunens delårsrapport per 31 juli, sammanställd av ekonomiavdelningen ur nämndernas och bolagens delårsrapporter; behandlas av kommunfullmäktige.',
    ),
    {
      ...doc(
        'bolagsrapport',
        `Bolagsrapport ${reportPeriodLabel('bolagsrapport', DELARS_PERIOD, budgetYear)}`,
        `${budgetYear}-08-31`,
        'Bolagen rapporterar till kommunstyrelsen per 31 juli: resultat och prognos i kronor och hur varje ägardirektiv uppfylls.',
      ),
      period: DELARS_PERIOD,
    },
    {
      ...doc(
        'bolagsrapport',
        `Bolagsrapport ${reportPeriodLabel('bolagsrapport', HELARS_PERIOD, budgetYear)}`,
        `${after}-03-15`,
        'Bolagen rapporterar årets resultat och uppfyllelsen av ägardirektiven till kommunstyrelsen efter bokslutet.',
      ),
      period: HELARS_PERIOD,
    },
    doc(
      'ks-bolagsbedomning',
      `Kommunstyrelsens bedömning av bolagen ${budgetYear}`,
      `${after}-04-30`,
      'Kommunstyrelsen prövar för varje bolag om verksamheten har bedrivits i enlighet med det kommunala ändamålet och inom de kommunala befogenheterna (kommunallagen 6 kap. 9 §); ett bolag som inte har det förs till kommunfullmäktige.',
    ),
    doc(
      'verksamhetsberattelse',
      `Verksamhetsberättelse ${budgetYear}`,
      `${after}-01-31`,
      'Analys och uppföljning av ekonomi, mål och verksamhet; nämnden beslutar i januari.',
    ),
    doc(
      'bokslutsdialog',
      `Bokslutsdialog ${budgetYear} i kommunstyrelsen`,
      `${after}-02-28`,
      'Varje nämnd och bolag kallas till kommunstyrelsen i samband med bokslutet och redogör för hur uppdraget fullgjorts under året; analysen och slutsatserna blir underlag för nästa Gemensamma planeringsförutsättningar.',
    ),
    event(
      'rakenskapssammandrag',
      'Räkenskapssammandraget lämnas till SCB',
      `${after}-03-31`,
      'Ekonomiavdelningen lämnar räkenskapssammandraget för budgetåret till SCB.',
    ),
    doc(
      'arsredovisning',
      `Årsredovisning ${budgetYear} till kommunfullmäktige och revisorerna`,
      `${after}-04-15`,
      'Kommunens årsredovisning med balanskravsutredning, sammanställd av ekonomiavdelningen ur nämndernas och bolagens verksamhetsberättelser; godkänns av kommunfullmäktige.',
    ),
    {
      key: 'atgardsplan',
      documentType: 'atgardsplan',
      title: DOCUMENT_TYPES.atgardsplan.title,
      date: null,
      relativeDays: options.atgardsplanDays ?? DEFAULT_ATGARDSPLAN_DAYS,
      description:
        'Tas fram när en rapport visar brist på måluppfyllelse eller en väsentlig budgetavvikelse.',
    },
  ];
  return sortYearWheel(entries);
}

/**
 * The year wheel's line of one monthly report, due to KS on `date`: KS treats it in the month of
 * that date (`ksMonth`), so a registrar who moves the line to another month moves KS's treatment.
 */
export function monthlyReportLine(budgetYear: number, period: string, date: string): YearWheelEntry {
  const ksMonth = Number(date.slice(5, 7));
  return {
    key: 'manadsrapport',
    documentType: 'manadsrapport',
    title: `Månadsrapport ${reportPeriodLabel('manadsrapport', period, budgetYear)}`,
    date,
    period,
    ksMonth,
    description: `Ekonomiskt läge, nyckeltal, verksamhetsavvikelser, analys och förslag till åtgärder. Nämnden beslutar om rapporten; kommunstyrelsen behandlar den i ${SWEDISH_MONTHS[ksMonth - 1]}.`,
  };
}

/** By date (relative entries last), then key and period, so the order never depends on input. */
export function sortYearWheel(wheel: readonly YearWheelEntry[]): YearWheelEntry[] {
  const rank = (entry: YearWheelEntry): string =>
    `${entry.date ?? '9999-99-99'}|${entry.key}|${entry.period ?? ''}`;
  return [...wheel].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

/** The entry for a key (and period); throws when a periodic key is asked for without its period. */
export function findYearWheelEntry(
  wheel: readonly YearWheelEntry[],
  key: string,
  period?: string,
): YearWheelEntry | undefined {
  const matches = wheel.filter((entry) => entry.key === key);
  if (period !== undefined) return matches.find((entry) => entry.period === period);
  if (matches.length > 1) {
    throw new DomainError('arshjul.period-required', `${key} has several periods; name one`, { key });
  }
  return matches[0];
}

/**
 * The due date ('YYYY-MM-DD') of a key in a wheel, or undefined when the wheel has no such entry
 * or the entry is relative (use `relativeDueDate`). A key with exactly one entry (tertialrapport)
 * may be asked for without its period.
 */
export function dueDateFor(
  wheel: readonly YearWheelEntry[],
  key: string,
  period?: string,
): string | undefined {
  return findYearWheelEntry(wheel, key, period)?.date ?? undefined;
}

/** Due date of a relative entry counted from the day its trigger happened. */
export function relativeDueDate(entry: YearWheelEntry, triggerDate: string): string {
  if (entry.relativeDays === undefined) {
    throw new DomainError('arshjul.not-relative', `${entry.key} has a fixed date`, { key: entry.key });
  }
  return addDays(triggerDate, entry.relativeDays);
}

/** Problems in an edited wheel (empty when valid): unknown document types, bad dates, duplicates. */
export function validateYearWheel(wheel: readonly YearWheelEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of wheel) {
    const id = entry.period ? `${entry.key} ${entry.period}` : entry.key;
    if (seen.has(id)) problems.push(`${id} occurs more than once`);
    seen.add(id);
    if (entry.documentType !== null && !isDocumentTypeKey(entry.documentType)) {
      problems.push(`${id} has unknown document type ${String(entry.documentType)}`);
    }
    if (!entry.title.trim()) problems.push(`${id} has no title`);
    if (entry.date === null) {
      if (
        entry.relativeDays === undefined ||
        !Number.isInteger(entry.relativeDays) ||
        entry.relativeDays < 0
      ) {
        problems.push(`${id} needs a date or a non-negative whole number of relativeDays`);
      }
    } else if (!isIsoDate(entry.date)) {
      problems.push(`${id} has invalid date ${entry.date}`);
    }
  }
  return problems;
}
