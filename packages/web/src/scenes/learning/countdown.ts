/**
 * The exam clock. The deadline is the server's (ZExamAttempt.deadlineAt); the page counts down
 * to it on the server's time, warns twice (5 minutes and 1 minute left) and hands in at zero.
 */

/** Seconds left at which the page warns, latest last. */
export const EXAM_WARNINGS = [300, 60] as const;
export type TExamWarning = (typeof EXAM_WARNINGS)[number];

/**
 * Whole seconds left before a deadline.
 * @param deadlineAt ISO time from the server
 * @param nowMs this browser's Date.now()
 * @param offsetMs the server clock's lead over this browser's (see clockOffsetMs)
 * @returns seconds, rounded up while time remains, never below 0; 0 for an unreadable deadline
 */
export function secondsLeft(deadlineAt: string, nowMs: number, offsetMs = 0): number {
  const deadline = Date.parse(deadlineAt);
  if (!Number.isFinite(deadline)) return 0;
  return Math.max(0, Math.ceil((deadline - (nowMs + offsetMs)) / 1000));
}

/**
 * A countdown as a clock face.
 * @param seconds seconds left (negative counts as 0)
 * @returns "mm:ss", or "h:mm:ss" from one hour up
 */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(rest).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * How urgent the clock looks.
 * @param seconds seconds left
 * @returns 'calm' above 5 minutes, 'soon' up to 5 minutes, 'last' in the last minute, 'over' at 0
 */
export function clockTone(seconds: number): 'calm' | 'soon' | 'last' | 'over' {
  if (seconds <= 0) return 'over';
  if (seconds <= 60) return 'last';
  if (seconds <= 300) return 'soon';
  return 'calm';
}

/**
 * The warnings due between two readings of the clock, so each fires once even when a tick is
 * missed (a background tab). Opening the page with 3 minutes left fires the 5-minute warning.
 * @param previous seconds left at the last reading (null on the first)
 * @param current seconds left now
 * @returns the thresholds crossed, earliest first; none once the time is up
 */
export function warningsCrossed(previous: number | null, current: number): TExamWarning[] {
  if (current <= 0) return [];
  const crossed = EXAM_WARNINGS.filter((threshold) => current <= threshold && (previous === null || previous > threshold));
  // Arriving late, only the most urgent one is worth saying.
  return previous === null ? crossed.slice(-1) : crossed;
}

/**
 * The server clock's lead over this browser's, from the time the server put in its answer
 * (ZExamAttempt.serverNow). The answer's time on the wire counts against the server, which
 * at worst shows the learner a moment more than is left; the hand-in is the server's to judge.
 * @param serverNow ISO time when the server answered
 * @param receivedAtMs this browser's Date.now() when the answer arrived
 * @returns milliseconds to add to Date.now() (positive when the server is ahead); 0 when serverNow is unreadable
 */
export function clockOffsetMs(serverNow: string, receivedAtMs: number): number {
  const serverMs = Date.parse(serverNow);
  if (!Number.isFinite(serverMs) || !Number.isFinite(receivedAtMs)) return 0;
  return Math.round(serverMs - receivedAtMs);
}
