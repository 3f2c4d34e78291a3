import { keepReadOnlyFields } from './read-only-fields';

// The enhetsplan's draft step: the reviewer's comment is read-only to the author.
const draftUi = {
  aktiviteter: { items: { status: { 'ui:readonly': true } } },
  granskningskommentar: { 'ui:widget': 'textarea', 'ui:readonly': true },
};

describe('per-step edit rights of fields (ui:readonly)', () => {
  it("keeps the reviewer's comment whatever the author sends", () => {
    expect(
      keepReadOnlyFields(
        draftUi,
        { granskningskommentar: 'Koppla till nämndmålen.', aptDatum: '2027-01-10' },
        { granskningskommentar: 'Allt är bra.', aptDatum: '2027-01-15' },
      ),
    ).toEqual({ granskningskommentar: 'Koppla till nämndmålen.', aptDatum: '2027-01-15' });
  });

  it('lets a read-only field that is still empty be filled, and keeps it from then on', () => {
    const first = keepReadOnlyFields(
      draftUi,
      { granskningskommentar: '' },
      { granskningskommentar: 'Första' },
    );
    expect(first).toEqual({ granskningskommentar: 'Första' });
    expect(keepReadOnlyFields(draftUi, first, { granskningskommentar: 'Andra' })).toEqual(first);
  });

  it("keeps a read-only column of an array's rows and lets the rest change", () => {
    expect(
      keepReadOnlyFields(
        draftUi,
        { aktiviteter: [{ titel: 'A', status: 'planerad' }] },
        {
          aktiviteter: [
            { titel: 'B', status: 'genomford' },
            { titel: 'C', status: 'pagaende' },
          ],
        },
      ),
    ).toEqual({
      aktiviteter: [
        { titel: 'B', status: 'planerad' },
        { titel: 'C', status: 'pagaende' },
      ],
    });
  });

  it('keeps a read-only object or list whole', () => {
    const ui = { aktiviteter: { 'ui:readonly': true } };
    expect(keepReadOnlyFields(ui, { aktiviteter: [{ titel: 'A' }] }, { aktiviteter: [] })).toEqual({
      aktiviteter: [{ titel: 'A' }],
    });
  });
});
