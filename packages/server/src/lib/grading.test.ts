import { describe, expect, it } from 'vitest';
import { gradeAnswer } from './grading.js';

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
