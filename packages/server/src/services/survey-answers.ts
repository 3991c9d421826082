import { ROLES, type TRole, type TSurveyAnswers, type TSurveyQuestion } from '@calmdesk/shared';

/**
 * Pure rules for answering a survey: checking one person's answers against the questions, and
 * the snapshot stored with them for the report's breakdowns (level and tenure).
 */

export type TAnswerIssue = { path: string; message: string };

/**
 * Checks answers against the questions: every required question answered, each answer of its
 * question's type (Likert 1–5, one of the options, some of the options, text), no unknown ids.
 * @param questions the survey's questions
 * @param answers question id -> answer, as sent
 * @returns the answers to store (empty ones left out, text trimmed) and the problems, each with its path `answers.<id>`
 */
export function checkSurveyAnswers(questions: readonly TSurveyQuestion[], answers: TSurveyAnswers): { answers: TSurveyAnswers; issues: TAnswerIssue[] } {
  const issues: TAnswerIssue[] = [];
  const stored: TSurveyAnswers = {};
  const known = new Set(questions.map((question) => question.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) issues.push({ path: `answers.${id}`, message: 'no such question in this survey' });
  for (const question of questions) {
    const path = `answers.${question.id}`;
    const raw = answers[question.id];
    const isEmpty = raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
    if (isEmpty) {
      if (question.isRequired) issues.push({ path, message: 'this question needs an answer' });
      continue;
    }
    switch (question.type) {
      case 'likert':
        if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 5) stored[question.id] = raw;
        else issues.push({ path, message: 'a rating from 1 to 5' });
        break;
      case 'single':
        if (typeof raw === 'string' && question.options.includes(raw)) stored[question.id] = raw;
        else issues.push({ path, message: 'one of the question’s options' });
        break;
      case 'multiple': {
        if (!Array.isArray(raw) || raw.some((option) => !question.options.includes(option))) issues.push({ path, message: 'some of the question’s options' });
        else if (new Set(raw).size !== raw.length) issues.push({ path, message: 'an option is chosen twice' });
        // Kept in the question's order, so the same choice always looks the same.
        else stored[question.id] = question.options.filter((option) => raw.includes(option));
        break;
      }
      case 'text':
        if (typeof raw === 'string') stored[question.id] = raw.trim();
        else issues.push({ path, message: 'text' });
        break;
    }
  }
  return { answers: stored, issues };
}

/**
 * The level a response is counted under: the highest role held, front line lowest. The
 * install's admin role says nothing about one's place in the service team, so it counts only
 * for someone who holds nothing else.
 * @param roles roles held in the organisation
 * @returns the role that names the level
 */
export function surveyLevelOf(roles: readonly TRole[]): TRole {
  const ranked = ROLES.filter((role) => role !== 'admin' && roles.includes(role));
  return ranked[ranked.length - 1] ?? (roles.includes('admin') ? 'admin' : 'agent');
}

/**
 * Whole months from the hire date to a day: 2026-01-31 to 2026-02-28 is 0, to 2026-03-01 is 1.
 * @param hireDate YYYY-MM-DD, or null when unknown
 * @param today the day of answering
 * @returns the months, or null when the hire date is unknown or after today
 */
export function tenureMonthsAt(hireDate: string | null, today: Date): number | null {
  if (!hireDate) return null;
  const [year, month, day] = hireDate.split('-').map(Number) as [number, number, number];
  let months = (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() + 1 - month);
  if (today.getUTCDate() < day) months -= 1;
  return months < 0 ? null : months;
}
