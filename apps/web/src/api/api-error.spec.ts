import { parseProblem } from './api-error';
import { withQuery } from './api-fetch';

describe('parseProblem', () => {
  it('reads an RFC 9457 problem with field errors', () => {
    const error = parseProblem(422, {
      type: 'https://rodtrad.se/problems/validation',
      title: 'Ogiltiga uppgifter',
      status: 422,
      detail: 'Två fält är fel.',
      errors: [
        { pointer: '/data/goals/0/title', message: 'Fältet måste fyllas i.' },
        { pointer: '/data/budget', detail: 'Måste vara ett tal.' },
        { pointer: '/x' },
      ],
    });
    expect(error.status).toBe(422);
    expect(error.type).toBe('https://rodtrad.se/problems/validation');
    expect(error.title).toBe('Ogiltiga uppgifter');
    expect(error.userMessage).toBe('Två fält är fel.');
    expect(error.fieldErrors).toEqual([
      { pointer: '/data/goals/0/title', message: 'Fältet måste fyllas i.' },
      { pointer: '/data/budget', message: 'Måste vara ett tal.' },
    ]);
  });

  it('gives a Swedish message when the body is not a problem', () => {
    const error = parseProblem(502, '<html>Bad gateway</html>');
    expect(error.status).toBe(502);
    expect(error.type).toBe('about:blank');
    expect(error.fieldErrors).toEqual([]);
    expect(error.userMessage).toMatch(/servern/);
  });

  it('hides server internals of a 500 but keeps its reference', () => {
    const error = parseProblem(500, { title: 'Internal Server Error', status: 500, errorId: 'abc-123' });
    expect(error.userMessage).toMatch(/Något gick fel på servern/);
    expect(error.reference).toBe('abc-123');
  });

  it('never offers the API path (instance) as the reference a reader quotes', () => {
    const error = parseProblem(422, {
      title: 'Händelsen avvisades',
      status: 422,
      detail: 'Det överordnade dokumentet är inte fastställt ännu.',
      instance: '/api/documents/d1/events',
    });
    expect(error.reference).toBeUndefined();
    expect(parseProblem(500, { status: 500, correlationId: 'c-1', instance: '/api/x' }).reference).toBe(
      'c-1',
    );
  });

  it('keeps extension members such as a code', () => {
    const error = parseProblem(410, { title: 'Gone', code: 'APPROVAL_EXPIRED' });
    expect(error.isGone).toBe(true);
    expect(error.problem['code']).toBe('APPROVAL_EXPIRED');
  });
});

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(withQuery('/api/documents', { year: 2026, type: '', state: undefined, q: 'a b' })).toBe(
      '/api/documents?year=2026&q=a+b',
    );
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});
