/**
 * Form data for the top of Bildningsnämnden's chain in the demo organisation, for specs that carry
 * it to adoption: KF's GPF (strategic areas, the frames of KS and BIN, one investment) and
 * Bildningsnämnden's Mål och budget (goal BIN-1 with one indicator, a budget within the frame).
 */

/** A decision's date and paragraph, as the DECIDE forms take it. */
export const BESLUT = (paragraf: string) => ({ datum: '2026-06-15', paragraf });

export const CHAIN_GPF_DATA = {
  strategiskaOmraden: [
    { namn: 'Livslångt lärande', beskrivning: 'Alla barn och elever når målen.' },
    { namn: 'God service' },
  ],
  styrandePrioriteringar: ['Tidiga insatser för barn och unga'],
  ramar: [
    { namnd: 'KS', ram: 98_500_000 },
    { namnd: 'BIN', ram: 548_000_000 },
  ],
  investeringsbudget: [{ projekt: 'Ny förskola i Vretstorp', ar1: 30_000_000, ar2: 20_000_000, ar3: 0 }],
};

export const CHAIN_MAL_OCH_BUDGET_DATA = {
  namndmal: [
    {
      id: 'BIN-1',
      titel: 'Fler elever är behöriga till gymnasiet',
      strategisktOmrade: 'Livslångt lärande',
      indikatorer: [
        { namn: 'Andel behöriga', ingangsvarde: 80, malniva: 90, matdatum: '2030-12-31', enhet: 'procent' },
      ],
    },
  ],
  budget: { intakter: 60_000_000, kostnader: 600_000_000, netto: 540_000_000 },
  flerarsplan: [{ ar: 2028, netto: 556_000_000 }],
};
