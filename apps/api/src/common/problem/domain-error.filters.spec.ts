import type { ArgumentsHost } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApprovalError, DefinitionAdminError, EngineError, EscalationError } from '@rodtrad/engine';
import { ApprovalErrorFilter } from './approval-error.filter';
import { DefinitionAdminErrorFilter } from './definition-admin-error.filter';
import { EngineErrorFilter } from './engine-error.filter';
import { EscalationErrorFilter } from './escalation-error.filter';
import { ProblemDetailsFilter } from './problem-details.filter';
import { PROBLEM_FILTERS } from './problem-filters';

/** Runs a filter on a stand-in request and response and returns what was written. */
function written(filter: { catch(e: unknown, host: ArgumentsHost): void }, error: unknown) {
  const sent: { status?: number; type?: string; body?: Record<string, unknown> } = {};
  const res = {
    headersSent: false,
    setHeader: () => res,
    status: (s: number) => ((sent.status = s), res),
    type: (t: string) => ((sent.type = t), res),
    send: (b: string) => ((sent.body = JSON.parse(b)), res),
  };
  const req = { originalUrl: '/api/documents/d1/events?x=1' };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
  } as unknown as ArgumentsHost;
  filter.catch(error, host);
  return sent;
}

describe('domain error filters', () => {
  it('writes an engine refusal as the problem document the API always wrote', () => {
    const out = written(
      new EngineErrorFilter(),
      new EngineError('stale-version', 'Dokumentet har ändrats.', undefined, { currentVersion: 4 }),
    );
    expect(out.status).toBe(409);
    expect(out.type).toBe('application/problem+json');
    expect(out.body).toEqual({
      currentVersion: 4,
      type: 'https://rodtrad.se/problems/stale-version',
      title: 'Dokumentet har ändrats',
      status: 409,
      detail: 'Dokumentet har ändrats.',
      instance: '/api/documents/d1/events',
      code: 'stale-version',
    });
  });

  it('keeps field pointers and reads an approval field error as validation-failed', () => {
    const errors = [{ pointer: '/comment', message: 'Skriv en kommentar.' }];
    const out = written(new ApprovalErrorFilter(), new ApprovalError('invalid-request', 'Ogiltigt.', errors));
    expect(out.status).toBe(422);
    expect(out.body).toMatchObject({ code: 'validation-failed', errors });
    expect(written(new ApprovalErrorFilter(), new ApprovalError('token-used', 'Använd.')).status).toBe(410);
  });

  it('maps definition and escalation refusals by code', () => {
    const def = written(
      new DefinitionAdminErrorFilter(),
      new DefinitionAdminError('conflict', 'Publicerad.'),
    );
    expect(def).toMatchObject({ status: 409, body: { code: 'conflict', title: 'Konflikt' } });
    const gone = written(new EscalationErrorFilter(), new EscalationError('not-found', 'x'));
    expect(gone.body).toMatchObject({ status: 404, code: 'not-found', detail: 'Eskaleringen finns inte.' });
  });

  it('registers the catch-all first, so that every family filter is asked before it', () => {
    const classes = PROBLEM_FILTERS.map((p) => (p as { provide: unknown; useClass: unknown }).useClass);
    expect(PROBLEM_FILTERS.every((p) => (p as { provide: unknown }).provide === APP_FILTER)).toBe(true);
    expect(classes[0]).toBe(ProblemDetailsFilter);
    expect(classes).toHaveLength(5);
  });
});
