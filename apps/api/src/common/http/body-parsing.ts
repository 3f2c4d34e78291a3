import express, { type NextFunction, type Request, type Response } from 'express';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../problem/problem';

/**
 * JSON bodies are parsed here rather than by Nest, so that a malformed body is a
 * 400 problem document and never reaches a handler (or becomes a 500).
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
  ];
}
