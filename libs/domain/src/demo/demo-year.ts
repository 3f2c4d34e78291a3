import type { DocumentTypeKey } from '../arshjul/document-types';

/**
 * The lived-in demo year as pure data (#18): what the demo's documents say when the seed walks
 * them through the engine, and the few things the story leaves undone. Amounts are kronor of net
 * cost (a cost positive), as in docs/financial-control.md. Nothing here does I/O; the seeder in
 * apps/api/src/seed/demo-year-seeder.ts reads it.
 */

type Data = Record<string, unknown>;

/** The two budget years the demo walks: the previous one complete, the current one in progress. */
export function demoYearsOf(today: Date): { previous: number; current: number } {
  const current = today.getUTCFullYear();
  return { previous: current - 1, current };
}

/** The order the seed walks the types in: upstream documents first (the red thread, then the reports). */
export const DEMO_WALK_ORDER: readonly DocumentTypeKey[] = [
  'gpf',
  'budget-och-flerarsplan',
  'mal-och-budget',
  'internkontrollplan',
  'forvaltningsplan',
  'verksamhetsplan',
  'enhetsplan',
  'manadsrapport',
  'tertialrapport',
  'delarsrapport',
  'delarsrapport-kommunen',
  'verksamhetsberattelse',
  'arsredovisning',
  'bokslutsdialog',
];

/**
 * What the story leaves as it is in the current year: documents past their deadline and still in
 * draft (code of the owning unit; `latest-due` for the unit's latest report that is due). The
 * budget deviation is Bildningsnämnden's latest monthly report due; the goal in red is
 * Social- och arbetsmarknadsnämnden's first goal.
 */
export const DEMO_STORY = {
  lateDocuments: [
    { type: 'enhetsplan', unitCode: 'OSTA' },
    { type: 'enhetsplan', unitCode: 'HEMT' },
    { type: 'manadsrapport', unitCode: 'DSN', which: 'latest-due' },
  ] as readonly { type: DocumentTypeKey; unitCode: string; which?: 'latest-due' }[],
  budgetDeviation: { type: 'manadsrapport' as DocumentTypeKey, unitCode: 'BIN' },
  /** The overrun of the deviating report's full-year forecast, as a share of the annual budget. */
  deviationShare: 0.021,
  redGoal: { unitCode: 'SAN', goal: 1 },
  /** Handed in but not yet reviewed: a task waiting in the förvaltningschef's Mina uppgifter. */
  awaitingReview: { type: 'manadsrapport' as DocumentTypeKey, unitCode: 'BIN', which: 'next' as const },
} as const;

/** Frames of 2027 by nämnd code (kronor of net cost); other years grow about 3 % a year. */
const FRAMES_2027: Record<string, number> = {
  KS: 98_500_000,
  BIN: 548_000_000,
  SAN: 452_000_000,
  DSN: 112_000_000,
  MYN: 6_200_000,
  VAL: 1_400_000,
};

export const DEMO_NAMND_CODES: readonly string[] = Object.keys(FRAMES_2027);

/** A nämnd's frame in the demo's Budget och flerårsplan and GPF (kronor of net cost). */
export function demoYearFrame(namndCode: string, year: number): number {
  const base = FRAMES_2027[namndCode] ?? 5_000_000;
  return Math.round((base * 1.03 ** (year - 2027)) / 100_000) * 100_000;
}

/** The mandate period a budget year lies in (the demo's periods start 2023, 2027, …). */
function mandatePeriodOf(year: number): { start: number; end: number } {
  const start = 2023 + 4 * Math.floor((year - 2023) / 4);
  return { start, end: start + 3 };
}

const GOALS: Record<string, { titel: string; area: string; indikator: string; enhet: string }[]> = {
  KS: [
    {
      titel: 'Invånarna får svar snabbare',
      area: 'God service',
      indikator: 'Andel e-post besvarad inom två dagar',
      enhet: '%',
    },
    {
      titel: 'Fler invånare deltar i dialoger',
      area: 'Allas inflytande',
      indikator: 'Andel invånare som deltagit i en medborgardialog',
      enhet: '%',
    },
  ],
  BIN: [
    {
      titel: 'Fler elever är behöriga till gymnasiet',
      area: 'Livslångt lärande',
      indikator: 'Andel elever i åk 9 behöriga till gymnasiet',
      enhet: '%',
    },
    {
      titel: 'Fler barn möter böcker varje dag',
      area: 'Livslångt lärande',
      indikator: 'Andel barn i förskolan med läsande vuxen varje dag',
      enhet: '%',
    },
  ],
  SAN: [
    {
      titel: 'Fler går från försörjningsstöd till arbete',
      area: 'Hållbar kommun',
      indikator: 'Andel hushåll som lämnat försörjningsstöd för arbete eller studier',
      enhet: '%',
    },
    {
      titel: 'Äldre är nöjda med hemtjänsten',
      area: 'God service',
      indikator: 'Andel nöjda brukare i hemtjänsten',
      enhet: '%',
    },
  ],
  DSN: [
    {
      titel: 'Kommunens lokaler använder mindre energi',
      area: 'Hållbar kommun',
      indikator: 'Andel minskad energianvändning mot 2022',
      enhet: '%',
    },
    {
      titel: 'Maten i skolan är uppskattad',
      area: 'God service',
      indikator: 'Andel elever som tycker om skolmaten',
      enhet: '%',
    },
  ],
  MYN: [
    {
      titel: 'Bygglov beslutas inom lagstadgad tid',
      area: 'God service',
      indikator: 'Andel bygglov beslutade inom tio veckor',
      enhet: '%',
    },
  ],
  VAL: [
    {
      titel: 'Valen genomförs rättssäkert och tillgängligt',
      area: 'Allas inflytande',
      indikator: 'Andel vallokaler som uppfyller tillgänglighetskraven',
      enhet: '%',
    },
  ],
};

function goalsOf(code: string) {
  return GOALS[code] ?? GOALS['MYN'];
}

const START = 70;
const TARGET = 80;

/** An indicator's result at a report: ahead of the straight line, except the story's goal in red. */
function resultOf(code: string, goal: number, year: number, current: number): number {
  if (year === current && code === DEMO_STORY.redGoal.unitCode && goal === DEMO_STORY.redGoal.goal) return 61;
  return 79 + (goal % 2) * 0.5;
}

/** The share of the year a report covers, by its period (monthly "YYYY-MM", tertial, delår). */
function monthsOf(type: DocumentTypeKey, period: string | null): number {
  const month = period?.match(/^\d{4}-(\d{2})$/)?.[1];
  if (month) return Number(month);
  if (type === 'tertialrapport') return 4;
  if (type === 'delarsrapport' || type === 'delarsrapport-kommunen') return 8;
  return 12;
}

/**
 * The interim report's follow-up of the internkontrollplan's one control (#16): Bildningsnämnden's
 * sample finds invoices without attest (a deviation, with its action), the others' pass.
 */
function demoControlFollowUp(c: DemoDocumentContext): Record<string, unknown>[] {
  const row = { nr: 1, kontroll: 'Stickprov på 20 fakturor' };
  return c.namndCode === 'BIN'
    ? [
        {
          ...row,
          utfall: 'avvikelse',
          beskrivning: 'Tre av tjugo fakturor saknade attest av behörig person.',
          atgard:
            'Attestordningen gås igenom med alla budgetansvariga före oktober; nytt stickprov i november.',
        },
      ]
    : [{ ...row, utfall: 'genomford' }];
}

export interface DemoDocumentContext {
  type: DocumentTypeKey;
  /** The code of the nämnd (or KS) the document belongs to. */
  namndCode: string;
  unitName: string;
  year: number;
  period: string | null;
  /** The current year of the demo (the year in progress). */
  currentYear: number;
  /** The day the decisions are dated (YYYY-MM-DD). */
  decidedOn: string;
  /** The annual budget the reports are measured against (the adopted frame). */
  frame: number;
  /** This report carries the story's budget deviation. */
  deviating: boolean;
}

const beslut = (datum: string, paragraf: string, organ: string) => ({
  datum,
  paragraf,
  protokoll: `Justerat protokoll, ${organ} ${datum}`,
});

/** The form data a demo document is filled in with: every step's fields the workflow will ask for. */
export function demoDocumentData(c: DemoDocumentContext): Data {
  const { namndCode: code, year } = c;
  const mp = mandatePeriodOf(year);
  const goals = goalsOf(code);
  const goalId = (i: number) => `${code}-${i + 1}`;
  const review = { granskningskommentar: 'Granskad utan invändningar.' };
  const nBeslut = beslut(c.decidedOn, `§ ${10 + (year % 7)}`, 'nämnden');
  const ksBeslut = beslut(c.decidedOn, `§ ${120 + (year % 9)}`, 'kommunstyrelsen');
  const kfBeslut = beslut(c.decidedOn, `§ ${80 + (year % 11)}`, 'kommunfullmäktige');
  const ramar = DEMO_NAMND_CODES.map((n) => ({ namnd: n, ram: demoYearFrame(n, year) }));
  const months = monthsOf(c.type, c.period);
  const periodbudget = Math.round((c.frame * months) / 12);
  const prognos = c.deviating
    ? Math.round(c.frame * (1 + DEMO_STORY.deviationShare))
    : Math.round(c.frame * 0.996);
  const ekonomi = {
    arsbudget: c.frame,
    periodbudget,
    utfall: c.deviating ? Math.round(periodbudget * 1.03) : Math.round(periodbudget * 0.995),
    prognos,
  };
  const maluppfyllelse = goals.map((g, i) => ({
    namndmalId: goalId(i),
    indikator: g.indikator,
    utfall: resultOf(code, i + 1, year, c.currentYear),
    bedomning: resultOf(code, i + 1, year, c.currentYear) < START ? 'delvis' : 'enligt-plan',
  }));
  const analys = c.deviating
    ? 'Kostnaderna för tilläggsbelopp och skolskjuts har ökat kraftigt; prognosen visar ett underskott mot årsbudgeten.'
    : 'Ekonomin är i balans; prognosen visar ett litet överskott mot årsbudgeten.';
  const foreslagnaAtgarder = c.deviating
    ? 'Vakansprövning av alla tjänster och översyn av skolskjutsarna.'
    : 'Fortsatt återhållsamhet med inköp.';
  const investeringar = [
    { projekt: 'Ombyggnad av lokaler', budget: 4_000_000, utfall: 1_500_000, prognos: 4_000_000 },
  ];

  switch (c.type) {
    case 'bokslutsdialog':
      return {
        mote: { datum: c.decidedOn, plats: 'Kommunhuset, Sessionssalen', paragraf: `§ ${20 + (year % 9)}` },
        analys: c.deviating
          ? 'Året slutade med ett underskott mot ramen; kostnaderna för tilläggsbelopp och skolskjuts ökade mer än väntat.'
          : 'Uppdraget fullgjordes inom ramen; målen nåddes till största delen.',
        budgetdialog:
          'Nämnden presenterade sin verksamhetsberättelse; frågor om lokalbehov och kompetensförsörjning.',
        slutsatser:
          'Ramen för kommande år bör ta hänsyn till volymökningarna; uppföljningen av målen fortsätter per tertial.',
      };
    case 'gpf':
      return {
        strategiskaOmraden: [
          { namn: 'Hållbar kommun', beskrivning: 'Hallsberg växer med hänsyn till miljö och ekonomi.' },
          { namn: 'Livslångt lärande', beskrivning: 'Alla barn och elever når så långt som möjligt.' },
          { namn: 'Allas inflytande', beskrivning: 'Invånarna är delaktiga i kommunens utveckling.' },
          { namn: 'God service', beskrivning: 'Service av god kvalitet när den behövs.' },
        ],
        styrandePrioriteringar: ['Fler i egen försörjning', 'Ökad läsförmåga', 'Minskad energianvändning'],
        ramar,
        investeringsbudget: [
          { projekt: 'Ny förskola i Vretstorp', ar1: 18_000_000, ar2: 32_000_000, ar3: 4_000_000 },
          { projekt: 'Energieffektivisering Alléskolan', ar1: 6_500_000, ar2: 6_500_000, ar3: 0 },
        ],
        skattesats: 22.34,
        kommentar: 'Ramarna bygger på SKR:s skatteunderlagsprognos från april.',
        ...review,
        ksBeslut,
        beslut: kfBeslut,
      };
    case 'budget-och-flerarsplan':
      return {
        ramar: DEMO_NAMND_CODES.map((n) => ({
          namnd: n,
          ram: demoYearFrame(n, year),
          planAr2: demoYearFrame(n, year + 1),
          planAr3: demoYearFrame(n, year + 2),
        })),
        investeringsbudget: [
          {
            projekt: 'Ny förskola i Vretstorp',
            namnd: 'DSN',
            ar1: 18_000_000,
            ar2: 32_000_000,
            ar3: 4_000_000,
          },
        ],
        finansiellaMal: [
          {
            mal: 'Resultatet ska uppgå till minst 2 % av skatter och generella statsbidrag',
            indikator: 'Årets resultat i procent av skatter och generella statsbidrag',
            enhet: '%',
            riktning: 'minst',
            startvarde: 1.4,
            malvarde: 2,
          },
        ],
        malGodEkonomiskHushallning: [
          {
            mal: 'Nämnderna ska hålla sina budgetramar',
            indikator: 'Antal nämnder med negativ budgetavvikelse',
            enhet: 'st',
            riktning: 'hogst',
            startvarde: 2,
            malvarde: 0,
          },
        ],
        skattesats: 22.34,
        kommentar: 'Ramarna bygger på SKR:s skatteunderlagsprognos från oktober.',
        ...review,
        ksBeslut,
        skattesatsBeslut: { datum: c.decidedOn, paragraf: `§ ${70 + (year % 9)}`, skattesats: 22.34 },
        beslut: kfBeslut,
      };
    case 'mal-och-budget': {
      const netto = demoYearFrame(code, year);
      return {
        namndmal: goals.map((g, i) => ({
          id: goalId(i),
          titel: g.titel,
          strategisktOmrade: g.area,
          indikatorer: [
            {
              namn: g.indikator,
              ingangsvarde: START,
              malniva: TARGET,
              matdatum: `${mp.end}-12-31`,
              enhet: g.enhet,
            },
          ],
        })),
        budget: { intakter: Math.round(netto * 0.1), kostnader: Math.round(netto * 1.1), netto },
        flerarsplan: [
          { ar: year + 1, netto: demoYearFrame(code, year + 1) },
          { ar: year + 2, netto: demoYearFrame(code, year + 2) },
        ],
        ...review,
        beslut: nBeslut,
      };
    }
    case 'internkontrollplan':
      return {
        risker: [
          {
            risk: 'Attest av egna kostnader',
            sannolikhet: 2,
            konsekvens: 3,
            riskvarde: 6,
            kontroll: 'Stickprov på 20 fakturor',
            kontrollmal: ['en rättvisande och tillförlitlig redovisning och information om verksamheten'],
            metod: 'Stickprov',
            frekvens: 'Två gånger per år',
            ansvarig: 'Controller',
            rapporterasTill: c.unitName,
          },
        ],
        ...review,
        beslut: nBeslut,
      };
    case 'forvaltningsplan':
      return {
        fokusomraden: ['Kvalitet i kärnverksamheten', 'Kompetensförsörjning'],
        strategier: goals.map((g, i) => ({
          namndmalId: goalId(i),
          strategi: `Systematiskt arbete: ${g.titel.toLowerCase()}`,
          varfor: 'Målet är nämndens och förvaltningen bär det.',
          hur: 'Uppföljning varje månad i ledningsgruppen.',
        })),
        ...review,
      };
    case 'verksamhetsplan':
      return {
        bidragTillNamndmal: goals.map((g, i) => ({
          namndmalId: goalId(i),
          bidrag: `${c.unitName} bidrar: ${g.titel.toLowerCase()}.`,
        })),
        fokusomraden: ['Kvalitet', 'Arbetsmiljö'],
        onskatResultat: 'Nämndens mål nås inom mandatperioden.',
        resurser: { tillgangliga: 'Befintlig personal och budget.', behov: 'Kompetensutveckling.' },
        vemOchHur: 'Chefen ansvarar; uppföljning på arbetsplatsträffar.',
        ...review,
      };
    case 'enhetsplan':
      return {
        aktiviteter: [
          {
            titel: `${c.unitName}: aktivitet för ${goals[0].titel.toLowerCase()}`,
            namndmalId: goalId(0),
            ansvarig: 'Enhetschefen',
            klartDatum: `${year}-06-01`,
            status: year < c.currentYear ? 'genomford' : 'pagaende',
          },
        ],
        fokusomraden: ['Kvalitet'],
        aptDatum: `${year}-01-15`,
        ...review,
      };
    case 'manadsrapport':
      return {
        ekonomi,
        nyckeltal: [{ namn: 'Sjukfrånvaro', varde: 5.6, niva: 5, enhet: '%' }],
        avvikelser: c.deviating
          ? 'Kraftigt ökade kostnader för tilläggsbelopp.'
          : 'Inga väsentliga avvikelser.',
        analys,
        foreslagnaAtgarder,
        investeringar,
        investeringarKommentar: 'Investeringarna följer tidplanen.',
        ...review,
        ksBeslut,
        beslut: nBeslut,
      };
    case 'tertialrapport':
    case 'delarsrapport':
      return {
        ekonomi,
        ...(c.type === 'tertialrapport'
          ? { nyckeltal: [{ namn: 'Sjukfrånvaro', varde: 5.8, niva: 5, enhet: '%' }] }
          : {}),
        analys,
        verksamhetsanalys: 'Verksamheten följer i huvudsak planen.',
        maluppfyllelse,
        foreslagnaAtgarder,
        investeringar,
        investeringarKommentar: 'Investeringarna följer tidplanen.',
        ...(c.type === 'delarsrapport' ? { internkontroll: demoControlFollowUp(c) } : {}),
        ...review,
        beslut: nBeslut,
        ksBeslut,
      };
    case 'verksamhetsberattelse':
      return {
        ekonomi: { arsbudget: c.frame, utfall: Math.round(c.frame * 0.994) },
        maluppfyllelse,
        internkontroll: [{ nr: 1, kontroll: 'Stickprov på 20 fakturor', utfall: 'genomford' }],
        uppfoljningInternKontroll: 'Alla kontroller är genomförda; inga väsentliga brister.',
        uppdragUppfyllt: true,
        analys: 'Året slutar med ett litet överskott och goda resultat.',
        ...review,
        beslut: nBeslut,
        ksBeslut,
      };
    case 'delarsrapport-kommunen':
      return {
        sammanfattning: 'Periodens resultat är positivt och helårsprognosen visar ett överskott.',
        malUtfall: [
          { indikator: 'Årets resultat i procent av skatter och generella statsbidrag', utfall: 2.1 },
        ],
        kommentarNamnder: 'Nämnderna håller i stort sina ramar.',
        periodensResultat: 24_200_000,
        prognosAretsResultat: 18_000_000,
        ...review,
        ksBeslut: { datum: c.decidedOn, paragraf: ksBeslut.paragraf },
        beslut: { datum: c.decidedOn, paragraf: kfBeslut.paragraf },
      };
    case 'arsredovisning':
      return {
        sammanfattning: `Kommunens resultat ${year} blev 21,6 mkr, 2,2 % av skatter och generella statsbidrag.`,
        malUtfall: [
          { indikator: 'Årets resultat i procent av skatter och generella statsbidrag', utfall: 2.2 },
          { indikator: 'Antal nämnder med negativ budgetavvikelse', utfall: 0 },
        ],
        kommentarNamnder: 'Alla nämnder höll sina ramar.',
        balanskravsutredning: {
          aretsResultat: 21_600_000,
          realisationsvinster: 900_000,
          realisationsvinsterUndantag: 0,
          realisationsforlusterUndantag: 0,
          orealiseradeForluster: 0,
          aterforingOrealiseradeForluster: 0,
          tillResultatutjamningsreserv: 0,
          franResultatutjamningsreserv: 0,
        },
        revisorer: c.decidedOn,
        ...review,
        ksBeslut,
        beslut: kfBeslut,
      };
    default:
      return {};
  }
}
