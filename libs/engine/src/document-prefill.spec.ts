import { budgetPrefill } from './document-prefill';

describe('Budget och flerårsplan starts from the GPF and last year’s budget', () => {
  const gpf = {
    strategiskaOmraden: [{ namn: 'Livslångt lärande' }],
    ramar: [
      { namnd: 'BIN', ram: 612_000_000 },
      { namnd: 'SAN', ram: 498_000_000 },
      { namnd: 'X', ram: 'mycket' },
    ],
    investeringsbudget: [
      { projekt: 'Ny förskola i Vretstorp', ar1: 18_000_000, ar2: 32_000_000, ar3: 4_000_000 },
    ],
    skattesats: 22.29,
  };
  const goal = {
    mal: 'Resultatet ska uppgå till minst 2 % av skatter och generella statsbidrag',
    indikator: 'Årets resultat i procent av skatter och generella statsbidrag',
    riktning: 'minst',
    startvarde: 1.4,
    malvarde: 2,
  };

  it('takes the GPF’s frames, investments and tax rate, and last year’s goals', () => {
    expect(budgetPrefill(gpf, { finansiellaMal: [goal], malGodEkonomiskHushallning: [] })).toEqual({
      ramar: [
        { namnd: 'BIN', ram: 612_000_000 },
        { namnd: 'SAN', ram: 498_000_000 },
      ],
      investeringsbudget: gpf.investeringsbudget,
      skattesats: 22.29,
      finansiellaMal: [goal],
    });
  });

  it('starts empty without an adopted GPF or budget', () => {
    expect(budgetPrefill(null, undefined)).toEqual({});
  });
});
