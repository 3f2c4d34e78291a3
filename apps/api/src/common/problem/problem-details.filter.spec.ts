import { NotFoundException } from '@nestjs/common';
import { ApiProblem } from './problem';
import { toProblem } from './problem-details.filter';

describe('toProblem', () => {
  it('turns an unexpected error into a 500 with a correlation id and no internals', () => {
    const p = toProblem(new Error("ER_PARSE_ERROR near 'SELECT password_hash FROM app_user'"));
    expect(p.status).toBe(500);
    expect(p.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.detail).toContain(p.correlationId as string);
    expect(JSON.stringify(p)).not.toMatch(/SELECT|password_hash|ER_PARSE/);
  });

  it('keeps the code, field errors and extensions of a domain problem', () => {
    const p = toProblem(
      ApiProblem.conflict('stale-version', 'Dokumentet har ändrats.', { currentVersion: 4 }),
    );
    expect(p).toEqual({
      type: 'https://rodtrad.se/problems/stale-version',
      title: 'Konflikt',
      status: 409,
      detail: 'Dokumentet har ändrats.',
      code: 'stale-version',
      currentVersion: 4,
    });
  });

  it('never lets an extension override a standard member', () => {
    const p = toProblem(
      ApiProblem.conflict('already-acknowledged', 'Redan kvitterad.', { status: 'acknowledged', type: 'x' }),
    );
    expect(p).toMatchObject({ status: 409, type: 'https://rodtrad.se/problems/already-acknowledged' });
  });

  it('maps framework 4xx errors to Swedish titles', () => {
    expect(toProblem(new NotFoundException())).toMatchObject({
      status: 404,
      title: 'Hittades inte',
      code: 'not-found',
    });
  });

  it('hides approval tokens in the instance path', () => {
    const p = toProblem(ApiProblem.notFound('Länken'), {
      originalUrl: '/api/approvals/SECRETTOKEN?x=1',
    } as never);
    expect(p.instance).toBe('/api/approvals/…');
  });
});
