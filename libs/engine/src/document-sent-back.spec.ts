import type { WorkflowDefinition } from '@rodtrad/workflow';
import { sentBackOf, type LastTransition } from './document-sent-back';

const def = {
  key: 'plan',
  title: 'Plan',
  machine: {
    id: 'plan',
    initial: 'draft',
    states: {
      draft: {
        meta: { title: 'Utkast', events: { SUBMIT: { label: 'Skicka', roles: ['enhetschef'] } } },
        on: { SUBMIT: 'review' },
      },
      review: {
        meta: {
          title: 'Granskning av områdeschef',
          events: {
            APPROVE: { label: 'Godkänn', roles: ['omradeschef'] },
            RETURN: { label: 'Returnera för ändring', roles: ['omradeschef'], requiresComment: true },
          },
        },
        on: { APPROVE: 'done', RETURN: 'draft' },
      },
      done: { type: 'final', meta: { title: 'Antagen' } },
    },
  },
} as unknown as WorkflowDefinition;

const returned: LastTransition = {
  at: '2027-01-20T09:30:00.000Z',
  actorUserId: 'u-omr',
  actorName: 'Olle Områdeschef',
  event: 'RETURN',
  fromState: 'review',
  toState: 'draft',
  comment: '  Koppla aktiviteterna till nämndmålen. ',
};

describe('sentBackOf', () => {
  it('names who sent the document back, when, why and with which event', () => {
    expect(sentBackOf(def, 'draft', returned)).toEqual({
      by: { id: 'u-omr', name: 'Olle Områdeschef' },
      at: '2027-01-20T09:30:00.000Z',
      comment: 'Koppla aktiviteterna till nämndmålen.',
      label: 'Returnera för ändring',
      fromStateTitle: 'Granskning av områdeschef',
    });
  });

  it('says nothing of a forward step, a document that has moved on, or a missing comment', () => {
    expect(
      sentBackOf(def, 'review', { ...returned, event: 'SUBMIT', fromState: 'draft', toState: 'review' }),
    ).toBeNull();
    expect(sentBackOf(def, 'review', returned)).toBeNull();
    expect(sentBackOf(def, 'draft', { ...returned, comment: ' ' })).toBeNull();
    expect(sentBackOf(def, 'draft', undefined)).toBeNull();
  });
});
