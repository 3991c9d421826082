import { questionProblems } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import type { TQuestionFull } from '../../api/teach';
import { emptyQuestionValues, markOption, questionIssueField, questionToValues, valuesToQuestionInput } from './question-form';

const STORED: TQuestionFull = {
  id: '00000000-0000-4000-8000-000000000001',
  key: 'empathy-first',
  type: 'multiple',
  difficulty: 2,
  tags: ['empathy'],
  stem: '哪些是共情的说法？',
  options: [
    { id: 'a', text: '换作是我也会着急' },
    { id: 'b', text: '这不是我们的问题' },
    { id: 'c', text: '我理解您的心情' },
  ],
  answer: ['a', 'c'],
  explanation: '先接住情绪。',
  rubric: null,
  isRetired: false,
  origin: 'custom',
  isEdited: false,
  usedInLessons: 0,
};

describe('question form values', () => {
  it('round-trips a stored choice question', () => {
    const values = questionToValues(STORED);
    expect(values.options.map((o) => o.isCorrect)).toEqual([true, false, true]);
    expect(valuesToQuestionInput(values, STORED.key)).toEqual({
      key: 'empathy-first',
      type: 'multiple',
      difficulty: 2,
      tags: ['empathy'],
      stem: '哪些是共情的说法？',
      options: STORED.options,
      answer: ['a', 'c'],
      explanation: '先接住情绪。',
      rubric: null,
    });
  });

  it('drops empty option rows and renumbers the rest a, b, c with their marks', () => {
    const values = { ...emptyQuestionValues('abc'), stem: '题干', explanation: '解析' };
    values.options = [
      { text: '甲', isCorrect: false },
      { text: ' ', isCorrect: true },
      { text: '丙', isCorrect: true },
    ];
    const input = valuesToQuestionInput(values);
    expect(input.options).toEqual([
      { id: 'a', text: '甲' },
      { id: 'b', text: '丙' },
    ]);
    expect(input.answer).toEqual(['b']);
    expect(input.key).toBeUndefined();
    expect(questionProblems(input)).toEqual([]);
  });

  it('sends true/false as a boolean without options', () => {
    const values = { ...emptyQuestionValues('abc'), type: 'true_false' as const, truth: 'false' as const, stem: '情绪有好坏之分', explanation: '情绪本身没有好坏' };
    const input = valuesToQuestionInput(values);
    expect(input).toMatchObject({ options: [], answer: [false] });
    expect(questionProblems(input)).toEqual([]);
  });

  it('sends a short answer with its reference points and rubric, which the server requires', () => {
    const values = { ...emptyQuestionValues('abc'), type: 'short_answer' as const, stem: '如何安抚？', keyPoints: ['先共情', '', ' 给时间承诺 '], explanation: '参考', rubric: '每点 50 分' };
    const input = valuesToQuestionInput(values);
    expect(input).toMatchObject({ options: [], answer: ['先共情', '给时间承诺'], rubric: '每点 50 分' });
    expect(questionProblems(input)).toEqual([]);
    expect(questionProblems({ ...input, rubric: null }).map((p) => p.path)).toEqual(['rubric']);
  });

  it('marks one right option for a single choice and toggles for a multiple choice', () => {
    const rows = [
      { text: 'a', isCorrect: true },
      { text: 'b', isCorrect: false },
    ];
    expect(markOption(rows, 1, 'single').map((r) => r.isCorrect)).toEqual([false, true]);
    expect(markOption(rows, 1, 'multiple').map((r) => r.isCorrect)).toEqual([true, true]);
    expect(markOption(rows, 0, 'multiple').map((r) => r.isCorrect)).toEqual([false, false]);
  });

  it('places the server’s answer issue on the field of the type', () => {
    expect(questionIssueField('answer', 'single')).toBe('options');
    expect(questionIssueField('answer', 'true_false')).toBe('truth');
    expect(questionIssueField('body.answer.0', 'short_answer')).toBe('keyPoints');
    expect(questionIssueField('options.2.text', 'multiple')).toBe('options');
    expect(questionIssueField('rubric', 'short_answer')).toBe('rubric');
    expect(questionIssueField('key', 'single')).toBe('stem');
  });
});
