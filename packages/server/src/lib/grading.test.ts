import { describe, expect, it } from 'vitest';
import { gradeAnswer, itemStatistics } from './grading.js';

describe('gradeAnswer', () => {
  it.each([
    { q: { type: 'single', answer: ['b'] }, r: ['b'], expected: true },
    { q: { type: 'single', answer: ['b'] }, r: ['a'], expected: false },
    { q: { type: 'single', answer: ['b'] }, r: [], expected: false },
    { q: { type: 'multiple', answer: ['a', 'c'] }, r: ['c', 'a'], expected: true },
    { q: { type: 'multiple', answer: ['a', 'c'] }, r: ['a'], expected: false },
    { q: { type: 'multiple', answer: ['a', 'c'] }, r: ['a', 'b', 'c'], expected: false },
    { q: { type: 'true_false', answer: [false] }, r: [false], expected: true },
    { q: { type: 'true_false', answer: [false] }, r: ['false'], expected: false },
    { q: { type: 'short_answer', answer: [] }, r: ['先回应情绪'], expected: null },
  ])('$q.type $r → $expected', ({ q, r, expected }) => {
    expect(gradeAnswer(q, r)).toBe(expected);
  });
});

describe('itemStatistics', () => {
  const attempt = (score: number, marks: Record<string, boolean>) => ({ score, correct: new Map(Object.entries(marks)) });

  it('measures difficulty as the share right, and discrimination between the best and worst attempts', () => {
    const stats = itemStatistics([
      attempt(100, { good: true, easy: true, bad: false }),
      attempt(90, { good: true, easy: true, bad: false }),
      attempt(40, { good: false, easy: true, bad: true }),
      attempt(20, { good: false, easy: true, bad: true }),
    ]);
    expect(stats.get('easy')).toEqual({ answered: 4, difficulty: 1, discrimination: 0 });
    expect(stats.get('good')).toEqual({ answered: 4, difficulty: 0.5, discrimination: 1 });
    expect(stats.get('bad')!.discrimination).toBe(-1);
  });

  it('leaves discrimination empty with too few attempts', () => {
    expect(itemStatistics([attempt(80, { q: true }), attempt(20, { q: false })]).get('q')!.discrimination).toBeNull();
  });
});
