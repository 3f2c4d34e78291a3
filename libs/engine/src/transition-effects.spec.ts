import { outboxedEffects, withDueAt } from './transition-effects';

describe('transition effects', () => {
  const now = new Date('2031-03-01T10:00:00Z');

  it('sends to the outbox what the row does not take itself, then the lifecycle facts', () => {
    const effects = [
      { type: 'markSubmitted', params: {} },
      { type: 'notify', params: { template: 'x' } },
      { type: 'assignDiarienummer', params: { body: 'ks' } },
    ];
    expect(outboxedEffects(effects, { changed: true, final: true }).map((e) => e.type)).toEqual([
      'notify',
      'documentSubmitted',
      'documentFinished',
      'freezePdf',
    ]);
    expect(outboxedEffects([{ type: 'markDecided', params: {} }], { changed: false, final: true })).toEqual(
      [],
    );
  });

  it('gives a scheduleDeadline its due moment and the moment it was reckoned from', () => {
    const due = new Date('2031-03-31T22:00:00Z');
    const [scheduled, other] = withDueAt(
      [
        { type: 'scheduleDeadline', params: { key: 'k' } },
        { type: 'notify', params: {} },
      ],
      due,
      now,
    );
    expect(scheduled.params).toEqual({ key: 'k', dueAt: due.toISOString(), dueFrom: now.toISOString() });
    expect(other.params).toEqual({});
    expect(withDueAt([{ type: 'scheduleDeadline', params: {} }], null, now)[0].params).toEqual({
      dueAt: null,
    });
  });
});
