import { z } from 'zod';

/**
 * Error codes the API returns in `{ error: { code, message } }`. The web app turns a code
 * into a sentence in the reader's language; `message` is English for logs and API users.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // malformed JSON, wrong content type
  'VALIDATION_FAILED', // a field failed its schema; `issues` names each field
  'UNAUTHENTICATED', // no session, or it expired
  'INVALID_CREDENTIALS', // wrong login or password
  'ACCOUNT_LOCKED', // too many failed logins for this account
  'RATE_LIMITED', // too many requests from this address
  'CSRF_FAILED', // state-changing request without the session's CSRF token
  'FORBIDDEN', // signed in, but the role does not allow it
  'NO_ORGANISATION', // the account belongs to no active organisation
  'NOT_FOUND', // no such object in the caller's organisation (also hides other organisations' objects)
  'CONFLICT', // unique name already taken, or a rule like "keep one admin"
  'WRONG_PASSWORD', // the current password given for a change is wrong
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL', // our fault; logged with the request id
] as const;

export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const ZErrorIssue = z.object({ path: z.string(), message: z.string() });

export const ZErrorResponse = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    issues: z.array(ZErrorIssue).optional(),
    requestId: z.string().optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
