import type { TErrorCode } from '@calmdesk/shared';

/** HTTP status for each error code; the one place that decides it. */
export const ERROR_STATUS: Record<TErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  WRONG_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NO_ORGANISATION: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/**
 * The one error type services throw for expected failures. The error handler turns it
 * into `{ error: { code, message } }` with the status from ERROR_STATUS.
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;
  /** Seconds until a retry can succeed; sent as Retry-After with 429. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: TErrorCode, message: string, issues?: { path: string; message: string }[], retryAfterSeconds?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get statusCode(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for the not-found case, which also hides other organisations' objects. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}
