import express, { type NextFunction, type Request, type Response } from 'express';
import { ApiProblem, PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../problem/problem';
import { jsonStorageProblems } from './json-limits';

/**
 * JSON bodies are parsed here rather than by Nest, so that a malformed body is a
 * 400 problem document and never reaches a handler (or becomes a 500). A body the database could
 * not store (nested too deep, lone surrogates) is a 422 with a pointer to each place.
 */
export function jsonBodyParser() {
  return [
    express.json({ limit: '2mb', type: ['application/json', 'application/*+json'] }),
    (err: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!err) return next();
      const e = err as { type?: string; status?: number; message?: string };
      const tooLarge = e.type === 'entity.too.large';
      const status = tooLarge ? 413 : (e.status ?? 400) < 500 ? (e.status ?? 400) : 400;
      res
        .status(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: PROBLEM_TYPE_BASE + (tooLarge ? 'payload-too-large' : 'malformed-json'),
            title: tooLarge ? 'För stor begäran' : 'Felaktig JSON',
            status,
            detail: tooLarge ? 'Begäran är större än 2 MB.' : 'Begärans innehåll är inte giltig JSON.',
            code: tooLarge ? 'payload-too-large' : 'malformed-json',
            instance: req.originalUrl.split('?')[0],
          }),
        );
    },
    (req: Request, res: Response, next: NextFunction) => {
      const errors = req.body === undefined ? [] : jsonStorageProblems(req.body);
      if (!errors.length) return next();
      const problem = ApiProblem.validation(errors, 'Innehållet kan inte sparas. Se varje fält.');
      res
        .status(problem.status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify(problem.toProblem(req.originalUrl.split('?')[0])));
    },
  ];
}
