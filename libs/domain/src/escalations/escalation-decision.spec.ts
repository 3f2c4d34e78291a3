import {
  escalationDecisionProblems,
  ESCALATION_DECISION_LABELS,
  ESCALATION_DECISIONS,
} from './escalation-decision';

const TODAY = '2031-05-20';
const valid = { decision: 'anteckna', meetingDate: '2031-05-19', paragraph: '§ 45' };

describe("KS's decision on an escalation", () => {
  it('accepts each decision with a past meeting and a paragraph as in the protocol', () => {
    for (const decision of ESCALATION_DECISIONS)
      expect(
        escalationDecisionProblems({ ...valid, decision, advice: 'Se över bemanningen.' }, TODAY),
      ).toEqual([]);
    expect(escalationDecisionProblems({ ...valid, paragraph: '§45a' }, TODAY)).toEqual([]);
    expect(escalationDecisionProblems({ ...valid, meetingDate: TODAY }, TODAY)).toEqual([]);
  });

  it('names every field that is wrong, by pointer', () => {
    const problems = escalationDecisionProblems(
      { decision: 'kvittera', meetingDate: '2031-02-30', paragraph: '45' },
      TODAY,
    );
    expect(problems.map((p) => p.pointer)).toEqual(['/decision', '/meetingDate', '/paragraph']);
  });

  it('requires the advice itself when KS gives advice, and not otherwise', () => {
    expect(escalationDecisionProblems({ ...valid, decision: 'lamna_rad', advice: '  ' }, TODAY)).toEqual([
      { pointer: '/advice', message: 'Skriv kommunstyrelsens råd till nämnden.' },
    ]);
    expect(escalationDecisionProblems({ ...valid, decision: 'fora_till_kf' }, TODAY)).toEqual([]);
  });

  it('refuses a meeting after today: the decision is recorded after the meeting', () => {
    expect(escalationDecisionProblems({ ...valid, meetingDate: '2031-05-21' }, TODAY)).toEqual([
      expect.objectContaining({ pointer: '/meetingDate' }),
    ]);
  });

  it('has a Swedish label for each decision', () => {
    expect(ESCALATION_DECISIONS.map((d) => ESCALATION_DECISION_LABELS[d])).toEqual([
      'Lämna råd',
      'För ärendet till kommunfullmäktige',
      'Anteckna för kännedom',
    ]);
  });
});
