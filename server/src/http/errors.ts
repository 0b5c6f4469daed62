import type { ErrorCode } from '../../../shared/src/error-codes';
import { ERROR_STATUS } from '../../../shared/src/error-codes';

/** An error a person may meet: a stable code, its HTTP status and the values its message needs. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
