import { ESCALATION_KINDS } from '@rodtrad/domain';
import { svFollowUp } from './sv-follow-up';

describe('the follow-up pages name every escalation kind', () => {
  it.each(ESCALATION_KINDS.map((k) => [k]))('has a Swedish label for %s', (kind) => {
    const label = (svFollowUp as Record<string, string>)[`escalations.kind.${kind}`];
    expect(label).toMatch(/^[A-ZÅÄÖ][a-zåäö]/);
  });
});
