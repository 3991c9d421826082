/**
 * Marks one objective answer. Multiple choice is all-or-nothing: a partly right selection
 * in an exam of emotion-handling judgement is still a wrong judgement. Short answers are
 * not marked here (a trainer grades them with the rubric): null.
 * @returns true, false, or null for "needs a person"
 */
export function gradeAnswer(question: { type: string; answer: unknown }, response: readonly unknown[] | undefined): boolean | null {
  if (question.type === 'short_answer') return null;
  const expected = Array.isArray(question.answer) ? question.answer : [];
  if (!response || response.length === 0) return false;
  if (question.type === 'true_false') return response.length === 1 && response[0] === expected[0];
  const given = new Set(response);
  return given.size === expected.length && expected.every((a) => given.has(a));
}

/**
 * Classical item statistics over graded attempts, to spot bad questions:
 * - difficulty (p): the share of attempts that got the question right (low p = hard);
 * - discrimination (D): p among the best 27% of attempts minus p among the worst 27%
 *   (Kelley's groups). Near zero or negative means the question does not separate people
 *   who know from people who do not: a candidate for rewording or retiring.
 * @param attempts each attempt's total score and, per question id, whether it was right
 */
export function itemStatistics(attempts: readonly { score: number; correct: ReadonlyMap<string, boolean> }[]): Map<string, { answered: number; difficulty: number; discrimination: number | null }> {
  const sorted = [...attempts].sort((a, b) => b.score - a.score);
  const group = Math.max(1, Math.round(sorted.length * 0.27));
  const upper = sorted.slice(0, group);
  const lower = sorted.slice(-group);
  const ids = new Set(attempts.flatMap((a) => [...a.correct.keys()]));
  const share = (list: readonly { correct: ReadonlyMap<string, boolean> }[], id: string) => {
    const answered = list.filter((a) => a.correct.has(id));
    return answered.length === 0 ? null : answered.filter((a) => a.correct.get(id)).length / answered.length;
  };
  const out = new Map<string, { answered: number; difficulty: number; discrimination: number | null }>();
  for (const id of ids) {
    const answered = attempts.filter((a) => a.correct.has(id)).length;
    const p = share(attempts, id) ?? 0;
    const pu = share(upper, id);
    const pl = share(lower, id);
    // With fewer than 4 attempts the two groups overlap too much to mean anything.
    const discrimination = sorted.length >= 4 && pu !== null && pl !== null ? Math.round((pu - pl) * 100) / 100 : null;
    out.set(id, { answered, difficulty: Math.round(p * 100) / 100, discrimination });
  }
  return out;
}
