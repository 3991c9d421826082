import { AppError } from '../../../api/client';

/** What went wrong with a sign-in, for the message: the server's status and, for the window, its times. */
export type TSignInProblem =
  | { kind: 'wrongCode' }
  | { kind: 'notYet'; opensAt: string }
  | { kind: 'closed'; closesAt: string }
  | { kind: 'notStarted' }
  | { kind: 'notEnrolled' }
  | { kind: 'notFound' }
  | { kind: 'ended' }
  | { kind: 'other' };

/**
 * Reads a failed sign-in: 400 wrong code; 409 outside the window (the issues carry opensAt and
 * closesAt), sign-in not started, or the session closed or cancelled; 403 not enrolled; 404 no session.
 * @param err what the sign-in call threw
 * @param now the current time in ms (for telling "not yet" from "closed")
 */
export function signInProblem(err: unknown, now: number = Date.now()): TSignInProblem {
  const error = AppError.parseError(err);
  const issue = (path: string) => error.issues.find((i) => i.path === path)?.message;
  if (error.status === 400 && error.issues.some((i) => i.path === 'code')) return { kind: 'wrongCode' };
  if (error.status === 403) return { kind: 'notEnrolled' };
  if (error.status === 404) return { kind: 'notFound' };
  if (error.status === 409) {
    const opensAt = issue('opensAt');
    const closesAt = issue('closesAt');
    if (opensAt && now < Date.parse(opensAt)) return { kind: 'notYet', opensAt };
    if (closesAt && now > Date.parse(closesAt)) return { kind: 'closed', closesAt };
    if (opensAt) return { kind: 'notStarted' };
    return { kind: 'ended' };
  }
  return { kind: 'other' };
}
