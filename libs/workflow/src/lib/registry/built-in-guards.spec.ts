import { guardContext } from '../testing/sample-definition.fixture';
import {
  commentGiven,
  factIs,
  fieldsPresent,
  formComplete,
  hasRole,
  restorationPlanCovers,
  sentVia,
  upstreamAdopted,
  withinFrame,
} from './built-in-guards';

const inDraft = { value: 'draft', form: 'draft' };

describe('built-in guards', () => {
  it('formComplete validates the data against the form of the current step', () => {
    const calls: unknown[] = [];
    const ctx = guardContext({
      data: { a: 1 },
      state: inDraft,
      validateForm: (data, form) => {
        calls.push([data, form]);
        return [];
      },
    });
    expect(formComplete.implementation(ctx, {})).toBe(true);
    expect(formComplete.implementation(ctx, { form: 'review' })).toBe(true);
    expect(calls).toEqual([
      [{ a: 1 }, { type: 'enhetsplan', step: 'draft' }],
      [{ a: 1 }, { type: 'enhetsplan', step: 'review' }],
    ]);
    const errors = [
      { pointer: '/a', message: 'Fältet är obligatoriskt' },
      { pointer: '/b', message: 'Fältet är obligatoriskt' },
    ];
    expect(
      formComplete.implementation(guardContext({ state: inDraft, validateForm: () => errors }), {}),
    ).toEqual({
      ok: false,
      reason: 'Formuläret är inte komplett: 2 fält behöver åtgärdas.',
      errors,
    });
  });

  it('formComplete fails closed without a validator or a form', () => {
    expect(
      formComplete.implementation(guardContext({ state: inDraft, validateForm: undefined }), {}),
    ).toMatchObject({ ok: false });
    expect(formComplete.implementation(guardContext({ state: { value: 'x' } }), {})).toMatchObject({
      ok: false,
    });
  });

  it('fieldsPresent wants non-blank values at every pointer', () => {
    const params = { fields: ['/beslut/datum', '/beslut/paragraf'] };
    expect(
      fieldsPresent.implementation(
        guardContext({ data: { beslut: { datum: '2026-01-20', paragraf: '§ 4' } } }),
        params,
      ),
    ).toBe(true);
    expect(
      fieldsPresent.implementation(
        guardContext({ data: { beslut: { datum: '2026-01-20', paragraf: ' ' } } }),
        params,
      ),
    ).toEqual({
      ok: false,
      reason: 'Uppgifter saknas: beslut/paragraf.',
      errors: [{ pointer: '/beslut/paragraf', message: 'Fältet är obligatoriskt' }],
    });
    expect(
      fieldsPresent.implementation(guardContext({ data: null }), {
        ...params,
        reason: 'Ange beslutsdatum och §.',
      }),
    ).toMatchObject({
      reason: 'Ange beslutsdatum och §.',
    });
  });

  it("hasRole asks the caller's checker, else accepts only the role on the document's own unit", () => {
    const asked: string[] = [];
    const ctx = guardContext({ hasRole: (r) => (asked.push(r), r === 'kf.ordforande') });
    expect(hasRole.implementation(ctx, { roles: ['enhetschef', 'kf.ordforande'] })).toBe(true);
    expect(asked).toEqual(['enhetschef', 'kf.ordforande']);
    expect(
      hasRole.implementation(guardContext({ hasRole: undefined, facts: { hasRole: () => true } }), {
        role: 'x',
      }),
    ).toBe(true);
    const fallback = guardContext({ hasRole: undefined });
    expect(hasRole.implementation(fallback, { role: 'enhetschef' })).toBe(true);
    expect(hasRole.implementation(fallback, { role: 'omradeschef' })).toMatchObject({ ok: false });
    const otherUnit = guardContext({
      hasRole: undefined,
      actor: { userId: 'u', via: 'user', roles: [{ role: 'enhetschef', orgUnitId: 'enhet-2' }] },
    });
    expect(hasRole.implementation(otherUnit, { role: 'enhetschef' })).toMatchObject({ ok: false });
    expect(hasRole.refs?.({ role: 'a', roles: ['b'] })).toEqual([
      { kind: 'role', value: 'a', pointer: '/role' },
      { kind: 'role', value: 'b', pointer: '/roles/0' },
    ]);
  });

  it('upstreamAdopted and withinFrame read the facts the caller computed', () => {
    expect(upstreamAdopted.implementation(guardContext({ facts: { upstreamAdopted: true } }), {})).toBe(true);
    expect(upstreamAdopted.implementation(guardContext({ facts: {} }), {})).toEqual({
      ok: false,
      reason: 'Det överordnade dokumentet är inte fastställt ännu. Det måste fastställas först.',
    });
    const named = guardContext({
      facts: { upstreamAdopted: false, upstreamTitle: 'Mål- och budget 2027 – Bildningsnämnden' },
    });
    expect(upstreamAdopted.implementation(named, {})).toEqual({
      ok: false,
      reason:
        'Det överordnade dokumentet Mål- och budget 2027 – Bildningsnämnden är inte fastställt ännu. Det måste fastställas först.',
    });
    const byType = guardContext({ facts: { upstreamAdopted: { 'mal-och-budget': true, gpf: false } } });
    expect(upstreamAdopted.implementation(byType, { type: 'mal-och-budget' })).toBe(true);
    expect(upstreamAdopted.implementation(byType, { type: 'gpf' })).toMatchObject({ ok: false });
    expect(withinFrame.implementation(guardContext({ facts: { withinFrame: true } }), {})).toBe(true);
    expect(withinFrame.implementation(guardContext({ facts: { withinFrame: 'yes' } }), {})).toMatchObject({
      ok: false,
    });
  });

  it('commentGiven reads the comment of the event', () => {
    expect(
      commentGiven.implementation(guardContext({ event: { type: 'RETURN', comment: 'Se över' } }), {}),
    ).toBe(true);
    expect(
      commentGiven.implementation(guardContext({ event: { type: 'RETURN', comment: '   ' } }), {}),
    ).toEqual({
      ok: false,
      reason: 'En kommentar krävs.',
    });
    expect(
      commentGiven.implementation(guardContext({ event: { type: 'RETURN', comment: 'Kort' } }), {
        minLength: 10,
      }),
    ).toEqual({
      ok: false,
      reason: 'Kommentaren måste vara minst 10 tecken.',
    });
  });

  it('factIs compares a fact, default true, and shows the given reason', () => {
    const ctx = guardContext({ facts: { deviation: 'significant', negativeBalance: true } });
    expect(factIs.implementation(ctx, { fact: 'negativeBalance', reason: 'x' })).toBe(true);
    expect(factIs.implementation(ctx, { fact: 'deviation', equals: 'significant', reason: 'x' })).toBe(true);
    expect(factIs.implementation(ctx, { fact: 'missing', reason: 'Ingen avvikelse.' })).toEqual({
      ok: false,
      reason: 'Ingen avvikelse.',
    });
  });

  it('restorationPlanCovers asks a balance plan to restore the whole deficit within three years, field by field', () => {
    const plan = (aterstallande: unknown, belopp: unknown = 2_100_000) =>
      guardContext({
        document: { id: 'p', type: 'atgardsplan', orgUnitId: 'dsn', year: 2027, period: null },
        data: { avvikelse: { typ: 'balanskrav', belopp, beskrivning: 'x' }, sarskild: true, aterstallande },
      });
    const years = [
      { ar: 2028, belopp: 700_000 },
      { ar: 2029, belopp: 700_000 },
      { ar: 2030, belopp: 700_000 },
    ];
    expect(restorationPlanCovers.implementation(plan(years), {})).toBe(true);
    expect(restorationPlanCovers.implementation(plan(years.slice(1)), {})).toEqual({
      ok: false,
      reason: 'Den särskilda åtgärdsplanen måste visa hur hela underskottet återställs inom tre år.',
      errors: [
        {
          pointer: '/aterstallande',
          message: expect.stringContaining('ska tillsammans vara minst underskottet'),
        },
      ],
    });
    expect(restorationPlanCovers.implementation(plan([{ ar: 2031, belopp: 2_100_000 }]), {})).toMatchObject({
      errors: [{ pointer: '/aterstallande/0/ar' }],
    });
    expect(restorationPlanCovers.implementation(plan(years, null), {})).toMatchObject({
      errors: [{ pointer: '/avvikelse/belopp', message: 'Ange underskottets belopp i hela kronor.' }],
    });
    // Ordinary plans (a budget or goal deviation) have nothing to restore.
    expect(
      restorationPlanCovers.implementation(guardContext({ data: { avvikelse: { typ: 'budget' } } }), {}),
    ).toBe(true);
    expect(restorationPlanCovers.implementation(guardContext({ data: {} }), {})).toBe(true);
  });

  it('sentVia checks how the event came in', () => {
    const system = guardContext({ actor: { userId: null, roles: [], via: 'system' } });
    expect(sentVia.implementation(system, { via: ['system'] })).toBe(true);
    expect(sentVia.implementation(guardContext(), { via: ['system', 'email-link'] })).toMatchObject({
      ok: false,
    });
  });
});
