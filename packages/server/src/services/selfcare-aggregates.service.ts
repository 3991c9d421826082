import { SELFCARE_AGGREGATE_WEEKS, SELFCARE_MIN_CONTRIBUTORS, hasAnyRole, type TDiaryAggregateCell, type TStressAggregateCell, type TTeamAggregates } from '@calmdesk/shared';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { notFound } from '../errors.js';
import { aggregateDiaryEntries, aggregateStressChecks, findAggregateTeams, type TDiaryAggregateRow, type TStressAggregateRow } from '../repositories/selfcare.repository.js';

/**
 * Team aggregates of self-care (SPEC §2.6): per team and week, how many people took a stress
 * check and how it came out, how many wrote diary entries and how strong the emotions were.
 * A supervisor sees their own teams; deputies and leaders every team of the organisation.
 *
 * Privacy — each cell shows numbers only when at least SELFCARE_MIN_CONTRIBUTORS (5) distinct
 * people contributed to it; otherwise it says `hidden, <5`, with no count at all (0 and 4 look
 * the same). What we did against recovering one person's figures by differencing:
 * - No totals. There is no "all teams" row, no 12-week column and no organisation-wide figure:
 *   a total next to its parts would reveal a hidden part by subtraction. The stress and diary
 *   cells are separate measures with separate thresholds; neither is a sum of the other.
 * - Only complete weeks (Monday–Sunday, China time), never the running week: a live cell that
 *   goes from 5 to 6 contributors while you watch would give away the sixth person's score.
 * - Weeks are by when a check was taken (`taken_at`) and when an entry was written
 *   (`created_at`), both set by the server — not by the back-datable `occurred_at` — so a
 *   past week's cell does not change when someone adds an old entry later.
 * - Averages are rounded to one decimal.
 * What remains, and is accepted: cells follow current team membership, so a cell changes when
 * someone joins or leaves a team, or deletes all their self-care data; two teams whose members
 * differ by one person could be compared. Both need inside knowledge and careful watching; the
 * threshold still keeps every cell a group of at least five.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const ORGANISATION_WIDE = ['deputy', 'leader'] as const;

/** Monday (YYYY-MM-DD, China time) of the week `at` falls in. */
export function chinaWeekStart(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday)).toISOString().slice(0, 10);
}

const addDays = (day: string, days: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
const round1 = (value: number) => Math.round(value * 10) / 10;
const HIDDEN = { status: 'hidden', contributors: '<5' } as const;

/** A stress cell: numbers only from five contributors up. */
export function stressCell(row: TStressAggregateRow | undefined): TStressAggregateCell {
  if (!row || row.contributors < SELFCARE_MIN_CONTRIBUTORS) return HIDDEN;
  return { status: 'shown', contributors: row.contributors, averageScore: round1(row.averageScore), bands: { low: row.low, moderate: row.moderate, high: row.high } };
}

/** A diary cell: numbers only from five contributors up. */
export function diaryCell(row: TDiaryAggregateRow | undefined): TDiaryAggregateCell {
  if (!row || row.contributors < SELFCARE_MIN_CONTRIBUTORS) return HIDDEN;
  return { status: 'shown', contributors: row.contributors, entries: row.entries, averageIntensity: round1(row.averageIntensity) };
}

/**
 * The aggregates of the teams in view, for the last complete weeks.
 * @param teamId one team; a supervisor asking for a team that is not theirs gets "not found"
 */
export async function teamAggregates(deps: TDeps, auth: TAuthContext, teamId: string | undefined, now = new Date()): Promise<TTeamAggregates> {
  const isOrganisationWide = hasAnyRole(auth.roles, ORGANISATION_WIDE);
  let teams = await findAggregateTeams(deps.db, auth.organisationId, isOrganisationWide ? null : auth.userId);
  if (teamId) {
    teams = teams.filter((t) => t.id === teamId);
    if (teams.length === 0) throw notFound('Team');
  }
  const currentWeek = chinaWeekStart(now);
  const weeks = Array.from({ length: SELFCARE_AGGREGATE_WEEKS }, (_, i) => addDays(currentWeek, -7 * (SELFCARE_AGGREGATE_WEEKS - i)));
  const from = new Date(`${weeks[0]}T00:00:00+08:00`);
  const to = new Date(`${currentWeek}T00:00:00+08:00`);
  const teamIds = teams.map((t) => t.id);
  const [stress, diary] = await Promise.all([aggregateStressChecks(deps.db, auth.organisationId, teamIds, from, to), aggregateDiaryEntries(deps.db, auth.organisationId, teamIds, from, to)]);
  const key = (teamId: string, week: string) => `${teamId} ${week}`;
  const stressBy = new Map(stress.map((r) => [key(r.teamId, r.weekStart), r]));
  const diaryBy = new Map(diary.map((r) => [key(r.teamId, r.weekStart), r]));
  return {
    minContributors: SELFCARE_MIN_CONTRIBUTORS,
    weeks,
    teams: teams.map((team) => ({
      team,
      cells: weeks.map((weekStart) => ({ weekStart, stress: stressCell(stressBy.get(key(team.id, weekStart))), diary: diaryCell(diaryBy.get(key(team.id, weekStart))) })),
    })),
  };
}
