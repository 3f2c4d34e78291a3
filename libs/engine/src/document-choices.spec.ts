import type { DataSource } from 'typeorm';
import { BILDNING_CHAIN, orgTreeOf } from '@rodtrad/domain';
import { createFormValidator } from '@rodtrad/workflow';
import {
  DocumentChoices,
  UNKNOWN_GOAL_MESSAGE,
  withAnnualBudget,
  withChoices,
  withGoalMessages,
} from './document-choices';

const schema = {
  type: 'object',
  allOf: [
    {
      properties: {
        namndmal: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              strategisktOmrade: { type: 'string', title: 'Strategiskt område' },
            },
          },
        },
        aktiviteter: {
          type: 'array',
          items: { type: 'object', properties: { namndmalId: { type: 'string' } } },
        },
      },
    },
  ],
};

describe('withChoices', () => {
  const choices = {
    strategicAreas: ['Hållbar kommun', 'God service'],
    namndmal: [{ id: 'BIN-1', titel: 'Fler behöriga' }],
  };

  it('offers only the strategic areas of the period and the nämnd’s adopted goals, wherever the fields sit', () => {
    const out = withChoices(schema, choices) as typeof schema & Record<string, never>;
    const props = out.allOf[0].properties;
    expect(props.namndmal.items.properties.strategisktOmrade).toEqual({
      type: 'string',
      title: 'Strategiskt område',
      enum: ['Hållbar kommun', 'God service'],
      enumNames: ['Hållbar kommun', 'God service'],
    });
    expect(props.aktiviteter.items.properties.namndmalId).toMatchObject({
      enum: ['BIN-1'],
      enumNames: ['BIN-1 – Fler behöriga'],
    });
  });

  it('makes the server refuse a choice that is not offered, at its field', () => {
    const v = createFormValidator();
    const errors = v.validate(withChoices(schema, choices), { aktiviteter: [{ namndmalId: 'SAN-9' }] });
    expect(errors.map((e) => e.pointer)).toEqual(['/aktiviteter/0/namndmalId']);
    expect(v.validate(withChoices(schema, choices), { aktiviteter: [{ namndmalId: 'BIN-1' }] })).toEqual([]);
  });

  it('leaves the schema as it is when there is nothing to choose from, and never changes the original', () => {
    expect(withChoices(schema, {})).toEqual(schema);
    withChoices(schema, choices);
    expect(schema.allOf[0].properties.aktiviteter.items.properties.namndmalId).toEqual({ type: 'string' });
  });
});

describe('withChoices: the annual budget', () => {
  const report = {
    type: 'object',
    properties: {
      ekonomi: {
        type: 'object',
        properties: { arsbudget: { type: 'integer', readOnly: true }, prognos: { type: 'integer' } },
      },
    },
  };

  it('prefills arsbudget with the adopted frame and refuses another figure at its field', () => {
    const out = withChoices(report, { arsbudget: 550_000_000 });
    expect((out as typeof report).properties.ekonomi.properties.arsbudget).toEqual({
      type: 'integer',
      readOnly: true,
      const: 550_000_000,
      default: 550_000_000,
    });
    const v = createFormValidator();
    expect(
      v.validate(out, { ekonomi: { arsbudget: 560_000_000, prognos: 1 } }).map((e) => e.pointer),
    ).toEqual(['/ekonomi/arsbudget']);
    expect(v.validate(out, { ekonomi: { arsbudget: 550_000_000, prognos: 1 } })).toEqual([]);
  });

  it('stores the adopted figure whatever the author sends, and leaves data alone without one', () => {
    const out = withChoices({ allOf: [report] }, { arsbudget: 550_000_000 });
    expect(withAnnualBudget(out, { ekonomi: { arsbudget: 1, prognos: 562_000_000 }, analys: 'x' })).toEqual({
      ekonomi: { arsbudget: 550_000_000, prognos: 562_000_000 },
      analys: 'x',
    });
    expect(withAnnualBudget(out, {})).toEqual({ ekonomi: { arsbudget: 550_000_000 } });
    expect(withAnnualBudget(report, { ekonomi: { arsbudget: 1 } })).toEqual({ ekonomi: { arsbudget: 1 } });
  });
});

describe('DocumentChoices', () => {
  const tree = orgTreeOf(...BILDNING_CHAIN);
  const enhetsplan = { type: 'enhetsplan', orgUnitId: 'transten', year: 2031 };

  it('reads the nämnd’s plan until it is adopted, then keeps the adopted goals without asking again', async () => {
    const plan: { row?: Record<string, unknown> } = {};
    const query = jest.fn(async () => (plan.row ? [plan.row] : []));
    const choices = new DocumentChoices({ query } as unknown as DataSource);

    // No Mål- och budget at all: nothing to choose, and the form says so.
    expect(await choices.for(enhetsplan, tree)).toEqual({ namndmal: [], namndmalSource: null });
    expect(query).toHaveBeenLastCalledWith(expect.stringContaining("type = 'mal-och-budget'"), ['bin', 2031]);

    // Not adopted yet: its goals as they stand are offered, and named as not adopted (#18).
    const title = 'Mål- och budget 2031 – Bildningsnämnden';
    const draft = { namndmal: [{ id: 'BIN-1', titel: 'Fler behöriga' }] };
    plan.row = { id: 'mb-1', title, final: 0, data: JSON.stringify(draft) };
    const offered = { namndmal: draft.namndmal, namndmalSource: { id: 'mb-1', title, adopted: false } };
    expect(await choices.for(enhetsplan, tree)).toEqual(offered);
    expect(await choices.for(enhetsplan, tree)).toEqual(offered);
    expect(query).toHaveBeenCalledTimes(3);

    plan.row = { ...plan.row, final: 1 };
    const goals = { namndmal: draft.namndmal, namndmalSource: { id: 'mb-1', title, adopted: true } };
    expect(await choices.for(enhetsplan, tree)).toEqual(goals);
    expect(await choices.for(enhetsplan, tree)).toEqual(goals);
    expect(await choices.for({ ...enhetsplan, year: 2032 }, tree)).toEqual({ ...goals });
    expect(query).toHaveBeenCalledTimes(5);
  });

  it('names where the nämndmål come from at the field, and says what an unknown one means', () => {
    const form = {
      type: 'object',
      properties: {
        aktiviteter: {
          type: 'array',
          items: { type: 'object', properties: { namndmalId: { type: 'string' } } },
        },
      },
    };
    const source = { id: 'mb-1', title: 'Mål- och budget 2031 – Bildningsnämnden', adopted: false };
    const out = withChoices(form, {
      namndmal: [{ id: 'BIN-1', titel: 'Fler behöriga' }],
      namndmalSource: source,
    });
    const field = (out as typeof form).properties.aktiviteter.items.properties.namndmalId as Record<
      string,
      unknown
    >;
    expect(field).toMatchObject({
      enum: ['BIN-1'],
      enumNames: ['BIN-1 – Fler behöriga'],
      'x-choices-from': source,
    });
    expect(field['description']).toMatch(/inte fastställd ännu/);
    const errors = createFormValidator().validate(out, { aktiviteter: [{ namndmalId: 'BIN-9' }] });
    expect(withGoalMessages(errors)).toEqual([
      { pointer: '/aktiviteter/0/namndmalId', message: UNKNOWN_GOAL_MESSAGE },
    ]);
  });

  it('offers the municipality’s reports the indicators of KF’s adopted goals, and the server refuses others', async () => {
    const budget = {
      finansiellaMal: [
        {
          mal: 'Minst 2 %',
          indikator: 'Årets resultat i procent av skatter och generella statsbidrag',
          riktning: 'minst',
          malvarde: 2,
        },
      ],
      malGodEkonomiskHushallning: [
        {
          mal: 'Inga underskott',
          indikator: 'Antal nämnder med negativ budgetavvikelse',
          riktning: 'hogst',
          malvarde: 0,
        },
      ],
    };
    const query = jest.fn(async () => [{ data: JSON.stringify(budget) }]);
    const choices = await new DocumentChoices({ query } as unknown as DataSource).for(
      { type: 'arsredovisning', orgUnitId: 'ks', year: 2031 },
      tree,
    );
    expect(choices).toEqual({
      kfIndicators: [
        'Årets resultat i procent av skatter och generella statsbidrag',
        'Antal nämnder med negativ budgetavvikelse',
      ],
    });
    expect(query).toHaveBeenCalledWith(expect.stringContaining("type = 'budget-och-flerarsplan'"), [2031]);
    const form = {
      type: 'object',
      properties: {
        malUtfall: {
          type: 'array',
          items: {
            type: 'object',
            properties: { indikator: { type: 'string' }, utfall: { type: 'number' } },
          },
        },
      },
    };
    const v = createFormValidator();
    expect(
      v.validate(withChoices(form, choices), { malUtfall: [{ indikator: 'Något annat', utfall: 1 }] }),
    ).toEqual([expect.objectContaining({ pointer: '/malUtfall/0/indikator' })]);
    // A nämnd's report, whose choices are its nämndmål, keeps its own indicators free.
    expect(withChoices(form, { namndmal: [{ id: 'BIN-1', titel: 'x' }] })).toEqual(form);
  });
});
