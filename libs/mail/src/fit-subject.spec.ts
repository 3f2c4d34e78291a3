import { fitSubject, MAX_SUBJECT } from './mail-message.repository';

describe('fitSubject', () => {
  it('keeps a subject that fits, and shortens a long one visibly with an ellipsis', () => {
    expect(fitSubject('Godkännande begärs: Enhetsplan 2027')).toBe('Godkännande begärs: Enhetsplan 2027');
    const long = `Godkännande begärs: ${'Mycket lång titel '.repeat(30)}`;
    const fitted = fitSubject(long);
    expect(fitted).toHaveLength(MAX_SUBJECT);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
  });
});
