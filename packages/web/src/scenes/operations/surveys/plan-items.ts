import type { TSurveyFinding } from '@calmdesk/shared';

/**
 * "Turn into plan items", pure: the theme and goal a finding suggests and the default date of an
 * item (the same day next month, like the server), moved into the target plan's year.
 */

export type TFindingWords = {
  theme: (topic: string | null, text: string) => string;
  goalChoice: (values: { count: number; share: number; option: string }) => string;
  goalLikert: (values: { average: number; prompt: string }) => string;
};

/** The theme a finding suggests: the option chosen, or the statement rated, under its topic. */
export function findingTheme(finding: TSurveyFinding, words: TFindingWords): string {
  return words.theme(finding.topic, finding.option ?? finding.prompt.replace(/[。.！!？?]+$/, '')).slice(0, 200);
}

/** Why the item is in the plan: how many chose the option, or the average rating. */
export function findingGoal(finding: TSurveyFinding, words: TFindingWords): string {
  if (finding.option !== null) return words.goalChoice({ count: finding.count ?? 0, share: Math.round((finding.share ?? 0) * 100), option: finding.option });
  return words.goalLikert({ average: finding.average ?? 0, prompt: finding.prompt });
}

/**
 * The same day next month (the last day of a shorter month), YYYY-MM-DD; in another year than
 * the plan's, mid-January or mid-December of the plan's year instead.
 */
export function defaultPlanDate(today: string, planYear?: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const date = `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  if (planYear === undefined || planYear === nextYear) return date;
  return planYear > nextYear ? `${planYear}-01-15` : `${planYear}-12-15`;
}
