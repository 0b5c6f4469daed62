import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from './errors';
import { translator } from '../i18n';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Turns any error into `{ error: { code, message } }` with the message in the person's language. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue.path.join('.') || '(body)';
    if (issue.code === 'unrecognized_keys') return new AppError('unknown_field', { field: issue.keys.join(', ') });
    return new AppError('validation_failed', { field, reason: issue.message });
  }
  const parserError = err as BodyParserError;
  if (parserError?.type === 'entity.too.large') return new AppError('payload_too_large', { limit: `${parserError.limit} bytes` });
  if (parserError?.type === 'entity.parse.failed') return new AppError('bad_request');
  return new AppError('internal');
}

export function errorHandler() {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(err);
    if (appError.code === 'internal') req.log?.error({ err }, 'unhandled error');
    const message = translator(req.lang ?? 'en')(appError.code, appError.params);
    if (appError.status === 429 && typeof appError.params.seconds === 'number') res.setHeader('Retry-After', String(appError.params.seconds));
    // `details`: structured facts the person needs to act on (e.g. the blockers of a refused freeze).
    res.status(appError.status).json({ error: { code: appError.code, message, ...(appError.details === undefined ? {} : { details: appError.details }) } });
  };
}
