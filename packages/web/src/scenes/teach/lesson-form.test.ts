import { ZLessonInput } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import type { TLessonSource, TQuestionFull } from '../../api/teach';
import { addQuizKey, emptyLessonValues, isLessonDirty, lessonToValues, MAX_QUIZ_QUESTIONS, moveItem, searchQuestions, valuesToLessonInput } from './lesson-form';

const LESSON: TLessonSource = {
  id: '00000000-0000-4000-8000-000000000001',
  courseId: '00000000-0000-4000-8000-000000000002',
  key: 'belly-breathing',
  position: 1,
  origin: 'builtin',
  isEdited: false,
  title: { zh: '腹式呼吸', en: 'Belly breathing' },
  summary: { zh: '放慢呼吸', en: 'Slow down' },
  minutes: 8,
  exercise: 'breathing-pacer',
  video: null,
  downloads: [{ title: { zh: '练习卡', en: 'Practice card' }, url: '/files/card.pdf' }],
  bodyMd: '## 为什么呼吸有用\n\n正文',
  quizKeys: ['q1', 'q2'],
};

describe('lesson form values', () => {
  it('round-trips a stored lesson into a body the server accepts', () => {
    const input = valuesToLessonInput(lessonToValues(LESSON), LESSON.key);
    expect(input).toEqual({
      key: 'belly-breathing',
      title: LESSON.title,
      summary: LESSON.summary,
      minutes: 8,
      exercise: 'breathing-pacer',
      video: null,
      downloads: LESSON.downloads,
      bodyMd: LESSON.bodyMd,
      quizKeys: ['q1', 'q2'],
    });
    expect(ZLessonInput.safeParse(input).success).toBe(true);
  });

  it('trims texts, sends an empty video as null and drops empty download rows', () => {
    const values = { ...emptyLessonValues('小标题'), title: { zh: ' 标题 ', en: 'Title' }, summary: { zh: '摘要', en: 'Summary' }, video: '  ' };
    values.downloads = [
      { title: { zh: '', en: '' }, url: ' ' },
      { title: { zh: '清单', en: 'List' }, url: ' https://example.com/list.pdf ' },
    ];
    const input = valuesToLessonInput(values);
    expect(input.title.zh).toBe('标题');
    expect(input.video).toBeNull();
    expect(input.downloads).toEqual([{ title: { zh: '清单', en: 'List' }, url: 'https://example.com/list.pdf' }]);
    expect(input.bodyMd.startsWith('## 小标题')).toBe(true);
    expect(input).not.toHaveProperty('key');
  });

  it('is dirty only when saving would change something', () => {
    const saved = lessonToValues(LESSON);
    expect(isLessonDirty({ ...saved, title: { zh: '腹式呼吸 ', en: 'Belly breathing' } }, saved)).toBe(false);
    expect(isLessonDirty({ ...saved, bodyMd: `${saved.bodyMd}\n新的一段` }, saved)).toBe(true);
    expect(isLessonDirty({ ...saved, quizKeys: ['q2', 'q1'] }, saved)).toBe(true);
  });
});

describe('quiz list', () => {
  it('adds a question once, at the end, up to ten', () => {
    expect(addQuizKey(['q1'], 'q2')).toEqual(['q1', 'q2']);
    expect(addQuizKey(['q1', 'q2'], 'q1')).toEqual(['q1', 'q2']);
    const full = Array.from({ length: MAX_QUIZ_QUESTIONS }, (_, i) => `q${i}`);
    expect(addQuizKey(full, 'extra')).toEqual(full);
  });

  it('moves an item one place and refuses to move past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('searches stems, keys and tags, leaving retired questions out', () => {
    const base = { id: '00000000-0000-4000-8000-000000000001', type: 'single' as const, difficulty: 1, options: [], answer: [], explanation: '', rubric: null, origin: 'custom' as const, isEdited: false, usedInLessons: 0 };
    const bank: TQuestionFull[] = [
      { ...base, key: 'abc-1', tags: ['abc'], stem: 'ABC 模型中的 B 指什么？', isRetired: false },
      { ...base, key: 'breath-1', tags: ['breathing'], stem: '4-7-8 呼吸法', isRetired: false },
      { ...base, key: 'abc-old', tags: ['abc'], stem: '旧题', isRetired: true },
    ];
    expect(searchQuestions(bank, '', 'abc').map((q) => q.key)).toEqual(['abc-1']);
    expect(searchQuestions(bank, '呼吸').map((q) => q.key)).toEqual(['breath-1']);
    expect(searchQuestions(bank, 'BREATH').map((q) => q.key)).toEqual(['breath-1']);
    expect(searchQuestions(bank, 'b 指', 'breathing')).toEqual([]);
  });
});
