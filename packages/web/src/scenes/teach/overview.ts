import type { TOverviewRow } from '../../api/teach';

/** Filtering and per-team figures of the 学习概况 table: what the trainer narrows down and the chart sums. */

export interface TOverviewFilter {
  /** A team name (the overview names teams, it does not give their ids). */
  team?: string | undefined;
  courseId?: string | undefined;
  isOverdueOnly: boolean;
  /** Part of a person's name, any case. */
  search: string;
}

/**
 * The rows that pass every filter that is set.
 * @param rows the overview's rows
 * @param filter team, course, overdue only, name search
 * @returns the rows to show, in their original order
 */
export function filterOverviewRows(rows: readonly TOverviewRow[], filter: TOverviewFilter): TOverviewRow[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (filter.team === undefined || row.teamNames.includes(filter.team)) &&
      (filter.courseId === undefined || row.courseId === filter.courseId) &&
      (!filter.isOverdueOnly || row.isOverdue) &&
      (needle === '' || row.user.displayName.toLocaleLowerCase().includes(needle)),
  );
}

/**
 * Lessons done as a whole percentage.
 * @param done lessons finished
 * @param count lessons in the course
 * @returns 0–100; 0 for a course without lessons
 */
export function progressPercent(done: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(100, Math.round((done / count) * 100));
}

export interface TTeamSummary {
  team: string;
  /** Person × course assignments counted for the team. */
  enrolments: number;
  completed: number;
  /** completed / enrolments as a whole percentage. */
  completionRate: number;
  overdue: number;
}

/**
 * Completion rate and overdue count per team. A person in two teams counts in both; people
 * in no team are gathered under `noTeamLabel`.
 * @param rows the rows to sum (usually already filtered)
 * @param noTeamLabel the name of the "no team" group in the UI language
 * @returns one entry per team, sorted by name (the "no team" group last)
 */
export function summariseTeams(rows: readonly TOverviewRow[], noTeamLabel: string): TTeamSummary[] {
  const byTeam = new Map<string, { enrolments: number; completed: number; overdue: number }>();
  for (const row of rows) {
    for (const team of row.teamNames.length > 0 ? row.teamNames : [noTeamLabel]) {
      const entry = byTeam.get(team) ?? { enrolments: 0, completed: 0, overdue: 0 };
      entry.enrolments += 1;
      if (row.completedAt !== null) entry.completed += 1;
      if (row.isOverdue) entry.overdue += 1;
      byTeam.set(team, entry);
    }
  }
  return [...byTeam]
    .map(([team, entry]) => ({ team, ...entry, completionRate: entry.enrolments === 0 ? 0 : Math.round((entry.completed / entry.enrolments) * 100) }))
    .sort((a, b) => (a.team === noTeamLabel ? 1 : b.team === noTeamLabel ? -1 : a.team.localeCompare(b.team, 'zh-CN')));
}

/**
 * The team names that occur in the rows, for the team filter.
 * @param rows the overview's rows
 * @returns distinct names, sorted
 */
export function overviewTeams(rows: readonly TOverviewRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.teamNames))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
