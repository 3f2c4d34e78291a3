import { DEMO_UNITS, DemoUnit } from './hallsberg-units';
import { DEMO_USERS, DemoUser } from './hallsberg-users';

export interface DemoMandatePeriod {
  key: string;
  name: string;
  startYear: number;
  endYear: number;
  /** First and last day of the period's budget years: the span indicators are planned over. */
  startDate: string;
  endDate: string;
}

export interface DemoCoreValue {
  name: string;
  description: string;
}

export interface DemoStrategicArea {
  key: string;
  mandatePeriodKey: string;
  name: string;
  description: string;
}

/** A nämnd's ekonomiska ram for one budget year, in kronor (net cost). */
export interface DemoFrame {
  unitKey: string;
  budgetYear: number;
  kronor: number;
}

export interface DemoMunicipality {
  name: string;
  units: readonly DemoUnit[];
  users: readonly DemoUser[];
  mandatePeriods: readonly DemoMandatePeriod[];
  vision: string;
  visionText: string;
  coreValues: readonly DemoCoreValue[];
  strategicAreas: readonly DemoStrategicArea[];
  frames: readonly DemoFrame[];
}

const MANDATE_PERIODS: DemoMandatePeriod[] = [2023, 2027].map((startYear) => ({
  key: `${startYear}-${startYear + 3}`,
  name: `Mandatperiod ${startYear}–${startYear + 3}`,
  startYear,
  endYear: startYear + 3,
  startDate: `${startYear}-01-01`,
  endDate: `${startYear + 3}-12-31`,
}));

// Shortened from §5.1.2 of the source.
const CORE_VALUES: DemoCoreValue[] = [
  {
    name: 'Glädje',
    description:
      'Varierande mötesplatser där människor känner glädje och stolthet. Vi bemöter varandra med respekt, inspirerar och ger varandra kraft och energi.',
  },
  {
    name: 'Driv',
    description:
      'Här får man saker gjorda. Vi fångar upp goda idéer och omsätter dem i verklighet, och kommunicerar tydligt och öppet.',
  },
  {
    name: 'Öppenhet',
    description:
      'I dialog med invånare och näringsliv utvecklas hela kommunen. Stora förändringar är väl förankrade hos dem som berörs.',
  },
];

// Shortened from §5.1.3 of the source; KF decided the same four areas for both periods in the demo.
const AREAS: Omit<DemoStrategicArea, 'mandatePeriodKey'>[] = [
  {
    key: 'hallbar-kommun',
    name: 'Hållbar kommun',
    description:
      'Ett ekonomiskt, socialt och ekologiskt hållbart samhälle där livskvaliteten ökar utan att den gemensamma miljön påverkas. Ordning och reda i ekonomin, fler i arbete och minskade utsläpp.',
  },
  {
    key: 'livslangt-larande',
    name: 'Livslångt lärande',
    description:
      'Lärandet från förskola via grund- och gymnasieskola till vuxenutbildning är basen. Allas lika rätt till en bra utbildning är en förutsättning för ett gott liv.',
  },
  {
    key: 'allas-inflytande',
    name: 'Allas inflytande',
    description:
      'Verksamheterna verkar nära individen, bemöter professionellt och är lyhörda för idéer och synpunkter. De som berörs ges inflytande vid större förändringar.',
  },
  {
    key: 'god-service',
    name: 'God service',
    description:
      'Verksamheterna kommunicerar tydligt och öppet, och invånarna får större möjlighet att ta del av kommunal service och flexibel omsorg även efter kontorstid.',
  },
];

// Invented but of Hallsberg's order of magnitude (about 16 000 inhabitants).
const FRAMES_2027: Record<string, number> = {
  ks: 98_500_000,
  bin: 548_000_000,
  san: 452_000_000,
  dsn: 112_000_000,
  myn: 6_200_000,
  val: 1_400_000,
};

/** Frames grow about 3 % a year; election years cost Valnämnden more. */
function framesFor(budgetYear: number): DemoFrame[] {
  return Object.entries(FRAMES_2027).map(([unitKey, kronor]) => {
    const grown = Math.round((kronor * 1.03 ** (budgetYear - 2027)) / 100_000) * 100_000;
    const election = unitKey === 'val' && budgetYear % 4 === 2 ? 2 : 1;
    return { unitKey, budgetYear, kronor: grown * election };
  });
}

/** The demo municipality as pure data; seeds and tests read it, nothing here does I/O. */
export const DEMO_MUNICIPALITY: DemoMunicipality = {
  name: 'Hallsbergs kommun',
  units: DEMO_UNITS,
  users: DEMO_USERS,
  mandatePeriods: MANDATE_PERIODS,
  vision: 'Det öppna Hallsberg',
  visionText:
    'I Hallsbergs kommun är alla välkomna, oavsett vem man är, var man kommer från och vart man är på väg. Vi ser positivt på framtiden och tar långsiktigt ansvar för nuvarande och kommande utmaningar.',
  coreValues: CORE_VALUES,
  strategicAreas: MANDATE_PERIODS.flatMap((period) =>
    AREAS.map((area) => ({ ...area, mandatePeriodKey: period.key })),
  ),
  frames: [2026, 2027, 2028].flatMap(framesFor),
};

export function demoFrame(unitKey: string, budgetYear: number): number | undefined {
  return DEMO_MUNICIPALITY.frames.find((f) => f.unitKey === unitKey && f.budgetYear === budgetYear)?.kronor;
}
