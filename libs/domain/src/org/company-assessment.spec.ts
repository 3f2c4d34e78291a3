import {
  assessmentPrefill,
  companyFindings,
  directiveFulfilmentPrefill,
  findingOriginId,
  findingsOutsidePurpose,
  findingSummary,
} from './company-assessment';

describe("KS's yearly assessment of the companies (kommunallagen 6 kap. 9 §)", () => {
  it('starts with one row per company by name, with its holding in words and no finding', () => {
    expect(
      assessmentPrefill([
        { id: 'b2', name: 'Sydnärke Energi AB', ownership: { sharePercent: 40, memberMunicipalities: [] } },
        {
          id: 'b1',
          name: 'Hallsbergs Bostads AB',
          ownership: { sharePercent: 100, memberMunicipalities: [] },
        },
      ]),
    ).toEqual({
      bedomningar: [
        { bolagId: 'b1', bolag: 'Hallsbergs Bostads AB', agande: 'Helägt bolag (100 %)' },
        { bolagId: 'b2', bolag: 'Sydnärke Energi AB', agande: 'Delägt bolag (40 %)' },
      ],
    });
  });

  it('sends to KF only the companies found outside the purpose, and reads stored data defensively', () => {
    const data = {
      bedomningar: [
        {
          bolagId: 'b1',
          bolag: 'Hallsbergs Bostads AB',
          inomAndamal: 'ja',
          motivering: 'Enligt bolagsordningen.',
        },
        {
          bolagId: 'b2',
          bolag: 'Sydnärke Energi AB',
          inomAndamal: 'nej',
          motivering: 'Elhandel utanför kommunen.',
        },
        { bolag: 'utan id', inomAndamal: 'nej' },
        null,
      ],
    };
    expect(companyFindings(data).map((f) => f.bolagId)).toEqual(['b1', 'b2']);
    expect(findingsOutsidePurpose(data).map((f) => f.bolag)).toEqual(['Sydnärke Energi AB']);
    expect(findingsOutsidePurpose({})).toEqual([]);
    expect(findingsOutsidePurpose(null)).toEqual([]);
  });

  it('names a finding once per assessment and company, and tells KF why', () => {
    expect(findingOriginId('doc-1', 'b2')).toBe('doc-1__b2');
    expect(
      findingSummary(
        { bolagId: 'b2', bolag: 'Sydnärke Energi AB', motivering: ' Elhandel utanför kommunen. ' },
        2027,
      ),
    ).toBe(
      'Kommunstyrelsen har i sin bedömning av bolagen för 2027 (kommunallagen 6 kap. 9 §) funnit att verksamheten i Sydnärke Energi AB inte har bedrivits i enlighet med det kommunala ändamålet och inom de kommunala befogenheterna. Motivering: Elhandel utanför kommunen.',
    );
  });

  it("starts a company's report with the common directives, then its own", () => {
    expect(
      directiveFulfilmentPrefill(
        { direktiv: [{ rubrik: 'Information till ägaren', text: '…' }, { rubrik: ' ' }] },
        { direktiv: [{ rubrik: 'Bostadsförsörjning', text: '…' }] },
      ),
    ).toEqual([
      { direktiv: 'Information till ägaren', kalla: 'gemensamma' },
      { direktiv: 'Bostadsförsörjning', kalla: 'bolagsspecifika' },
    ]);
    expect(directiveFulfilmentPrefill(null, undefined)).toEqual([]);
  });
});
