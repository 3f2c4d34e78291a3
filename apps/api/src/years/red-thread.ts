import {
  DEFAULT_MAX_GOALS,
  indicatorFulfilment,
  mandateSpan,
  readKoladaLink,
  resultDay,
  tooManyGoals,
  type GoalColour,
  type KoladaLink,
  type OrgTree,
} from '@rodtrad/domain';
import type { KoladaIndicatorView } from '@rodtrad/engine';

/** A document of the year as the red thread reads it: who owns it and what it says. */
export interface RedThreadDocument {
  id: string;
  type: string;
  orgUnitId: string;
  state: string;
  period: string | null;
  data: Record<string, unknown>;
}

export interface RedThreadInput {
  year: number;
  mandatePeriod: { startYear: number; endYear: number; vision: string; coreValues: unknown[] } | null;
  strategicAreas: { id: string; name: string; description: string }[];
  documents: RedThreadDocument[];
  tree: OrgTree;
  namndId?: string;
  maxGoals?: number;
  /** An indicator's Kolada figures up to the year, for the indicators linked to a KPI (#19). */
  kolada?: (link: KoladaLink, uptoYear: number) => KoladaIndicatorView;
}

type Indicator = {
  namn?: string;
  ingangsvarde?: number;
  malniva?: number;
  matdatum?: string;
  enhet?: string;
  kolada?: unknown;
};
type Goal = {
  id?: string;
  titel?: string;
  strategisktOmrade?: string;
  beskrivning?: string;
  indikatorer?: Indicator[];
};
type Result = { namndmalId?: string; indikator?: string; utfall?: number };

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/**
 * vision → strategic areas → nämndmål (with indicators, their latest result and colour) →
 * strategies (förvaltningsplan) → contributions (verksamhetsplan) → activities (enhetsplan),
 * each linked to the document it comes from. Downstream documents are matched to a goal by its id
 * within the same nämnd, so two nämnder may both have a goal "1".
 */
export function buildRedThread(input: RedThreadInput) {
  const { tree, year } = input;
  const unit = (id: string) => tree.get(id);
  const namndOf = (id: string) => (tree.has(id) ? tree.namndOf(id)?.id : undefined);
  const ref = (d: RedThreadDocument) => ({
    documentId: d.id,
    orgUnitId: d.orgUnitId,
    orgUnitName: unit(d.orgUnitId)?.name ?? '',
    documentState: d.state,
  });
  const docs = input.documents.filter((d) => !input.namndId || namndOf(d.orgUnitId) === input.namndId);
  const ofType = (type: string) => docs.filter((d) => d.type === type);
  const span = mandateSpan(input.mandatePeriod, year);
  const reports = docs
    .map((d) => ({ d, at: resultDay(d.type, year) as string }))
    .filter((r) => r.at)
    .sort((a, b) => (a.at < b.at ? 1 : -1));

  const koladaOf = (ind: Indicator) => {
    const link = readKoladaLink(ind.kolada);
    return link && input.kolada ? input.kolada(link, year) : null;
  };

  const goals = ofType('mal-och-budget').flatMap((mob) => {
    const namnd = unit(mob.orgUnitId);
    return arr<Goal>(mob.data['namndmal']).map((g) => {
      const id = String(g.id ?? '');
      const sameNamnd = (d: RedThreadDocument) => namndOf(d.orgUnitId) === mob.orgUnitId;
      const indikatorer = arr<Indicator>(g.indikatorer).map((ind) => {
        let latest: Record<string, unknown> | null = null;
        for (const { d, at } of reports) {
          if (d.orgUnitId !== mob.orgUnitId) continue;
          const r = arr<Result>(d.data['maluppfyllelse']).find(
            (x) => x.namndmalId === id && x.indikator === ind.namn,
          );
          if (r && typeof r.utfall === 'number') {
            latest = { utfall: r.utfall, at, documentType: d.type, ...ref(d) };
            break;
          }
        }
        // The same measure the escalation of a lacking goal uses (assessGoalFulfilment); an
        // indicator whose figures are missing or contradict themselves gets no colour.
        const colour: GoalColour | null = latest
          ? (indicatorFulfilment(ind, latest['utfall'] as number, latest['at'] as string, span)?.colour ??
            null)
          : null;
        return {
          namn: ind.namn ?? '',
          ingangsvarde: ind.ingangsvarde ?? null,
          malniva: ind.malniva ?? null,
          matdatum: ind.matdatum ?? null,
          enhet: ind.enhet ?? null,
          latest,
          colour,
          kolada: koladaOf(ind),
        };
      });
      const linked = <T extends { namndmalId?: string }>(type: string, field: string) =>
        ofType(type)
          .filter(sameNamnd)
          .flatMap((d) =>
            arr<T>(d.data[field])
              .filter((x) => x.namndmalId === id)
              .map((x) => ({ x, d })),
          );
      return {
        id,
        titel: g.titel ?? '',
        strategisktOmrade: g.strategisktOmrade ?? '',
        beskrivning: g.beskrivning ?? null,
        namnd: { id: mob.orgUnitId, name: namnd?.name ?? '', code: namnd?.code ?? '' },
        documentId: mob.id,
        documentState: mob.state,
        indikatorer,
        strategier: linked<{ namndmalId?: string; strategi?: string; hur?: string }>(
          'forvaltningsplan',
          'strategier',
        ).map(({ x, d }) => ({ strategi: x.strategi ?? '', hur: x.hur ?? null, ...ref(d) })),
        bidrag: linked<{ namndmalId?: string; bidrag?: string }>('verksamhetsplan', 'bidragTillNamndmal').map(
          ({ x, d }) => ({ bidrag: x.bidrag ?? '', ...ref(d) }),
        ),
        aktiviteter: linked<{
          namndmalId?: string;
          titel?: string;
          ansvarig?: string;
          klartDatum?: string;
          status?: string;
        }>('enhetsplan', 'aktiviteter').map(({ x, d }) => ({
          titel: x.titel ?? '',
          ansvarig: x.ansvarig ?? null,
          klartDatum: x.klartDatum ?? null,
          status: x.status ?? null,
          ...ref(d),
        })),
      };
    });
  });

  const max = input.maxGoals ?? DEFAULT_MAX_GOALS;
  const warnings = ofType('mal-och-budget')
    .map((mob) => ({ mob, count: arr(mob.data['namndmal']).length }))
    .filter(({ count }) => tooManyGoals(count, max))
    .map(({ mob, count }) => ({
      code: 'tooManyGoals' as const,
      message: `${unit(mob.orgUnitId)?.name ?? 'Nämnden'} har ${count} nämndmål; målen ska vara levande och rimliga i antal (högst ${max}).`,
      namndId: mob.orgUnitId,
      count,
      max,
    }));

  const areaNames = new Set(input.strategicAreas.map((a) => a.name));
  return {
    year,
    mandatePeriod: input.mandatePeriod
      ? { startYear: input.mandatePeriod.startYear, endYear: input.mandatePeriod.endYear }
      : null,
    vision: input.mandatePeriod?.vision ?? null,
    coreValues: input.mandatePeriod?.coreValues ?? [],
    strategicAreas: input.strategicAreas.map((a) => ({
      ...a,
      namndmal: goals.filter((g) => g.strategisktOmrade === a.name),
    })),
    otherGoals: goals.filter((g) => !areaNames.has(g.strategisktOmrade)),
    warnings,
  };
}

export type RedThread = ReturnType<typeof buildRedThread>;
