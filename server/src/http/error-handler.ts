import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from './errors';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable';
import { translator } from '../i18n';
import { ERROR_CODES, type ErrorCode } from '../../../shared/src/error-codes';

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
    // A refinement with a stable code of its own (shared/src/text-characters.ts): that code, naming the field.
    const coded = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    if (typeof coded === 'string' && (ERROR_CODES as readonly string[]).includes(coded)) return new AppError(coded as ErrorCode, { field });
    return new AppError('validation_failed', { field, reason: issue.message });
  }
  if (isDatabaseUnavailable(err)) return new AppError('service_unavailable', { seconds: RETRY_AFTER_SECONDS });
  const parserError = err as BodyParserError;
  if (parserError?.type === 'entity.too.large') return new AppError('payload_too_large', { limit: `${parserError.limit} bytes` });
  if (parserError?.type === 'entity.parse.failed') return new AppError('bad_request');
  return new AppError('internal');
}

export function errorHandler() {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(err);
    if (appError.code === 'internal') req.log?.error({ err }, 'unhandled error');
    if (appError.code === 'service_unavailable') req.log?.warn({ err }, 'database unavailable: answered 503');
    const message = translator(req.lang ?? 'en')(appError.code, appError.params);
    if ((appError.status === 429 || appError.status === 503) && typeof appError.params.seconds === 'number')
      res.setHeader('Retry-After', String(appError.params.seconds));
    // A body refused part-way (413) leaves its rest unread on the connection, where the next request
    // would wait behind it forever: answer, then close the connection (the client opens another).
    if (appError.status === 413 || !req.complete) closeAfterAnswer(req, res);
    // `details`: structured facts the person needs to act on (e.g. the blockers of a refused freeze).
    res.status(appError.status).json({ error: { code: appError.code, message, ...(appError.details === undefined ? {} : { details: appError.details }) } });
  };
}

/** `Connection: close`, and the socket ended once the answer is written, whatever of the body is still unread. */
function closeAfterAnswer(req: Request, res: Response): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => {
    if (!req.complete) req.socket.destroySoon();
  });
}
