import { problemText } from './definition-admin-error';

// #18, found problem 12: an administrator read "Steget saknar formulär (step "review" has no form)".
describe('problemText', () => {
  it('says the problem in Swedish with the names the validator quoted, and no English', () => {
    expect(problemText('missing-form', 'step "review" has no form')).toBe('Steget saknar formulär: review');
    expect(problemText('unknown-role', 'unknown role "kassor" in meta.editableBy')).toBe(
      'Okänd roll: kassor',
    );
    expect(problemText('schema', "must have required property 'title'")).toBe(
      'Följer inte definitionsformatet: title',
    );
    expect(problemText('unreachable-state', 'state is unreachable')).toBe(
      'Steget kan inte nås från startsteget',
    );
    expect(problemText('something-new', 'odd')).toBe('Ogiltig definition');
  });
});
