import { SELECTION_PARTS, type TSelectionPart, type TSelectionRow, type TSelectionWeights } from '@calmdesk/shared';

/**
 * The excellent-trainee (优秀学员) ranking as pure arithmetic, so it can be checked by hand:
 * each part gets a 0–100 mark, the marks are weighted, and the weighted marks add up to the score.
 *
 * - exams: the average final score of graded exam attempts in the half-year (0–100 as is);
 * - role-play: the average over scenarios of each scenario's best finished score (0–100 as is);
 * - attendance: sessions attended (present or late) out of those counted (present, late,
 *   absent; excused absences are left out), as 0–100;
 * - KPI change: CSAT this half-year minus the half-year before, in percentage points, marked
 *   50 + 5 × change and kept within 0–100: no change is 50, +10 points or more the full mark,
 *   −10 or worse 0 (a ten-point swing in satisfaction is already large for one agent).
 *
 * No data means different things. No graded exam or no finished role-play is a trainee who did
 * not take part: the part's mark is 0 and its weight stays. No session to attend, or no KPI
 * before and after, is nothing the trainee could do: that part's weight goes to the other parts
 * in proportion to their weights, and the row lists it under `redistributed`.
 */

export type TSelectionInput = {
  user: { id: string; displayName: string };
  teams: { id: string; name: string }[];
  exams: { average: number; count: number } | null;
  roleplay: { average: number; count: number } | null;
  attendance: { attended: number; counted: number } | null;
  kpi: { before: number; after: number; periods: number } | null;
};

/** Parts whose weight is handed on when there is nothing to measure. */
const REDISTRIBUTABLE: readonly TSelectionPart[] = ['attendance', 'kpi'];

const clamp = (value: number) => Math.min(100, Math.max(0, value));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The 0–100 mark of a CSAT change.
 * @param change percentage points, after minus before
 */
export function kpiChangeMark(change: number): number {
  return clamp(50 + 5 * change);
}

type TPart = TSelectionRow['parts'][TSelectionPart];

/**
 * One person's score.
 * @returns the parts (value, mark, effective weight, points), the total and the redistributed parts
 */
export function scoreSelectionInput(input: TSelectionInput, weights: TSelectionWeights): Pick<TSelectionRow, 'score' | 'parts' | 'redistributed'> {
  const measured: Record<TSelectionPart, { value: number | null; mark: number | null; count: number }> = {
    exams: input.exams ? { value: round(input.exams.average), mark: clamp(input.exams.average), count: input.exams.count } : { value: null, mark: null, count: 0 },
    roleplay: input.roleplay ? { value: round(input.roleplay.average), mark: clamp(input.roleplay.average), count: input.roleplay.count } : { value: null, mark: null, count: 0 },
    attendance:
      input.attendance && input.attendance.counted > 0
        ? { value: round(input.attendance.attended / input.attendance.counted, 3), mark: (100 * input.attendance.attended) / input.attendance.counted, count: input.attendance.counted }
        : { value: null, mark: null, count: 0 },
    kpi: input.kpi ? { value: round(input.kpi.after - input.kpi.before), mark: kpiChangeMark(input.kpi.after - input.kpi.before), count: input.kpi.periods } : { value: null, mark: null, count: 0 },
  };
  const redistributed = REDISTRIBUTABLE.filter((part) => measured[part].mark === null && weights[part] > 0);
  const kept = SELECTION_PARTS.filter((part) => !redistributed.includes(part));
  const keptWeight = kept.reduce((sum, part) => sum + weights[part], 0);
  const freed = 100 - keptWeight;
  const effective = (part: TSelectionPart) => {
    if (redistributed.includes(part)) return 0;
    if (freed === 0 || keptWeight === 0) return weights[part];
    return weights[part] + (freed * weights[part]) / keptWeight;
  };
  const parts = {} as Record<TSelectionPart, TPart>;
  let score = 0;
  for (const part of SELECTION_PARTS) {
    const weight = effective(part);
    const mark = measured[part].mark;
    const points = ((mark ?? 0) * weight) / 100;
    score += points;
    parts[part] = { value: measured[part].value, mark: mark === null ? null : round(mark), weight: round(weight, 2), points: round(points, 2), count: measured[part].count };
  }
  return { score: round(score, 1), parts, redistributed };
}

/**
 * Ranks people by score, best first; equal scores share a rank (1, 2, 2, 4) and are listed by name.
 * People with nothing at all to measure in the half-year are left out.
 */
export function rankSelection(inputs: readonly TSelectionInput[], weights: TSelectionWeights): TSelectionRow[] {
  const scored = inputs
    .filter((input) => input.exams || input.roleplay || (input.attendance && input.attendance.counted > 0) || input.kpi)
    .map((input) => ({ user: input.user, teams: input.teams, ...scoreSelectionInput(input, weights) }))
    .sort((a, b) => b.score - a.score || a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'));
  let rank = 0;
  return scored.map((row, index) => {
    if (index === 0 || scored[index - 1]!.score !== row.score) rank = index + 1;
    return { rank, ...row };
  });
}
