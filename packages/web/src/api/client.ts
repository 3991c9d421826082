import { ERROR_CODES, type TErrorCode } from '@calmdesk/shared';

/**
 * The one way the web app talks to the API: JSON over same-origin fetch with the session
 * cookie, the CSRF header on every state-changing request, and every failure turned into an
 * {@link AppError} whose code the UI translates (documenso's `AppError.parseError` pattern).
 */

/** Codes the client adds to the server's: the request never got an answer, or the answer made no sense. */
export type TClientErrorCode = TErrorCode | 'NETWORK' | 'UNKNOWN';

export interface TFieldIssue {
  /** Field path as the server names it, e.g. `login` or `roles.0`. */
  path: string;
  message: string;
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** Picks a code from the HTTP status when the body did not name one (a proxy's error page, say). */
function codeFromStatus(status: number): TClientErrorCode {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 422) return 'VALIDATION_FAILED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL';
  return 'UNKNOWN';
}

/** An API or network failure with a code the UI can translate. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: TClientErrorCode;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly issues: readonly TFieldIssue[];
  readonly requestId: string | undefined;
  /** From a `Retry-After` header on 429 answers, when the server sends one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: TClientErrorCode,
    message: string,
    options: { status?: number; issues?: readonly TFieldIssue[]; requestId?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.status = options.status ?? 0;
    this.issues = options.issues ?? [];
    this.requestId = options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /**
   * Turns anything thrown into an AppError, keeping an AppError as it is.
   * @param err whatever was caught
   * @returns an AppError; unknown things become code `UNKNOWN`
   */
  static parseError(err: unknown): AppError {
    if (err instanceof AppError) return err;
    if (err instanceof TypeError) return new AppError('NETWORK', err.message);
    if (err instanceof Error) return new AppError('UNKNOWN', err.message);
    return new AppError('UNKNOWN', String(err));
  }

  /**
   * Builds the error for a non-2xx answer from its status, headers and parsed body.
   * Lenient by design: a body that is not our error shape still yields a code from the status.
   * @param status HTTP status
   * @param body the parsed JSON body, or undefined when there was none
   * @param retryAfterHeader the `Retry-After` header, if any
   * @returns the error to throw
   */
  static fromResponse(status: number, body: unknown, retryAfterHeader?: string | null): AppError {
    const retrySeconds = retryAfterHeader ? Number.parseInt(retryAfterHeader, 10) : Number.NaN;
    const retryAfterSeconds = Number.isFinite(retrySeconds) && retrySeconds > 0 ? retrySeconds : undefined;
    const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
    const rawCode = typeof error?.code === 'string' ? error.code : undefined;
    const code: TClientErrorCode = rawCode && KNOWN_CODES.has(rawCode) ? (rawCode as TErrorCode) : codeFromStatus(status);
    const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
    const issues = Array.isArray(error?.issues)
      ? error.issues.filter(isRecord).map((issue) => ({ path: String(issue.path ?? ''), message: String(issue.message ?? '') }))
      : [];
    const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined;
    return new AppError(code, message, {
      status,
      issues,
      ...(requestId ? { requestId } : {}),
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** i18n key of the sentence shown for an error code. */
export type TErrorMessageKey = `errors.${TClientErrorCode}`;

/** Every code the UI may have to explain, server's and client's. */
export const ALL_ERROR_CODES: readonly TClientErrorCode[] = [...ERROR_CODES, 'NETWORK', 'UNKNOWN'];

/**
 * The i18n key of the user-facing sentence for an error.
 * @param err anything caught from {@link apiFetch} or elsewhere
 * @returns key under `errors.` in the resource files
 */
export function errorMessageKey(err: unknown): TErrorMessageKey {
  return `errors.${AppError.parseError(err).code}`;
}

/**
 * What to tell a person about an error: the main sentence, and the wait in minutes when the
 * server said how long to wait (lockouts and rate limits).
 * @param err anything caught
 * @returns the message key and, when known, minutes to wait (rounded up)
 */
export function describeError(err: unknown): { key: TErrorMessageKey; retryAfterMinutes?: number; requestId?: string } {
  const appError = AppError.parseError(err);
  const result: { key: TErrorMessageKey; retryAfterMinutes?: number; requestId?: string } = { key: `errors.${appError.code}` };
  if (appError.retryAfterSeconds) result.retryAfterMinutes = Math.max(1, Math.ceil(appError.retryAfterSeconds / 60));
  if (appError.code === 'INTERNAL' && appError.requestId) result.requestId = appError.requestId;
  return result;
}

/**
 * Maps a server issue path to a top-level form field: `body.roles.0` and `/roles/0` both
 * become `roles`.
 * @param path the issue's path as the server sent it
 * @returns the field name, or '' when the path names none
 */
export function issueField(path: string): string {
  const segments = path.split(/[./]/).filter((segment) => segment !== '' && segment !== 'body');
  return segments[0] ?? '';
}

let csrfToken: string | null = null;

/**
 * Remembers the CSRF token of the current session; every state-changing request sends it.
 * @param token from the session response, or null after logout
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type TQueryValue = string | number | boolean | null | undefined;

export interface TApiFetchOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Added to the URL; undefined, null and empty-string values are left out. */
  query?: Record<string, TQueryValue>;
  signal?: AbortSignal;
}

/**
 * Builds a path with its query string.
 * @param path API path starting with /api/
 * @param query values to add; empty ones are skipped
 * @returns the path with `?…` when any value remained
 */
export function buildUrl(path: string, query?: Record<string, TQueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls the API and returns the parsed JSON body.
 * @param path API path starting with /api/
 * @param options method, JSON body, query values, abort signal
 * @returns the response body as T (not validated: the server shapes it with the shared schemas)
 * @throws AppError on a network failure or a non-2xx answer
 */
export async function apiFetch<T>(path: string, options: TApiFetchOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new AppError('NETWORK', err instanceof Error ? err.message : String(err));
  }

  const text = await response.text();
  let body: unknown;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) throw AppError.fromResponse(response.status, body, response.headers.get('retry-after'));
  if (text && body === undefined) throw new AppError('UNKNOWN', `expected JSON from ${path}`, { status: response.status });
  return body as T;
}
