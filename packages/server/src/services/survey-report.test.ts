import { surveyTemplate, type TSurveyQuestion } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import { checkSurveyAnswers, surveyLevelOf, tenureMonthsAt } from './survey-answers.js';
import { breakdownCells, buildSurveyReport, questionStats, type TReportResponse } from './survey-report.js';

/** The report's arithmetic and the answer rules, without a database. */

const LIKERT: TSurveyQuestion = { id: 'confidence', type: 'likert', prompt: '我有把握稳住局面', options: [], isRequired: true, topic: 'weak_point' };
const STRESS: TSurveyQuestion = { id: 'stress', type: 'likert', prompt: '我经常感到压力大', options: [], isRequired: true, topic: 'stressor' };
const WEAK: TSurveyQuestion = { id: 'weak', type: 'multiple', prompt: '最需要提升', options: ['被骂后平静', '读懂情绪', '拒绝不合理要求'], isRequired: true, topic: 'weak_point' };
const FORMAT: TSurveyQuestion = { id: 'format', type: 'single', prompt: '喜欢的形式', options: ['课堂', '演练'], isRequired: false, topic: 'format' };
const TEXT: TSurveyQuestion = { id: 'story', type: 'text', prompt: '说说一次投诉', options: [], isRequired: false, topic: 'complaint' };
const QUESTIONS = [LIKERT, STRESS, WEAK, FORMAT, TEXT];

function response(level: string, tenureMonths: number | null, answers: Record<string, unknown>, by: string | null = null): TReportResponse {
  return { level, tenureMonths, answers, by };
}

describe('questionStats', () => {
  it.each([
    { whenInputIs: [5, 4, 4, 1], expectedOutputIs: { average: 3.5, counts: [1, 0, 0, 2, 1], answered: 4 } },
    { whenInputIs: [3], expectedOutputIs: { average: 3, counts: [0, 0, 1, 0, 0], answered: 1 } },
    { whenInputIs: [], expectedOutputIs: { average: null, counts: [0, 0, 0, 0, 0], answered: 0 } },
    { whenInputIs: [2, 2, 3], expectedOutputIs: { average: 2.33, counts: [0, 2, 1, 0, 0], answered: 3 } },
  ])('averages and counts Likert answers $whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(questionStats(LIKERT, whenInputIs.map((value) => ({ value, by: null })), true)).toEqual({ kind: 'likert', ...expectedOutputIs });
  });

  it('counts each chosen option and each person who chose at least one known option', () => {
    const stats = questionStats(WEAK, [{ value: ['被骂后平静', '读懂情绪'], by: null }, { value: ['被骂后平静'], by: null }, { value: ['已删除的选项'], by: null }], true);
    expect(stats).toEqual({ kind: 'choice', answered: 2, counts: [{ option: '被骂后平静', count: 2 }, { option: '读懂情绪', count: 1 }, { option: '拒绝不合理要求', count: 0 }] });
  });

  it('lists open answers with names on a named survey, in text order without names on an anonymous one', () => {
    const answers = [{ value: '顾客说要打 12315', by: '李思琪' }, { value: '  ', by: '王晓雯' }, { value: '差评威胁', by: '陈雨桐' }];
    expect(questionStats(TEXT, answers, false)).toEqual({ kind: 'text', answered: 2, texts: [{ text: '顾客说要打 12315', by: '李思琪' }, { text: '差评威胁', by: '陈雨桐' }] });
    const anonymous = questionStats(TEXT, answers, true);
    expect(anonymous.kind === 'text' && anonymous.texts.every((t) => t.by === null)).toBe(true);
    expect(anonymous.kind === 'text' && anonymous.texts.map((t) => t.text)).toEqual(['差评威胁', '顾客说要打 12315'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });
});

describe('breakdownCells', () => {
  const group = (key: string, values: number[]) => ({ key, answers: values.map((value) => ({ value, by: null })) });

  it('hides an anonymous cell with fewer than 3 answers, and the smallest other cell so the total cannot give it away', () => {
    const cells = breakdownCells(LIKERT, [group('agent', [4, 4, 5, 3, 2]), group('mentor', [1, 2]), group('supervisor', [3, 3, 3])], { isAnonymous: true, minCell: 3, isOverallShown: true });
    expect(cells.map((c) => [c.key, c.hiddenReason, c.answered])).toEqual([
      ['agent', null, 5],
      ['mentor', 'too_few', null],
      ['supervisor', 'complement', null],
    ]);
    expect(cells[1]!.stats).toBeNull();
    expect(cells[2]!.stats).toBeNull();
  });

  it('needs no complement when two cells are hidden: their sum names nobody', () => {
    const cells = breakdownCells(LIKERT, [group('agent', [4, 4, 5]), group('mentor', [1, 2]), group('supervisor', [3])], { isAnonymous: true, minCell: 3, isOverallShown: true });
    expect(cells.map((c) => c.hiddenReason)).toEqual([null, 'too_few', 'too_few']);
  });

  it('shows every cell of a named survey, however small', () => {
    const cells = breakdownCells(LIKERT, [group('agent', [4]), group('mentor', [2, 2])], { isAnonymous: false, minCell: 3, isOverallShown: true });
    expect(cells.every((c) => c.hiddenReason === null)).toBe(true);
    expect(cells[0]!.stats).toMatchObject({ average: 4 });
  });

  it('shows an empty cell as 0 answers, not as hidden', () => {
    const cells = breakdownCells(LIKERT, [group('agent', [4, 4, 4]), group('mentor', [])], { isAnonymous: true, minCell: 3, isOverallShown: true });
    expect(cells[1]).toMatchObject({ answered: 0, hiddenReason: null });
  });
});

describe('buildSurveyReport', () => {
  const responses = [
    ...Array.from({ length: 6 }, (_, i) => response('agent', 2 + i, { confidence: 2 + (i % 2), stress: 4, weak: ['被骂后平静', ...(i % 3 === 0 ? ['读懂情绪'] : [])], format: '演练', story: i === 0 ? '顾客一直骂人' : '' })),
    response('agent', 30, { confidence: 4, stress: 3, weak: ['拒绝不合理要求'] }),
    response('supervisor', 50, { confidence: 5, stress: 2, weak: ['读懂情绪'] }),
    response('supervisor', null, { confidence: 4, stress: 4, weak: ['被骂后平静'] }),
  ];

  it('breaks answers down by level and tenure band, in their fixed order', () => {
    const report = buildSurveyReport(QUESTIONS, responses, { isAnonymous: false });
    expect(report.isHidden).toBe(false);
    expect(report.levels).toEqual([
      { key: 'agent', responses: 7 },
      { key: 'supervisor', responses: 2 },
    ]);
    expect(report.tenures).toEqual([
      { key: 'lt3m', responses: 1 },
      { key: '3to12m', responses: 5 },
      { key: '1to3y', responses: 1 },
      { key: 'gt3y', responses: 1 },
      { key: 'unknown', responses: 1 },
    ]);
    const confidence = report.questions.find((q) => q.id === 'confidence')!;
    expect(confidence.overall).toMatchObject({ kind: 'likert', answered: 9 });
    expect(confidence.byLevel.map((c) => c.answered)).toEqual([7, 2]);
    // Open answers are not split by group.
    expect(report.questions.find((q) => q.id === 'story')!.byLevel).toEqual([]);
  });

  it('on an anonymous survey hides the counts of small groups and their cells', () => {
    const report = buildSurveyReport(QUESTIONS, responses, { isAnonymous: true });
    expect(report.levels).toEqual([
      { key: 'agent', responses: 7 },
      { key: 'supervisor', responses: null },
    ]);
    const weak = report.questions.find((q) => q.id === 'weak')!;
    // With two levels, the agents' cell minus the total would give the two supervisors away: both go.
    expect(weak.byLevel.map((c) => c.hiddenReason)).toEqual(['complement', 'too_few']);
    // Four small tenure cells hide each other; the large one stays.
    const byTenure = weak.byTenure.map((c) => [c.key, c.hiddenReason]);
    expect(byTenure).toEqual([
      ['lt3m', 'too_few'],
      ['3to12m', null],
      ['1to3y', 'too_few'],
      ['gt3y', 'too_few'],
      ['unknown', 'too_few'],
    ]);
  });

  it('shows nothing of an anonymous survey with fewer than 3 responses, and finds nothing in it', () => {
    const report = buildSurveyReport(QUESTIONS, responses.slice(0, 2), { isAnonymous: true });
    expect(report.isHidden).toBe(true);
    expect(report.questions.every((q) => q.overall === null && q.byLevel.length === 0)).toBe(true);
    expect(report.levels).toEqual([{ key: 'agent', responses: null }]);
    expect(report.findings).toEqual([]);
  });

  it('hides an optional question answered by only one or two people on an anonymous survey', () => {
    const report = buildSurveyReport(QUESTIONS, responses, { isAnonymous: true });
    expect(report.questions.find((q) => q.id === 'story')!.overall).toBeNull();
  });

  it('finds the weak point chosen by many, low confidence and high stress, but nothing in formats', () => {
    const report = buildSurveyReport(QUESTIONS, responses, { isAnonymous: true });
    expect(report.findings.map((f) => f.id)).toEqual(['weak:0', 'weak:1', 'confidence', 'stress']);
    expect(report.findings[0]).toMatchObject({ option: '被骂后平静', count: 7, share: 0.778 });
    expect(report.findings.find((f) => f.id === 'confidence')).toMatchObject({ option: null, average: 3.11 });
  });
});

describe('checkSurveyAnswers', () => {
  it.each([
    { whenInputIs: { confidence: 6, stress: 3, weak: ['读懂情绪'] }, expectedOutputIs: [{ path: 'answers.confidence', message: 'a rating from 1 to 5' }] },
    { whenInputIs: { confidence: 4, stress: 3, weak: [] }, expectedOutputIs: [{ path: 'answers.weak', message: 'this question needs an answer' }] },
    { whenInputIs: { confidence: 4, stress: 3, weak: ['读懂情绪', '读懂情绪'] }, expectedOutputIs: [{ path: 'answers.weak', message: 'an option is chosen twice' }] },
    { whenInputIs: { confidence: 4, stress: 3, weak: ['随便'] }, expectedOutputIs: [{ path: 'answers.weak', message: 'some of the question’s options' }] },
    { whenInputIs: { confidence: 4, stress: 3, weak: ['读懂情绪'], format: '线上' }, expectedOutputIs: [{ path: 'answers.format', message: 'one of the question’s options' }] },
    { whenInputIs: { confidence: 4, stress: 3, weak: ['读懂情绪'], extra: 1 }, expectedOutputIs: [{ path: 'answers.extra', message: 'no such question in this survey' }] },
    { whenInputIs: { confidence: 2.5, stress: '3', weak: ['读懂情绪'] }, expectedOutputIs: [{ path: 'answers.confidence', message: 'a rating from 1 to 5' }, { path: 'answers.stress', message: 'a rating from 1 to 5' }] },
  ])('refuses $whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(checkSurveyAnswers(QUESTIONS, whenInputIs as never).issues).toEqual(expectedOutputIs);
  });

  it('stores answered questions only, multiple choices in the options’ order, text trimmed', () => {
    const { answers, issues } = checkSurveyAnswers(QUESTIONS, { confidence: 4, stress: 3, weak: ['拒绝不合理要求', '被骂后平静'], format: '', story: '  顾客骂人  ' });
    expect(issues).toEqual([]);
    expect(answers).toEqual({ confidence: 4, stress: 3, weak: ['被骂后平静', '拒绝不合理要求'], story: '顾客骂人' });
  });

  it('accepts the built-in templates answered in full', () => {
    const { questions } = surveyTemplate('reaction', 'zh-CN');
    expect(checkSurveyAnswers(questions, { content: 5, method: 4, instructor: 5 }).issues).toEqual([]);
  });
});

describe('surveyLevelOf and tenureMonthsAt', () => {
  it.each([
    { whenInputIs: ['agent'], expectedOutputIs: 'agent' },
    { whenInputIs: ['mentor', 'agent'], expectedOutputIs: 'mentor' },
    { whenInputIs: ['deputy', 'supervisor'], expectedOutputIs: 'deputy' },
    { whenInputIs: ['admin', 'trainer'], expectedOutputIs: 'trainer' },
    { whenInputIs: ['admin'], expectedOutputIs: 'admin' },
  ] as const)('level of $whenInputIs is $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(surveyLevelOf(whenInputIs)).toBe(expectedOutputIs);
  });

  it.each([
    { whenInputIs: ['2026-01-31', '2026-02-28'], expectedOutputIs: 0 },
    { whenInputIs: ['2026-01-31', '2026-03-01'], expectedOutputIs: 1 },
    { whenInputIs: ['2023-12-06', '2026-12-06'], expectedOutputIs: 36 },
    { whenInputIs: ['2023-12-07', '2026-12-06'], expectedOutputIs: 35 },
    { whenInputIs: ['2027-01-01', '2026-12-06'], expectedOutputIs: null },
    { whenInputIs: [null, '2026-12-06'], expectedOutputIs: null },
  ] as const)('months from $whenInputIs.0 to $whenInputIs.1', ({ whenInputIs, expectedOutputIs }) => {
    expect(tenureMonthsAt(whenInputIs[0], new Date(`${whenInputIs[1]}T12:00:00Z`))).toBe(expectedOutputIs);
  });
});
