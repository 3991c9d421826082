import { describe, expect, it } from 'vitest';
import { ABC_FIELDS, abcStorageKey, isSheetEmpty, parseSheet, sheetAsText } from './abc';
import { answersToSend, cleanAnswer, examStorageKey, openQuestionNumbers, optionLetter, parseStoredAnswers, readAnswer } from './answers';
import { BREATH_MAX_SCALE, BREATH_MIN_SCALE, BREATH_PATTERNS, breathAt, breathCycleMs } from './breathing';
import { normaliseCertificateCode, verificationUrl } from './certificate';
import { canTakeMakeUp, examAction } from './exam-rules';
import { clockOffsetMs, clockTone, formatClock, secondsLeft, warningsCrossed } from './countdown';
import { continuePath, isCourseOverdue, lessonNeighbours, percentDone, resumeLessonId } from './progress';
import { GROUP_MS, MUSCLE_GROUPS, RELAXATION_TOTAL_MS, RELAX_MS, TENSE_MS, groupStartMs, relaxationAt } from './relaxation';

describe('breathing pacer', () => {
  const p478 = BREATH_PATTERNS['4-7-8'];
  const p426 = BREATH_PATTERNS['4-2-6'];

  it('paces 4-7-8 as 4 s in, 7 s hold, 8 s out, four rounds', () => {
    expect(breathCycleMs(p478)).toBe(19_000);
    const table = [
      { at: 0, phase: 'inhale', left: 4, round: 1 },
      { at: 3_999, phase: 'inhale', left: 1, round: 1 },
      { at: 4_000, phase: 'hold', left: 7, round: 1 },
      { at: 10_500, phase: 'hold', left: 1, round: 1 },
      { at: 11_000, phase: 'exhale', left: 8, round: 1 },
      { at: 18_999, phase: 'exhale', left: 1, round: 1 },
      { at: 19_000, phase: 'inhale', left: 4, round: 2 },
      { at: 3 * 19_000 + 12_000, phase: 'exhale', left: 7, round: 4 },
    ] as const;
    for (const row of table) {
      const state = breathAt(p478, row.at);
      expect([state.phase, state.phaseSecondsLeft, state.round], `at ${row.at}`).toEqual([row.phase, row.left, row.round]);
    }
  });

  it('ends after the last round with the circle empty', () => {
    expect(breathAt(p478, 4 * 19_000)).toMatchObject({ phase: 'done', round: 4, phaseSecondsLeft: 0, progress: 1, scale: BREATH_MIN_SCALE });
  });

  it('paces the gentler 4-2-6 over about a minute', () => {
    expect(breathCycleMs(p426) * p426.rounds).toBe(60_000);
    expect(breathAt(p426, 4_500)).toMatchObject({ phase: 'hold', phaseSecondsLeft: 2 });
    expect(breathAt(p426, 6_000)).toMatchObject({ phase: 'exhale', phaseSecondsLeft: 6 });
  });

  it('grows the circle while breathing in, keeps it full while holding, shrinks it breathing out', () => {
    expect(breathAt(p478, 0).scale).toBeCloseTo(BREATH_MIN_SCALE);
    expect(breathAt(p478, 2_000).scale).toBeGreaterThan(BREATH_MIN_SCALE);
    expect(breathAt(p478, 2_000).scale).toBeLessThan(BREATH_MAX_SCALE);
    expect(breathAt(p478, 6_000).scale).toBe(BREATH_MAX_SCALE);
    expect(breathAt(p478, 15_000).scale).toBeLessThan(breathAt(p478, 12_000).scale);
  });

  it('treats negative or broken times as the start', () => {
    expect(breathAt(p478, -500)).toMatchObject({ phase: 'inhale', round: 1, phaseSecondsLeft: 4 });
    expect(breathAt(p478, Number.NaN)).toMatchObject({ phase: 'inhale', round: 1 });
  });
});

describe('muscle relaxation', () => {
  it('tenses each group for 5 s and relaxes it for 10 s, in order', () => {
    expect([TENSE_MS, RELAX_MS, GROUP_MS]).toEqual([5_000, 10_000, 15_000]);
    expect(relaxationAt(0)).toMatchObject({ index: 0, group: 'hands', step: 'tense', stepSecondsLeft: 5 });
    expect(relaxationAt(4_200)).toMatchObject({ group: 'hands', step: 'tense', stepSecondsLeft: 1 });
    expect(relaxationAt(5_000)).toMatchObject({ group: 'hands', step: 'relax', stepSecondsLeft: 10 });
    expect(relaxationAt(15_000)).toMatchObject({ index: 1, group: 'arms', step: 'tense' });
  });

  it('is done after the last group', () => {
    expect(relaxationAt(RELAXATION_TOTAL_MS)).toMatchObject({ step: 'done', index: MUSCLE_GROUPS.length - 1, progress: 1 });
  });

  it('finds where a group starts, for skipping', () => {
    expect(groupStartMs(2)).toBe(30_000);
    expect(groupStartMs(-1)).toBe(0);
    expect(groupStartMs(99)).toBe(RELAXATION_TOTAL_MS);
  });
});

describe('exam clock', () => {
  const deadline = '2026-03-01T10:30:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole seconds to the deadline on the server clock', () => {
    expect(secondsLeft(deadline, at('2026-03-01T10:29:58.200Z'))).toBe(2);
    expect(secondsLeft(deadline, at('2026-03-01T10:31:00.000Z'))).toBe(0);
    // This computer runs 30 s behind the server: 30 s less remain than its own clock says.
    expect(secondsLeft(deadline, at('2026-03-01T10:29:00.000Z'), 30_000)).toBe(30);
    expect(secondsLeft('not a date', 0)).toBe(0);
  });

  it('shows mm:ss, and h:mm:ss for an hour or more', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65)).toBe('01:05');
    expect(formatClock(3_725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('00:00');
  });

  it('turns urgent at 5 minutes and 1 minute', () => {
    expect([clockTone(301), clockTone(300), clockTone(61), clockTone(60), clockTone(0)]).toEqual(['calm', 'soon', 'soon', 'last', 'over']);
  });

  it('warns once at 5 minutes and once at 1 minute, even when ticks are missed', () => {
    expect(warningsCrossed(301, 300)).toEqual([300]);
    expect(warningsCrossed(300, 299)).toEqual([]);
    expect(warningsCrossed(61, 60)).toEqual([60]);
    expect(warningsCrossed(400, 50)).toEqual([300, 60]);
    expect(warningsCrossed(5, 0)).toEqual([]);
  });

  it('on opening the page late, gives only the most urgent warning', () => {
    expect(warningsCrossed(null, 1_000)).toEqual([]);
    expect(warningsCrossed(null, 200)).toEqual([300]);
    expect(warningsCrossed(null, 30)).toEqual([60]);
  });

  it('reads the server clock offset from the time in the answer and when it arrived', () => {
    const received = at('2026-03-01T10:00:00.000Z');
    expect(clockOffsetMs('2026-03-01T10:01:00.250Z', received)).toBe(60_250);
    expect(clockOffsetMs('2026-03-01T09:59:58.000Z', received)).toBe(-2_000);
    expect(clockOffsetMs('2026-03-01T10:00:00.000Z', received)).toBe(0);
    expect(clockOffsetMs('garbage', received)).toBe(0);
    expect(clockOffsetMs('', received)).toBe(0);
  });

  it('counts down on the server clock when the browser clock is off', () => {
    // The browser runs 2 minutes slow: its 10:00 is the server's 10:02.
    const received = at('2026-03-01T10:00:00.000Z');
    const offset = clockOffsetMs('2026-03-01T10:02:00.000Z', received);
    expect(secondsLeft('2026-03-01T10:05:00.000Z', received, offset)).toBe(180);
  });
});

describe('quiz and exam answers', () => {
  const single = { id: 'q1', type: 'single', options: [{ id: 'b', text: '乙' }, { id: 'a', text: '甲' }, { id: 'c', text: '丙' }] };
  const multiple = { id: 'q2', type: 'multiple', options: [{ id: 'c', text: 'C' }, { id: 'a', text: 'A' }, { id: 'b', text: 'B' }] };
  const trueFalse = { id: 'q3', type: 'true_false', options: [] };
  const short = { id: 'q4', type: 'short_answer', options: [] };
  const paper = [single, multiple, trueFalse, short];

  it('sends choices as the question own option ids, in the order shown, once each', () => {
    expect(cleanAnswer(multiple, ['b', 'x', 'c', 'b'])).toEqual(['c', 'b']);
    expect(cleanAnswer(single, ['a', 'b'])).toEqual(['b']);
    expect(cleanAnswer(single, ['zz'])).toBeNull();
  });

  it('sends true/false as one boolean and a short answer as trimmed text', () => {
    expect(cleanAnswer(trueFalse, [false])).toEqual([false]);
    expect(cleanAnswer(trueFalse, ['true'])).toBeNull();
    expect(cleanAnswer(short, ['  先接情绪  '])).toEqual(['先接情绪']);
    expect(cleanAnswer(short, ['   '])).toBeNull();
    expect(cleanAnswer(short, ['字'.repeat(5000)])?.[0]).toHaveLength(4000);
  });

  it('leaves open questions and other papers out of what is sent', () => {
    expect(answersToSend(paper, { q1: ['a'], q2: [], q3: [true], q4: [''], other: ['a'] })).toEqual({ q1: ['a'], q3: [true] });
  });

  it('lists open questions by their number on the page', () => {
    expect(openQuestionNumbers(paper, { q1: ['a'], q3: [true] })).toEqual([2, 4]);
    expect(openQuestionNumbers(paper, {})).toEqual([1, 2, 3, 4]);
  });

  it('names options by their place on the paper, not their id', () => {
    expect(optionLetter(0)).toBe('A');
    expect(readAnswer(single, ['a'])).toEqual({ kind: 'options', options: [{ letter: 'B', text: '甲' }] });
    expect(readAnswer(multiple, ['a', 'c'])).toEqual({ kind: 'options', options: [{ letter: 'A', text: 'C' }, { letter: 'B', text: 'A' }] });
    expect(readAnswer(trueFalse, [true])).toEqual({ kind: 'boolean', value: true });
    expect(readAnswer(short, ['要点一', '要点二'])).toEqual({ kind: 'text', lines: ['要点一', '要点二'] });
    expect(readAnswer(single, undefined)).toEqual({ kind: 'none' });
  });

  it('keeps only well-formed answers from this browser storage', () => {
    expect(parseStoredAnswers(JSON.stringify({ q1: ['a'], q3: [true], bad: 'x', worse: [{}], q4: ['文字'] }))).toEqual({ q1: ['a'], q3: [true], q4: ['文字'] });
    expect(parseStoredAnswers('{broken')).toEqual({});
    expect(parseStoredAnswers('[1,2]')).toEqual({});
    expect(parseStoredAnswers(null)).toEqual({});
    expect(examStorageKey('abc')).toBe('calmdesk.exam.abc');
  });
});

describe('course progress', () => {
  const lessons = [
    { id: 'l3', position: 3 },
    { id: 'l1', position: 1 },
    { id: 'l2', position: 2 },
  ];

  it('continues with the first lesson not done after the last one finished', () => {
    expect(resumeLessonId(lessons, { doneLessonIds: [], lastLessonId: null })).toBe('l1');
    expect(resumeLessonId(lessons, { doneLessonIds: ['l1'], lastLessonId: 'l1' })).toBe('l2');
    expect(resumeLessonId(lessons, { doneLessonIds: ['l2'], lastLessonId: 'l2' })).toBe('l3');
  });

  it('goes back to a skipped lesson when the later ones are done', () => {
    expect(resumeLessonId(lessons, { doneLessonIds: ['l2', 'l3'], lastLessonId: 'l3' })).toBe('l1');
  });

  it('reopens the last lesson when everything is done, and has nothing for an empty course', () => {
    expect(resumeLessonId(lessons, { doneLessonIds: ['l1', 'l2', 'l3'], lastLessonId: 'l2' })).toBe('l2');
    expect(resumeLessonId([], { doneLessonIds: [], lastLessonId: null })).toBeNull();
  });

  it('continues with the next lesson the server names, or opens the course once all are done', () => {
    expect(continuePath({ courseId: 'c1', nextLessonId: 'l2' })).toBe('/learning/lessons/l2');
    expect(continuePath({ courseId: 'c1', nextLessonId: null })).toBe('/learning/courses/c1');
    expect(continuePath({ courseId: 'c/1', nextLessonId: null })).toBe('/learning/courses/c%2F1');
  });

  it('rounds the share done and copes with empty courses', () => {
    expect([percentDone(1, 3), percentDone(3, 3), percentDone(0, 0), percentDone(5, 3)]).toEqual([33, 100, 0, 100]);
  });

  it('is overdue only when the due date has passed and the course is not complete', () => {
    expect(isCourseOverdue('2026-03-01', '2026-03-02', null)).toBe(true);
    expect(isCourseOverdue('2026-03-02', '2026-03-02', null)).toBe(false);
    expect(isCourseOverdue('2026-03-01', '2026-03-02', '2026-02-28T10:00:00Z')).toBe(false);
    expect(isCourseOverdue(null, '2026-03-02', null)).toBe(false);
  });

  it('finds the previous and next lesson in course order', () => {
    expect(lessonNeighbours(lessons, 'l2')).toEqual({ previous: { id: 'l1', position: 1 }, next: { id: 'l3', position: 3 } });
    expect(lessonNeighbours(lessons, 'l1').previous).toBeNull();
    expect(lessonNeighbours(lessons, 'zz')).toEqual({ previous: null, next: null });
  });
});

describe('ABC worksheet', () => {
  const labels = { a: 'A 诱发事件', b: 'B 想法信念', c: 'C 情绪与行为', d: 'D 反驳', e: 'E 新的效果' };

  it('keeps one sheet per person and lesson, and reads back only text fields', () => {
    expect(abcStorageKey('u1', 'l1')).toBe('calmdesk.abc.u1.l1');
    expect(abcStorageKey('u2', 'l1')).not.toBe(abcStorageKey('u1', 'l1'));
    expect(parseSheet(JSON.stringify({ a: '顾客一小时问了四次', b: 3, x: 'y' }))).toEqual({ a: '顾客一小时问了四次', b: '', c: '', d: '', e: '' });
    expect(parseSheet('nope')).toEqual({ a: '', b: '', c: '', d: '', e: '' });
  });

  it('copies as text with the filled fields only, under their headings', () => {
    const sheet = { a: '被骂骗子', b: '', c: '愤怒 8 分', d: '', e: ' 降到 4 分 ' };
    expect(sheetAsText(sheet, labels, 'ABC 模型')).toBe('ABC 模型\n\nA 诱发事件\n被骂骗子\n\nC 情绪与行为\n愤怒 8 分\n\nE 新的效果\n降到 4 分');
    expect(isSheetEmpty({ a: ' ', b: '', c: '', d: '', e: '' })).toBe(true);
    expect(ABC_FIELDS).toHaveLength(5);
  });
});

describe('certificate codes', () => {
  it('tidies a typed code into XXXX-XXXX-XXXX', () => {
    expect(normaliseCertificateCode(' 7kq2 m9xd 4fht ')).toBe('7KQ2-M9XD-4FHT');
    expect(normaliseCertificateCode('7KQ2M9XD4FHT')).toBe('7KQ2-M9XD-4FHT');
    expect(normaliseCertificateCode('7KQ2-M9XD')).toBeNull();
    expect(normaliseCertificateCode('7KQ2-M9XD-4FH!')).toBeNull();
  });

  it('builds the public check address from the site origin', () => {
    expect(verificationUrl('https://calm.example.com/', '7KQ2-M9XD-4FHT')).toBe('https://calm.example.com/verify/7KQ2-M9XD-4FHT');
  });
});

describe('exam actions', () => {
  const base = { openAttemptId: null, isPassed: false, attemptsUsed: 0, maxAttempts: 2 };

  it('resumes an open attempt before anything else', () => {
    expect(examAction({ ...base, openAttemptId: 'a1', attemptsUsed: 1 })).toBe('resume');
  });

  it('starts the first attempt, offers a make-up after a failure while attempts remain', () => {
    expect(examAction(base)).toBe('start');
    expect(examAction({ ...base, attemptsUsed: 1 })).toBe('make-up');
    expect(canTakeMakeUp({ ...base, attemptsUsed: 1 })).toBe(true);
  });

  it('offers nothing once passed or out of attempts', () => {
    expect(examAction({ ...base, attemptsUsed: 1, isPassed: true })).toBe('none');
    expect(examAction({ ...base, attemptsUsed: 2 })).toBe('none');
    expect(canTakeMakeUp({ ...base, attemptsUsed: 2 })).toBe(false);
  });
});
