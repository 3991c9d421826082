import { surveyTemplate, type TBreakdownCell, type TSurveyFinding } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import { answersToSend, missingAnswers, type TFormQuestion } from './answers';
import { builderInput, builderIssues, builderStateOf, changeQuestionType, moveQuestion, newQuestion, nextQuestionId, placeServerIssues, quarterChoices, type TBuilderState } from './builder';
import { defaultPlanDate, findingGoal, findingTheme, type TFindingWords } from './plan-items';
import { breakdownOption, drawableCells, shortLabel, type TChartWords } from './report-charts';

/** The survey pages' pure parts: the builder's edits and checks, the answer form, plan items from findings, chart data. */

const NEEDS: TBuilderState = builderStateOf({ ...surveyTemplate('needs', 'zh-CN'), period: '2026-Q4', isAnonymous: true });

describe('builder', () => {
  it('starts from the needs template with all its questions, anonymous, in a quarter', () => {
    expect(NEEDS).toMatchObject({ kind: 'needs', period: '2026-Q4', isAnonymous: true });
    expect(NEEDS.questions).toHaveLength(11);
    expect(builderIssues(NEEDS)).toEqual({});
  });

  it('gives new questions unused ids, so reordering never mixes answers up', () => {
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q3' }])).toBe('q4');
    expect(nextQuestionId([{ id: 'q2' }])).toBe('q3');
    expect(newQuestion('single', [])).toEqual({ id: 'q1', type: 'single', prompt: '', options: ['', ''], isRequired: true, topic: undefined });
  });

  it.each([
    { whenInputIs: [0, -1], expectedOutputIs: ['a', 'b', 'c'] },
    { whenInputIs: [0, 1], expectedOutputIs: ['b', 'a', 'c'] },
    { whenInputIs: [2, -1], expectedOutputIs: ['a', 'c', 'b'] },
    { whenInputIs: [2, 1], expectedOutputIs: ['a', 'b', 'c'] },
  ] as const)('moves $whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(moveQuestion(['a', 'b', 'c'], whenInputIs[0], whenInputIs[1])).toEqual(expectedOutputIs);
  });

  it('keeps options from single to multiple choice and drops them for Likert', () => {
    const single = { ...newQuestion('single', []), options: ['物流', '质量', '态度'] };
    expect(changeQuestionType(single, 'multiple').options).toEqual(['物流', '质量', '态度']);
    expect(changeQuestionType(single, 'likert').options).toEqual([]);
    expect(changeQuestionType(newQuestion('text', []), 'single').options).toEqual(['', '']);
  });

  it('names every problem by the path the server uses', () => {
    const state: TBuilderState = {
      ...NEEDS,
      title: ' ',
      period: null,
      questions: [
        { ...newQuestion('single', []), prompt: '选一个', options: ['甲', ' '] },
        { ...newQuestion('multiple', [{ id: 'q1' }]), prompt: '', options: ['甲', '甲 '] },
      ],
    };
    expect(builderIssues(state)).toEqual({ title: 'titleRequired', period: 'periodRequired', 'questions.0.options': 'twoOptions', 'questions.1.prompt': 'promptRequired', 'questions.1.options': 'optionTwice' });
    expect(builderIssues({ ...NEEDS, kind: 'general', period: null })).toEqual({});
  });

  it('sends trimmed texts without empty options, and no options for Likert', () => {
    const state: TBuilderState = { ...NEEDS, title: ' 季度调研 ', questions: [{ id: 'q1', type: 'single', prompt: ' 选 ', options: ['甲 ', '', '乙'], isRequired: false, topic: 'complaint' }, { id: 'q2', type: 'likert', prompt: '打分', options: ['x'], isRequired: true, topic: undefined }] };
    expect(builderInput(state)).toMatchObject({
      title: '季度调研',
      questions: [
        { id: 'q1', prompt: '选', options: ['甲', '乙'], isRequired: false, topic: 'complaint' },
        { id: 'q2', options: [], isRequired: true },
      ],
    });
    expect('topic' in builderInput(state).questions[1]!).toBe(false);
  });

  it('puts server issues on the question fields', () => {
    expect(placeServerIssues([{ path: 'body.questions.2.options', message: 'a choice question needs at least 2 options' }, { path: 'body.period', message: 'a quarter like 2026-Q4' }, { path: 'body.questions', message: 'too small' }])).toEqual({
      'questions.2.options': 'a choice question needs at least 2 options',
      period: 'a quarter like 2026-Q4',
      questions: 'too small',
    });
  });

  it('offers last quarter, this one and the next three, across a year end', () => {
    expect(quarterChoices(new Date(2026, 11, 6))).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3']);
    expect(quarterChoices(new Date(2027, 0, 10))).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });
});

describe('answer form', () => {
  const questions: TFormQuestion[] = [
    { id: 'a', type: 'likert', prompt: '打分', options: [], isRequired: true },
    { id: 'b', type: 'multiple', prompt: '多选', options: ['甲', '乙'], isRequired: true },
    { id: 'c', type: 'text', prompt: '说说', options: [], isRequired: true },
    { id: 'd', type: 'text', prompt: '选填', options: [], isRequired: false },
  ];

  it('lists required questions left empty, in order', () => {
    expect(missingAnswers(questions, { a: 3, b: [], c: '   ' })).toEqual(['b', 'c']);
    expect(missingAnswers(questions, { a: 3, b: ['甲'], c: '好' })).toEqual([]);
  });

  it('sends answered questions only, text trimmed', () => {
    expect(answersToSend(questions, { a: 3, b: ['乙'], c: ' 顾客很急 ', d: '' })).toEqual({ a: 3, b: ['乙'], c: '顾客很急' });
  });
});

describe('plan items from findings', () => {
  const words: TFindingWords = {
    theme: (topic, text) => `${topic ?? 'other'}：${text}`,
    goalChoice: ({ count, share, option }) => `${count} 人（${share}%）选择“${option}”`,
    goalLikert: ({ average, prompt }) => `“${prompt}”平均 ${average} 分`,
  };
  const choice: TSurveyFinding = { id: 'weak_points:0', questionId: 'weak_points', topic: 'weak_point', prompt: '最需要提升？', option: '被骂之后让自己尽快平静下来', share: 0.62, count: 13, average: null };
  const statement: TSurveyFinding = { id: 'confidence', questionId: 'confidence', topic: 'weak_point', prompt: '面对情绪激动的顾客，我有把握把局面稳住。', option: null, share: null, count: null, average: 2.9 };

  it('takes the theme from the option chosen, or the statement without its full stop', () => {
    expect(findingTheme(choice, words)).toBe('weak_point：被骂之后让自己尽快平静下来');
    expect(findingTheme(statement, words)).toBe('weak_point：面对情绪激动的顾客，我有把握把局面稳住');
    expect(findingGoal(choice, words)).toBe('13 人（62%）选择“被骂之后让自己尽快平静下来”');
    expect(findingGoal(statement, words)).toBe('“面对情绪激动的顾客，我有把握把局面稳住。”平均 2.9 分');
  });

  it.each([
    { whenInputIs: ['2026-10-15'], expectedOutputIs: '2026-11-15' },
    { whenInputIs: ['2026-01-31'], expectedOutputIs: '2026-02-28' },
    { whenInputIs: ['2026-12-06'], expectedOutputIs: '2027-01-06' },
    { whenInputIs: ['2026-12-06', 2026], expectedOutputIs: '2026-12-15' },
    { whenInputIs: ['2026-10-15', 2027], expectedOutputIs: '2027-01-15' },
  ] as const)('dates an item next month: $whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(defaultPlanDate(whenInputIs[0], whenInputIs[1])).toBe(expectedOutputIs);
  });
});

describe('report charts', () => {
  const words: TChartWords = { likert: ['1', '2', '3', '4', '5'], people: '人数', average: '平均分', share: '占比', group: (key) => key };
  const cells: TBreakdownCell[] = [
    { key: 'agent', answered: 10, hiddenReason: null, stats: { kind: 'choice', answered: 10, counts: [{ option: '甲', count: 6 }, { option: '乙', count: 2 }] } },
    { key: 'mentor', answered: null, hiddenReason: 'too_few', stats: null },
    { key: 'supervisor', answered: 4, hiddenReason: null, stats: { kind: 'choice', answered: 4, counts: [{ option: '甲', count: 1 }, { option: '乙', count: 4 }] } },
    { key: 'deputy', answered: 0, hiddenReason: null, stats: { kind: 'choice', answered: 0, counts: [{ option: '甲', count: 0 }, { option: '乙', count: 0 }] } },
  ];

  it('draws only the groups shown and answered', () => {
    expect(drawableCells(cells).map((cell) => cell.key)).toEqual(['agent', 'supervisor']);
  });

  it('compares each option’s share between groups', () => {
    const option = breakdownOption('multiple', cells, ['甲', '乙'], words) as { series: { name: string; data: number[] }[] };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['agent', [60, 20]],
      ['supervisor', [25, 100]],
    ]);
  });

  it('draws the average per group for a Likert statement, and nothing when every group is hidden', () => {
    const likert: TBreakdownCell[] = [
      { key: 'lt3m', answered: 5, hiddenReason: null, stats: { kind: 'likert', answered: 5, average: 2.6, counts: [1, 1, 2, 0, 1] } },
      { key: 'gt3y', answered: null, hiddenReason: 'complement', stats: null },
    ];
    const option = breakdownOption('likert', likert, [], words) as { series: { data: { value: number }[] }[] };
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([2.6]);
    expect(breakdownOption('likert', [likert[1]!], [], words)).toBeNull();
  });

  it('shortens long option texts on an axis', () => {
    expect(shortLabel('拒绝不合理要求又不激化矛盾', 7)).toBe('拒绝不合理要…');
    expect(shortLabel('物流', 7)).toBe('物流');
  });
});
