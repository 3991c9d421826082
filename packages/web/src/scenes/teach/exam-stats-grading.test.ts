import { describe, expect, it } from 'vitest';
import type { TExamAttempt, TQuestionFull } from '../../api/teach';
import { bundleFileName, readBundleText } from './bundle';
import { availableFromIssue, countMatchingQuestions } from './exam-form';
import { answerLines, optionLetter, passVerdict, previewFinalScore, shortAnswerIds } from './grading';
import { discriminationBand, flagReasons, sortStatRows, summariseResults, type TStatRow } from './stats';

describe('countMatchingQuestions', () => {
  const base = { type: 'single' as const, options: [], answer: [], stem: '', explanation: '', rubric: null, origin: 'custom' as const, isEdited: false, usedInLessons: 0 };
  const bank: TQuestionFull[] = [
    { ...base, id: '00000000-0000-4000-8000-000000000001', key: 'a', tags: ['abc', 'breathing'], difficulty: 1, isRetired: false },
    { ...base, id: '00000000-0000-4000-8000-000000000002', key: 'b', tags: ['abc'], difficulty: 3, isRetired: false },
    { ...base, id: '00000000-0000-4000-8000-000000000003', key: 'c', tags: ['breathing'], difficulty: 2, isRetired: false },
    { ...base, id: '00000000-0000-4000-8000-000000000004', key: 'd', tags: ['abc'], difficulty: 2, isRetired: true },
  ];

  it('counts questions with any of the tags in the difficulty range, once each, retired ones out', () => {
    expect(countMatchingQuestions(bank, ['abc', 'breathing'], 1, 3)).toBe(3);
    expect(countMatchingQuestions(bank, ['abc'], 1, 3)).toBe(2);
    expect(countMatchingQuestions(bank, ['abc'], 2, 3)).toBe(1);
    expect(countMatchingQuestions(bank, [], 1, 3)).toBe(0);
  });

  it('reads N from the server’s issue', () => {
    expect(availableFromIssue('at most 7 with these tags')).toBe(7);
    expect(availableFromIssue('Required')).toBeNull();
  });
});

describe('question statistics', () => {
  const row = (overrides: Partial<TStatRow>): TStatRow => ({ id: '00000000-0000-4000-8000-000000000001', key: 'q', stem: '', type: 'single', answered: 20, difficulty: 0.6, discrimination: 0.4, isFlagged: false, ...overrides });

  it('names why a question is flagged, with the server’s thresholds', () => {
    expect(flagReasons(row({ difficulty: 0.1 }))).toEqual(['tooHard']);
    expect(flagReasons(row({ difficulty: 0.98, discrimination: 0 }))).toEqual(['tooEasy', 'noSeparation']);
    expect(flagReasons(row({ discrimination: 0.05 }))).toEqual(['noSeparation']);
    expect(flagReasons(row({}))).toEqual([]);
    expect(flagReasons(row({ answered: 4, difficulty: 0 }))).toEqual([]);
  });

  it('bands discrimination', () => {
    expect([null, -0.2, 0.05, 0.2, 0.3, 0.6].map(discriminationBand)).toEqual(['none', 'weak', 'weak', 'fair', 'good', 'good']);
  });

  it('lists flagged questions first, then the hardest', () => {
    const rows = [row({ key: 'easy', difficulty: 0.9 }), row({ key: 'hard', difficulty: 0.3 }), row({ key: 'flagged', difficulty: 0.99, isFlagged: true })];
    expect(sortStatRows(rows).map((r) => r.key)).toEqual(['flagged', 'hard', 'easy']);
  });
});

describe('summariseResults', () => {
  it('counts passes and averages the best scores of people who have one', () => {
    expect(
      summariseResults([
        { bestScore: 90, isPassed: true },
        { bestScore: 55, isPassed: false },
        { bestScore: null, isPassed: false },
      ]),
    ).toEqual({ people: 3, passed: 1, passRate: 33, averageBest: 73 });
    expect(summariseResults([])).toEqual({ people: 0, passed: 0, passRate: null, averageBest: null });
  });
});

describe('grading', () => {
  const attempt: TExamAttempt = {
    id: '00000000-0000-4000-8000-000000000010',
    examId: '00000000-0000-4000-8000-000000000011',
    exam: { title: { zh: '共情考核', en: 'Empathy exam' }, passMark: 60, timeLimitMinutes: 20, maxAttempts: 2 },
    user: { id: '00000000-0000-4000-8000-000000000012', displayName: '林晓' },
    serverNow: '2026-11-23T10:00:00.000Z',
    attemptNumber: 1,
    isMakeUp: false,
    status: 'submitted',
    startedAt: '2026-05-01T08:00:00.000Z',
    deadlineAt: '2026-05-01T08:30:00.000Z',
    submittedAt: '2026-05-01T08:20:00.000Z',
    questions: [
      { id: '00000000-0000-4000-8000-000000000001', type: 'single', stem: '哪句是共情？', options: [{ id: 'c', text: '我理解您的心情' }, { id: 'a', text: '这是规定' }] },
      { id: '00000000-0000-4000-8000-000000000002', type: 'true_false', stem: '情绪有好坏', options: [] },
      { id: '00000000-0000-4000-8000-000000000003', type: 'short_answer', stem: '如何安抚？', options: [] },
      { id: '00000000-0000-4000-8000-000000000004', type: 'multiple', stem: '多选', options: [{ id: 'b', text: '乙' }, { id: 'a', text: '甲' }] },
    ],
    answers: {
      '00000000-0000-4000-8000-000000000001': ['c'],
      '00000000-0000-4000-8000-000000000002': [true],
      '00000000-0000-4000-8000-000000000003': ['先道歉，再给方案'],
      '00000000-0000-4000-8000-000000000004': ['a', 'b'],
    },
    objectiveScore: 67,
    finalScore: null,
    isPassed: null,
    results: [
      { questionId: '00000000-0000-4000-8000-000000000001', isCorrect: true, correctAnswer: ['c'], explanation: '', rubric: null },
      { questionId: '00000000-0000-4000-8000-000000000002', isCorrect: false, correctAnswer: [false], explanation: '', rubric: null },
      { questionId: '00000000-0000-4000-8000-000000000003', isCorrect: null, correctAnswer: ['道歉', '方案'], explanation: '', rubric: '各 50 分' },
      { questionId: '00000000-0000-4000-8000-000000000004', isCorrect: true, correctAnswer: ['a', 'b'], explanation: '', rubric: null },
    ],
  };
  const words = { trueWord: '对', falseWord: '错', blank: '（未作答）' };
  const [single, trueFalse, short, multiple] = attempt.questions as [TExamAttempt['questions'][number], TExamAttempt['questions'][number], TExamAttempt['questions'][number], TExamAttempt['questions'][number]];

  it('writes answers with the letters the learner saw', () => {
    expect(optionLetter(single, 'c')).toBe('A');
    expect(answerLines(single, ['c'], words)).toEqual(['A. 我理解您的心情']);
    expect(answerLines(multiple, ['a', 'b'], words)).toEqual(['A. 乙', 'B. 甲']);
    expect(answerLines(trueFalse, [false], words)).toEqual(['错']);
    expect(answerLines(short, ['先道歉，再给方案'], words)).toEqual(['先道歉，再给方案']);
    expect(answerLines(short, [' '], words)).toEqual(['（未作答）']);
    expect(answerLines(single, undefined, words)).toEqual(['（未作答）']);
  });

  it('finds the short answers to mark', () => {
    expect(shortAnswerIds(attempt)).toEqual(['00000000-0000-4000-8000-000000000003']);
  });

  it('previews the final score as the server computes it, once every short answer has a mark', () => {
    expect(previewFinalScore(attempt, {})).toBeNull();
    // (100 + 0 + 80 + 100) / 4 = 70
    expect(previewFinalScore(attempt, { '00000000-0000-4000-8000-000000000003': 80 })).toBe(70);
  });

  it('reads the pass mark from the attempt: the preview against it, the server once graded', () => {
    expect(passVerdict(attempt, null)).toBeNull();
    expect(passVerdict(attempt, 60)).toBe('passed');
    expect(passVerdict(attempt, 59)).toBe('notPassed');
    expect(passVerdict({ ...attempt, exam: { ...attempt.exam, passMark: 80 } }, 70)).toBe('notPassed');
    expect(passVerdict({ ...attempt, status: 'graded', finalScore: 70, isPassed: true }, 50)).toBe('passed');
    expect(passVerdict({ ...attempt, status: 'graded', finalScore: 40, isPassed: false }, null)).toBe('notPassed');
  });
});

describe('course files', () => {
  it('names an export after the course key', () => {
    expect(bundleFileName('emotion-basics')).toBe('emotion-basics.calmdesk-course.json');
    expect(bundleFileName('../x y')).toBe('x-y.calmdesk-course.json');
  });

  it('reads a course file and says when a file is not JSON or not a course file', () => {
    expect(readBundleText('\uFEFF{"format":"calmdesk-course-v1","course":{}}')).toEqual({ isOk: true, bundle: { format: 'calmdesk-course-v1', course: {} } });
    expect(readBundleText('{oops')).toMatchObject({ isOk: false, problem: 'notJson' });
    expect(readBundleText('{"format":"something-else"}')).toEqual({ isOk: false, problem: 'notBundle' });
    expect(readBundleText('[]')).toEqual({ isOk: false, problem: 'notBundle' });
  });
});
