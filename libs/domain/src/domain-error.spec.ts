import { DomainError, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('carries a stable code the API edge can map', () => {
    const error = new DomainError('org.unit-not-found', 'no unit x', { id: 'x' });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('org.unit-not-found');
    expect(error.details).toEqual({ id: 'x' });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'org.unit-not-found')).toBe(true);
    expect(isDomainError(error, 'other')).toBe(false);
    expect(isDomainError(new Error('plain'))).toBe(false);
  });
});
