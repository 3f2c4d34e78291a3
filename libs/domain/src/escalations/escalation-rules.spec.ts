import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_TYPE_KEYS } from '../document-types/document-type-traits';
import { ESCALATION_KIND_NAMES, ESCALATION_KINDS, escalationKindNamed } from './escalation-kinds';
import {
  ACTION_PLAN_TYPES,
  ESCALATION_RULES,
  escalationChecksFor,
  escalationKindFor,
} from './escalation-rules';

describe('escalation rules', () => {
  it('a submitted report runs the checks its type carries, in the order budget, goal, balance, investment', () => {
    const checks = Object.fromEntries(DOCUMENT_TYPE_KEYS.map((t) => [t, escalationChecksFor(t)]));
    expect(checks).toEqual({
      gpf: [],
      'budget-och-flerarsplan': [],
      'mal-och-budget': [],
      forvaltningsplan: [],
      verksamhetsplan: [],
      enhetsplan: [],
      internkontrollplan: [],
      atgardsplan: [],
      manadsrapport: ['budget', 'investment'],
      tertialrapport: ['budget', 'goal', 'investment'],
      delarsrapport: ['budget', 'goal', 'investment'],
      // The balance requirement is the municipality's, in its årsredovisning (#15).
      verksamhetsberattelse: [],
      'delarsrapport-kommunen': [],
      arsredovisning: ['balance'],
      'kf-arende': [],
      bokslutsdialog: [],
      // A company's report and the owner documents are followed up by KS's assessment, not checked (#16).
      bolagsordning: [],
      bolagspolicy: [],
      'agardirektiv-gemensamma': [],
      agardirektiv: [],
      bolagsrapport: [],
      'ks-bolagsbedomning': [],
    });
    expect(escalationChecksFor('okand-typ')).toEqual([]);
  });

  it('a deficit, lacking goals and an investment overrun go to KS with an ordinary plan; a balance deficit to KF with a särskild one', () => {
    expect(
      ESCALATION_KINDS.map((k) => [
        k,
        ESCALATION_RULES[k].toBody,
        ESCALATION_RULES[k].planType,
        ESCALATION_RULES[k].sarskildPlan,
      ]),
    ).toEqual([
      ['budget', 'ks', 'budget', false],
      ['goal', 'ks', 'mal', false],
      ['balance', 'kf', 'balanskrav', true],
      ['adhoc', 'ks', 'budget', false],
      ['investment', 'ks', 'investering', false],
    ]);
  });

  it('a workflow action names a kind or a Swedish alias; without one, the document type decides', () => {
    expect(escalationKindFor('manadsrapport', 'budgetavvikelse')).toBe('budget');
    expect(escalationKindFor('manadsrapport', 'Maluppfyllelse')).toBe('goal');
    expect(escalationKindFor('tertialrapport', 'balanskrav')).toBe('balance');
    expect(escalationKindFor('tertialrapport', 'adhoc')).toBe('adhoc');
    expect(escalationKindFor('arsredovisning')).toBe('balance');
    expect(escalationKindFor('verksamhetsberattelse')).toBe('adhoc');
    expect(escalationKindFor('tertialrapport', '')).toBe('goal');
    expect(escalationKindFor('delarsrapport')).toBe('goal');
    expect(escalationKindFor('manadsrapport')).toBe('budget');
    expect(escalationKindFor('mal-och-budget')).toBe('budget');
    expect(escalationKindFor('enhetsplan')).toBe('adhoc');
    // Only an effect written before definitions were checked can still name something else.
    expect(escalationKindNamed('forsenad-plan')).toBe('adhoc');
    expect(escalationKindNamed('constructor')).toBe('adhoc');
    expect(ESCALATION_KIND_NAMES).toEqual([
      'budget',
      'goal',
      'balance',
      'adhoc',
      'investment',
      'budgetavvikelse',
      'mal',
      'maluppfyllelse',
      'balanskrav',
      'investering',
    ]);
  });

  it('the åtgärdsplan form offers exactly the plan types the rules produce', () => {
    const schema = JSON.parse(
      readFileSync(join(__dirname, '../../../../forms/atgardsplan/content.schema.json'), 'utf8'),
    ) as { properties: { avvikelse: { properties: { typ: { enum: string[] } } } } };
    expect(schema.properties.avvikelse.properties.typ.enum).toEqual([...ACTION_PLAN_TYPES]);
    const produced = new Set(ESCALATION_KINDS.map((k) => ESCALATION_RULES[k].planType));
    expect([...produced].sort()).toEqual([...ACTION_PLAN_TYPES].sort());
  });
});
