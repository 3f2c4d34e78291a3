import { planFiring, type FiringDeadline } from './deadline-firing';

const now = new Date('2027-03-16T08:00:00Z');
const due: FiringDeadline = {
  kind: 'due',
  state: 'utkast',
  dueAt: new Date('2027-03-15T22:59:59Z'),
  onDue: null,
};
const reminder: FiringDeadline = { ...due, kind: 'reminder', dueAt: new Date('2027-03-18T22:59:59Z') };
const open = { state: 'utkast', final: false };
const rektor = { userId: 'rektor' };
const chef = { userId: 'chef' };

describe('planFiring', () => {
  it('spends the deadline without a word when the step was left, the document is done or gone', () => {
    const base = { deadline: due, responsible: [rektor], nextLevelUp: [chef], now };
    expect(planFiring({ ...base, document: { state: 'inlamnad', final: false } })).toEqual({
      action: 'skip',
      reason: 'step already left',
    });
    expect(planFiring({ ...base, document: { state: 'utkast', final: true } }).action).toBe('skip');
    expect(planFiring({ ...base, document: null }).action).toBe('skip');
  });

  it('reminds everyone responsible once each, before the due moment', () => {
    expect(
      planFiring({
        deadline: reminder,
        document: open,
        responsible: [rektor, rektor, chef],
        nextLevelUp: [],
        now,
      }),
    ).toEqual({ action: 'remind', recipients: [rektor, chef] });
  });

  it('drops a reminder that fires after its due moment', () => {
    const late = { ...reminder, dueAt: new Date(now.getTime() - 1) };
    expect(
      planFiring({ deadline: late, document: open, responsible: [rektor], nextLevelUp: [], now }),
    ).toEqual({
      action: 'skip',
      reason: 'due moment passed',
    });
  });

  it('at the due moment tells the responsible, and the level up only those not already told', () => {
    const plan = planFiring({
      deadline: { ...due, onDue: 'FORSENAD' },
      document: open,
      responsible: [rektor, chef],
      nextLevelUp: [chef, { userId: 'ordforande' }],
      now,
    });
    expect(plan).toEqual({
      action: 'overdue',
      responsible: [rektor, chef],
      escalated: [{ userId: 'ordforande' }],
      sendEvent: 'FORSENAD',
    });
  });
});
