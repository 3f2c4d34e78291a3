import { escapeLike } from './like-pattern';

describe('escapeLike', () => {
  it('makes %, _ and \\ match only themselves', () => {
    expect(escapeLike('50%_rabatt\\x')).toBe('50\\%\\_rabatt\\\\x');
    expect(escapeLike('Almby skola')).toBe('Almby skola');
  });
});
