import { guardContext } from '../testing/sample-definition.fixture';
import { evaluateGuard, isCompositeGuard } from './evaluate-guard';
import { createRegistry } from './registry';

const registry = createRegistry();
const yes = { type: 'factIs', params: { fact: 'a', reason: 'A saknas.' } };
const no = { type: 'factIs', params: { fact: 'b', reason: 'B saknas.' } };
const ctx = guardContext({ facts: { a: true, b: false } });

describe('evaluateGuard', () => {
  it('evaluates a leaf guard and names it when it refuses', () => {
    expect(evaluateGuard(yes, ctx, registry)).toEqual({ ok: true });
    expect(evaluateGuard(no, ctx, registry)).toEqual({ ok: false, reason: 'B saknas.', guard: 'factIs' });
  });

  it('and: the first refusing part, or the composite reason', () => {
    expect(evaluateGuard({ type: 'and', guards: [yes, yes] }, ctx, registry)).toEqual({ ok: true });
    expect(evaluateGuard({ type: 'and', guards: [yes, no] }, ctx, registry)).toMatchObject({
      reason: 'B saknas.',
    });
    expect(evaluateGuard({ type: 'and', guards: [no], reason: 'Inte än.' }, ctx, registry)).toMatchObject({
      reason: 'Inte än.',
    });
  });

  it('or: passes when one part passes, else lists the reasons', () => {
    expect(evaluateGuard({ type: 'or', guards: [no, yes] }, ctx, registry)).toEqual({ ok: true });
    const both = { type: 'factIs', params: { fact: 'c', reason: 'C saknas.' } };
    expect(evaluateGuard({ type: 'or', guards: [no, both] }, ctx, registry)).toEqual({
      ok: false,
      reason: 'Inget av villkoren är uppfyllt: B saknas; C saknas.',
      guard: 'factIs',
    });
  });

  it('not: inverts, with its own reason', () => {
    expect(evaluateGuard({ type: 'not', guards: [no] }, ctx, registry)).toEqual({ ok: true });
    expect(evaluateGuard({ type: 'not', guards: [yes], reason: 'A är redan gjort.' }, ctx, registry)).toEqual(
      {
        ok: false,
        reason: 'A är redan gjort.',
        guard: 'not',
      },
    );
  });

  it('throws on a guard the registry does not know (validation catches it earlier)', () => {
    expect(() => evaluateGuard({ type: 'isBoss' }, ctx, registry)).toThrow('Unknown guard: isBoss');
    expect(isCompositeGuard({ type: 'or', guards: [] })).toBe(true);
  });
});
