import type { EscalationKind } from '../escalations/escalation-kinds';
import type { OrgUnitKind } from '../org/org-unit';

export type DocumentTypeKey =
  | 'gpf'
  | 'budget-och-flerarsplan'
  | 'mal-och-budget'
  | 'forvaltningsplan'
  | 'verksamhetsplan'
  | 'enhetsplan'
  | 'internkontrollplan'
  | 'atgardsplan'
  | 'manadsrapport'
  | 'tertialrapport'
  | 'delarsrapport'
  | 'verksamhetsberattelse'
  | 'delarsrapport-kommunen'
  | 'arsredovisning'
  | 'kf-arende'
  | 'bokslutsdialog'
  | 'bolagsordning'
  | 'bolagspolicy'
  | 'agardirektiv-gemensamma'
  | 'agardirektiv'
  | 'bolagsrapport'
  | 'ks-bolagsbedomning';

/**
 * What a submitted report is checked for (the escalation rules read these): a full-year forecast
 * against budget, goal fulfilment by indicators, the balance-requirement result (the
 * municipality's balanskravsutredning in its årsredovisning; nämnder report none of their own), the
 * follow-up of the internal control plan. The annual report states goal results too, but they are followed up
 * in the annual report of the municipality, not escalated: `goals` is false for it.
 */
export interface ReportContents {
  budget: boolean;
  goals: boolean;
  balance: boolean;
  internalControl: boolean;
  /** Decided investments per project (`investeringar`: budget, outcome, forecast), checked for an overrun. */
  investments?: boolean;
  /**
   * The year-end `ekonomi { arsbudget, utfall }`: the whole year's budget (prefilled from the
   * adopted frame like `budget`'s) and the year's outcome, deviation arsbudget − utfall. Shown, and
   * compiled into the årsredovisning, but not checked: the year is over, nothing is left to forecast.
   */
  yearEndBudget?: boolean;
}

/** Every fact about one document type. Add a type here and the lists below follow. */
export interface DocumentTypeTraits {
  key: DocumentTypeKey;
  /** Swedish title as shown in the UI (and the web's label). */
  title: string;
  /** Place in lists and the status matrix: plans top-down, then reports, then the åtgärdsplan. */
  order: number;
  /** Kinds of unit that own (produce) a document of this type. */
  ownerKinds: readonly OrgUnitKind[];
  /**
   * The document one level up the red thread (röda tråden) that this one must build on, or null
   * when it stands at the top or answers a trigger rather than a plan.
   */
  upstream: DocumentTypeKey | null;
  /** Documents whose findings can create one of these (only åtgärdsplan so far). */
  triggeredBy?: readonly DocumentTypeKey[];
  /** One document per report period within a budget year (see `reportPeriods`). */
  periodic: boolean;
  /**
   * One document a year for the whole municipality, prepared by the first KS (GPF, KF's Budget
   * och flerårsplan, the municipality's interim and annual reports), not one per owning unit.
   */
  municipalityWide?: boolean;
  /** Its level on the red-thread page: a plan that breaks goals down, a report that follows them up, or not on it. */
  redThread: 'plan' | 'report' | null;
  /**
   * Choices its forms offer from other documents: the strategic areas of the mandate period, the
   * nämndmål of the nämnd's adopted Mål och budget, or the indicators of KF's goals in the adopted
   * Budget och flerårsplan (the municipality's reports follow them up).
   */
  formChoices: 'strategic-areas' | 'namndmal' | 'kf-goals' | null;
  /** What a submitted document of this type is checked for (see ESCALATION_RULES). */
  reports: ReportContents;
  /**
   * 'MM-DD': the day the goal results of a report of this type stand at (§5.4.1: 30/4, 31/7,
   * 31/12); null for a type without goal results.
   */
  goalResultsAt: string | null;
  /**
   * The escalation a workflow's `escalate`/`createDocument` on this type stands for when it names
   * no kind of its own (null: an ad-hoc one).
   */
  deviationKind: EscalationKind | null;
}

const NO_REPORTS: ReportContents = { budget: false, goals: false, balance: false, internalControl: false };

/*
 * Owner kinds: the nämnd-level documents also list KS, because KS is the nämnd for its own
 * administration and produces its own Mål och budget, internal control and reports. Companies and
 * kommunalförbund are not nämnder: they have none of the nämnder's plans and reports, but the owner
 * steering documents and their own report to KS (the bolag types at the end; docs/oversight.md).
 * GPF is prepared by KS for KF.
 *
 * Red thread (§5): GPF gives frames and strategic areas → each nämnd's Mål och budget →
 * förvaltningsplan → verksamhetsplan → enhetsplan. Internal control and all reports follow up the
 * nämnd's Mål och budget. An åtgärdsplan answers a report that shows a lacking goal fulfilment or
 * a deviation (§6.1 May and August, §5.4.2), so it has no upstream plan but trigger documents.
 *
 * The order of the keys is the order of DOCUMENT_TYPE_KEYS (API enums keep it); `order` is the
 * order people read them in.
 */
export const DOCUMENT_TYPES: Readonly<Record<DocumentTypeKey, DocumentTypeTraits>> = {
  gpf: {
    key: 'gpf',
    title: 'Gemensamma planeringsförutsättningar',
    order: 0,
    ownerKinds: ['ks'],
    upstream: null,
    periodic: false,
    municipalityWide: true,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  // KS prepares, KF sets the tax rate in October and adopts the budget in November (§6.1): each
  // nämnd's and bolag's frame (from the GPF, possibly changed), the plan years, the investment
  // budget, the goals for god ekonomisk hushållning and the financial goals (§2.1).
  'budget-och-flerarsplan': {
    key: 'budget-och-flerarsplan',
    title: 'Budget och flerårsplan',
    order: 0.5,
    ownerKinds: ['ks'],
    upstream: 'gpf',
    periodic: false,
    municipalityWide: true,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  'mal-och-budget': {
    key: 'mal-och-budget',
    title: 'Mål och budget',
    order: 1,
    ownerKinds: ['namnd', 'ks'],
    upstream: 'gpf',
    periodic: false,
    redThread: 'plan',
    formChoices: 'strategic-areas',
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: 'budget',
  },
  forvaltningsplan: {
    key: 'forvaltningsplan',
    title: 'Förvaltningsplan',
    order: 3,
    ownerKinds: ['forvaltning'],
    upstream: 'mal-och-budget',
    periodic: false,
    redThread: 'plan',
    formChoices: 'namndmal',
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  verksamhetsplan: {
    key: 'verksamhetsplan',
    title: 'Verksamhetsplan',
    order: 4,
    ownerKinds: ['omrade'],
    upstream: 'forvaltningsplan',
    periodic: false,
    redThread: 'plan',
    formChoices: 'namndmal',
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  enhetsplan: {
    key: 'enhetsplan',
    title: 'Enhetsplan',
    order: 5,
    ownerKinds: ['enhet'],
    upstream: 'verksamhetsplan',
    periodic: false,
    redThread: 'plan',
    formChoices: 'namndmal',
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  internkontrollplan: {
    key: 'internkontrollplan',
    title: 'Internkontrollplan',
    order: 2,
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: false,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  atgardsplan: {
    key: 'atgardsplan',
    title: 'Åtgärdsplan',
    order: 10,
    // The nämnd (or KS, or a company) that deviated writes it; the special plan after a negative
    // balance result is the same document, marked `sarskild`, and goes on to KF for adoption.
    ownerKinds: ['namnd', 'ks', 'bolag'],
    upstream: null,
    triggeredBy: [
      'manadsrapport',
      'tertialrapport',
      'delarsrapport',
      'verksamhetsberattelse',
      'arsredovisning',
    ],
    periodic: false,
    redThread: null,
    formChoices: 'namndmal',
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  manadsrapport: {
    key: 'manadsrapport',
    title: 'Månadsrapport',
    order: 6,
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: true,
    redThread: null,
    formChoices: null,
    reports: { ...NO_REPORTS, budget: true, investments: true },
    goalResultsAt: null,
    deviationKind: 'budget',
  },
  tertialrapport: {
    key: 'tertialrapport',
    title: 'Tertialrapport',
    order: 7,
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: true,
    redThread: 'report',
    formChoices: 'namndmal',
    reports: { ...NO_REPORTS, budget: true, goals: true, investments: true },
    goalResultsAt: '04-30',
    deviationKind: 'goal',
  },
  delarsrapport: {
    key: 'delarsrapport',
    title: 'Delårsrapport',
    order: 8,
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: true,
    redThread: 'report',
    formChoices: 'namndmal',
    // The interim report also follows up the internal control plan's controls (#16).
    reports: { ...NO_REPORTS, budget: true, goals: true, investments: true, internalControl: true },
    goalResultsAt: '07-31',
    deviationKind: 'goal',
  },
  verksamhetsberattelse: {
    key: 'verksamhetsberattelse',
    title: 'Verksamhetsberättelse',
    order: 9,
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: false,
    redThread: 'report',
    formChoices: 'namndmal',
    // The balance requirement is the municipality's, in its årsredovisning (kommunallagen 11 kap.).
    reports: { ...NO_REPORTS, internalControl: true, yearEndBudget: true },
    goalResultsAt: '12-31',
    deviationKind: null,
  },
  // The municipality's own reports, prepared by KS (the finance department) from the nämnder's
  // and bolagens reports of the same period (§5.4.1); the årsredovisning carries the
  // balanskravsutredning and goes to KF and the auditors by 15 April.
  'delarsrapport-kommunen': {
    key: 'delarsrapport-kommunen',
    title: 'Delårsrapport för kommunen',
    order: 8.5,
    ownerKinds: ['ks'],
    upstream: 'budget-och-flerarsplan',
    periodic: false,
    municipalityWide: true,
    redThread: null,
    formChoices: 'kf-goals',
    reports: NO_REPORTS,
    goalResultsAt: '07-31',
    deviationKind: null,
  },
  arsredovisning: {
    key: 'arsredovisning',
    title: 'Årsredovisning',
    order: 9.5,
    ownerKinds: ['ks'],
    upstream: 'budget-och-flerarsplan',
    periodic: false,
    municipalityWide: true,
    redThread: null,
    formChoices: 'kf-goals',
    reports: { ...NO_REPORTS, balance: true },
    goalResultsAt: '12-31',
    deviationKind: 'balance',
  },
  // A matter KS refers to KF under its uppsiktsplikt (kommunallagen 6 kap. 1 §): from an escalation
  // KS decides to "föra till kommunfullmäktige", or from KS's yearly assessment of a company. KS
  // prepares and proposes, KF decides. Several a year, numbered like åtgärdsplaner (ReferToKf).
  'kf-arende': {
    key: 'kf-arende',
    title: 'Ärende till kommunfullmäktige',
    order: 10.5,
    ownerKinds: ['ks'],
    upstream: null,
    triggeredBy: [
      'manadsrapport',
      'tertialrapport',
      'delarsrapport',
      'verksamhetsberattelse',
      'arsredovisning',
    ],
    periodic: false,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  // The year-end hearing (§5.4: "Varje nämnd och bolag kallas till kommunstyrelsen i samband med
  // bokslutet"): one dated meeting per nämnd and bolag about the budget year just ended, planned by
  // the year wheel in February; its record holds the body's analysis and KS's conclusions, which
  // the GPF prepared that spring shows as underlag (docs/oversight.md).
  bokslutsdialog: {
    key: 'bokslutsdialog',
    title: 'Bokslutsdialog',
    order: 9.2,
    ownerKinds: ['namnd', 'bolag'],
    upstream: null,
    periodic: false,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  // Companies (kommunallagen 10 kap., §1 and §3.4 of the source): "Kommunens bolag styrs via
  // bolagsordning, bolagspolicy, gemensamma ägardirektiv och bolagsspecifika ägardirektiv som
  // beslutas av kommunfullmäktige." KS prepares each, KF adopts it with date and paragraph; none is
  // on the year wheel (they are adopted when they change, not yearly).
  bolagsordning: {
    key: 'bolagsordning',
    title: 'Bolagsordning',
    order: 11,
    ownerKinds: ['bolag'],
    upstream: null,
    periodic: false,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  bolagspolicy: {
    key: 'bolagspolicy',
    title: 'Bolagspolicy',
    order: 11.1,
    ownerKinds: ['ks'],
    upstream: null,
    periodic: false,
    municipalityWide: true,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  'agardirektiv-gemensamma': {
    key: 'agardirektiv-gemensamma',
    title: 'Gemensamma ägardirektiv',
    order: 11.2,
    ownerKinds: ['ks'],
    upstream: null,
    periodic: false,
    municipalityWide: true,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  agardirektiv: {
    key: 'agardirektiv',
    title: 'Ägardirektiv',
    order: 11.3,
    ownerKinds: ['bolag'],
    upstream: null,
    periodic: false,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  // The company's own report to KS (§5.4: KS's uppsikt over "de kommunala bolagen"), at the interim
  // and after the year end: its result (not a net cost) and how it fulfilled each ägardirektiv.
  bolagsrapport: {
    key: 'bolagsrapport',
    title: 'Bolagsrapport',
    order: 11.5,
    ownerKinds: ['bolag'],
    upstream: null,
    periodic: true,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
  // KS's yearly decision under kommunallagen 6 kap. 9 §: for each company, whether its business
  // was within the municipal purpose and powers; a company found outside goes to KF.
  'ks-bolagsbedomning': {
    key: 'ks-bolagsbedomning',
    title: 'Kommunstyrelsens bedömning av bolagen',
    order: 11.9,
    ownerKinds: ['ks'],
    upstream: null,
    periodic: false,
    municipalityWide: true,
    redThread: null,
    formChoices: null,
    reports: NO_REPORTS,
    goalResultsAt: null,
    deviationKind: null,
  },
};

export const DOCUMENT_TYPE_KEYS = Object.keys(DOCUMENT_TYPES) as DocumentTypeKey[];

/** The types in the order people read them (status matrix, lists). */
export const DOCUMENT_TYPE_ORDER: readonly DocumentTypeKey[] = [...DOCUMENT_TYPE_KEYS].sort(
  (a, b) => DOCUMENT_TYPES[a].order - DOCUMENT_TYPES[b].order,
);

/** The types whose every document satisfies `has`, in the table's order. */
export function documentTypesWhere(has: (t: DocumentTypeTraits) => boolean): DocumentTypeKey[] {
  return DOCUMENT_TYPE_KEYS.filter((k) => has(DOCUMENT_TYPES[k]));
}

/** Types shown on the red-thread page (plans and the reports that follow them up). */
export const RED_THREAD_TYPES: readonly DocumentTypeKey[] = documentTypesWhere((t) => t.redThread !== null);

/** The traits of `type`, or undefined for a string that names no document type. */
export function documentTypeTraits(type: string): DocumentTypeTraits | undefined {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, type)
    ? DOCUMENT_TYPES[type as DocumentTypeKey]
    : undefined;
}

/**
 * Whether the type's `ekonomi` carries the nämnd's annual budget (`arsbudget`, from the frame KF
 * adopted, read-only): the reports followed up against budget and the year-end report.
 */
export function carriesAnnualBudget(type: string): boolean {
  const reports = documentTypeTraits(type)?.reports;
  return !!reports && (reports.budget || !!reports.yearEndBudget);
}
