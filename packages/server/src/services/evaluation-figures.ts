import { KPI_FIELDS, type TKpiField, type TLevelFigures } from '@calmdesk/shared';
import { AppError } from '../errors.js';

/**
 * The four levels' figures from sums and counts. The database adds up per person and month
 * (or per team snapshot and month, for anonymous reaction answers); these sums roll up to any
 * group — a team, a month, everyone — without averaging averages. Pure.
 */

/** Sums and counts; a missing key is 0. */
export type TAcc = Partial<Record<TAccKey, number>>;
export type TAccKey =
  | 'reactionSum' // Likert answers, added
  | 'reactionAnswers' // how many Likert answers
  | 'reactionResponses'
  | 'invited'
  | 'responded'
  | 'examSum'
  | 'examAttempts'
  | 'examPassed'
  | 'roleplaySum'
  | 'roleplayAttempts'
  | 'conversations'
  | 'qaScoreSum'
  | 'qaScored'
  | 'empathySum'
  | 'empathyMeasured'
  | 'deEscalated'
  | 'missed'
  | 'kpiRecords'
  | `${TKpiField}Sum`
  | `${TKpiField}N`;

/** Added-up figures of one person (or one team snapshot) in one month. */
export type TCell = {
  /** Null for anonymous reaction answers. */
  userId: string | null;
  /** The teams the cell counts for: the person's teams, or the team recorded with an anonymous answer. */
  teamIds: readonly string[];
  month: string;
  acc: TAcc;
};

/** Adds b into a. */
export function addAcc(a: TAcc, b: TAcc): TAcc {
  for (const [key, value] of Object.entries(b) as [TAccKey, number][]) a[key] = (a[key] ?? 0) + value;
  return a;
}

/** Adds up cells. */
export function sumCells(cells: Iterable<TCell>): TAcc {
  const total: TAcc = {};
  for (const cell of cells) addAcc(total, cell.acc);
  return total;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (sum: number | undefined, n: number | undefined, digits: number, scale = 1) => (!n ? null : round(((sum ?? 0) / n) * scale, digits));

/**
 * The figures shown for a group.
 * @param acc the group's sums
 * @returns averages (null without data), rates in %, counts
 */
export function figuresOf(acc: TAcc): TLevelFigures {
  const get = (key: TAccKey) => acc[key] ?? 0;
  return {
    reaction: {
      score: ratio(acc.reactionSum, acc.reactionAnswers, 2),
      responses: get('reactionResponses'),
      invited: get('invited'),
      responded: get('responded'),
      responseRate: ratio(acc.responded, acc.invited, 1, 100),
    },
    learning: {
      examAverage: ratio(acc.examSum, acc.examAttempts, 1),
      examPassRate: ratio(acc.examPassed, acc.examAttempts, 1, 100),
      examAttempts: get('examAttempts'),
      roleplayAverage: ratio(acc.roleplaySum, acc.roleplayAttempts, 1),
      roleplayAttempts: get('roleplayAttempts'),
    },
    behaviour: {
      qaScore: ratio(acc.qaScoreSum, acc.qaScored, 1),
      empathyRate: ratio(acc.empathySum, acc.empathyMeasured, 1),
      deEscalationRate: ratio(acc.deEscalated, acc.conversations, 1, 100),
      missedEscalations: get('missed'),
      conversations: get('conversations'),
    },
    results: {
      ...(Object.fromEntries(KPI_FIELDS.map((field) => [field, ratio(acc[`${field}Sum`], acc[`${field}N`], 2)])) as Record<TKpiField, number | null>),
      records: get('kpiRecords'),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Months

const MONTH = /^(\d{4})-(\d{2})$/;
/** The longest range the dashboard computes. */
export const MAX_RANGE_MONTHS = 36;
/**
 * The default range: this month and the twelve whole months before it. KPIs arrive after a
 * month ends, so a year of them needs the thirteenth month.
 */
export const DEFAULT_RANGE_MONTHS = 13;

/** A month moved by n months. */
export function addMonths(month: string, n: number): string {
  const [, y, m] = MONTH.exec(month)!.map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The month of an instant in China (UTC+8 all year). */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** The instant a month begins in China. */
export function monthStartInstant(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

export type TRange = { from: string; to: string; months: string[] };

/**
 * The months to compute: as asked, or the default thirteen ending this month.
 * @throws AppError VALIDATION_FAILED when `from` is after `to` or the range is longer than MAX_RANGE_MONTHS
 */
export function resolveRange(query: { from?: string | undefined; to?: string | undefined }, now = new Date()): TRange {
  const to = query.to ?? (query.from ? addMonths(query.from, DEFAULT_RANGE_MONTHS - 1) : shanghaiMonth(now));
  const from = query.from ?? addMonths(to, -(DEFAULT_RANGE_MONTHS - 1));
  if (from > to) throw new AppError('VALIDATION_FAILED', `The range starts (${from}) after it ends (${to})`, [{ path: 'querystring.from', message: 'after the end month' }]);
  const months = monthsBetween(from, to);
  if (months.length > MAX_RANGE_MONTHS) throw new AppError('VALIDATION_FAILED', `The range is ${months.length} months; at most ${MAX_RANGE_MONTHS}`, [{ path: 'querystring.from', message: `at most ${MAX_RANGE_MONTHS} months` }]);
  return { from, to, months };
}
