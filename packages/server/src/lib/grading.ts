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
