import { guardContext } from '../testing/sample-definition.fixture';
import type { ActionContext } from '../workflow.types';
import {
  assignDiarienummer,
  cancelDeadlines,
  createDocument,
  escalate,
  markDecided,
  markSubmitted,
  notify,
  requestApproval,
  scheduleDeadline,
} from './built-in-actions';

const ctx = (data: unknown = {}): ActionContext => ({
  guardContext: guardContext({ data }),
  event: { type: 'SUBMIT' },
  from: 'draft',
  to: 'review',
});

describe('built-in actions (effect descriptors, no I/O)', () => {
  it('notify, createDocument, escalate, assignDiarienummer pass their params through', () => {
    expect(notify.implementation(ctx(), { roles: ['omradeschef'], template: 'review-requested' })).toEqual({
      type: 'notify',
      params: { roles: ['omradeschef'], template: 'review-requested' },
    });
    expect(createDocument.implementation(ctx(), { type: 'atgardsplan', link: 'atgard-for' })).toEqual({
      type: 'createDocument',
      params: { type: 'atgardsplan', link: 'atgard-for' },
    });
    expect(escalate.implementation(ctx(), { to: 'ks', kind: 'budgetavvikelse' })).toEqual({
      type: 'escalate',
      params: { to: 'ks', kind: 'budgetavvikelse' },
    });
    expect(assignDiarienummer.implementation(ctx(), { body: 'kf' })).toEqual({
      type: 'assignDiarienummer',
      params: { body: 'kf' },
    });
  });

  it('scheduleDeadline defaults to the step entered; cancelDeadlines to all', () => {
    expect(scheduleDeadline.implementation(ctx(), { key: 'manadsrapport' })).toEqual({
      type: 'scheduleDeadline',
      params: { state: 'review', key: 'manadsrapport', reminders: [], onDue: null, escalate: false },
    });
    expect(cancelDeadlines.implementation(ctx(), {})).toEqual({
      type: 'cancelDeadlines',
      params: { state: null },
    });
    expect(cancelDeadlines.implementation(ctx(), { state: 'draft' })).toEqual({
      type: 'cancelDeadlines',
      params: { state: 'draft' },
    });
  });

  it('requestApproval names the step that waits for the approvals', () => {
    expect(
      requestApproval.implementation(ctx(), {
        approvers: { roles: ['kf.ordforande'], users: ['u-9'] },
        mode: 'sequence',
      }),
    ).toEqual({
      type: 'requestApproval',
      params: { state: 'review', approvers: { roles: ['kf.ordforande'], users: ['u-9'] }, mode: 'sequence' },
    });
    expect(requestApproval.refs?.({ approvers: { roles: ['kf.ordforande'] }, mode: 'all' })).toEqual([
      { kind: 'role', value: 'kf.ordforande', pointer: '/approvers/roles/0' },
    ]);
  });

  it('markSubmitted and markDecided record who, and the decision date and §', () => {
    expect(markSubmitted.implementation(ctx(), {})).toEqual({
      type: 'markSubmitted',
      params: { from: 'draft', by: 'user-1' },
    });
    const data = {
      beslut: { datum: '2026-02-10', paragraf: '§ 17' },
      protokoll: { dag: '2026-02-11', nr: '§ 3' },
    };
    expect(markDecided.implementation(ctx(data), { outcome: 'faststalld' })).toEqual({
      type: 'markDecided',
      params: { outcome: 'faststalld', date: '2026-02-10', paragraph: '§ 17', by: 'user-1' },
    });
    expect(
      markDecided.implementation(ctx(data), { dateField: '/protokoll/dag', paragraphField: '/protokoll/nr' }),
    ).toMatchObject({
      params: { outcome: null, date: '2026-02-11', paragraph: '§ 3' },
    });
    expect(markDecided.implementation(ctx({}), {})).toMatchObject({
      params: { date: null, paragraph: null },
    });
  });
});
