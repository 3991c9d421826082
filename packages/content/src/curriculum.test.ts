import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from './index.js';
import { loadCurriculum } from './curriculum.js';

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-curriculum-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const BODY = '## 小标题\n\n' + '这是一段足够长的课程正文，用来通过长度检查。'.repeat(10);
const course = (lessons: string[]) => `id: demo\norder: 1\ntitle: { zh: 演示, en: Demo }\nsummary: { zh: 演示, en: Demo }\naudience: { zh: 全体, en: All }\ntags: [demo]\nlessons: [${lessons.join(', ')}]\n`;
const QUESTIONS = 'topic: demo\nquestions:\n  - id: de-001\n    type: true_false\n    difficulty: 1\n    tags: [demo]\n    stem: 对吗？\n    answer: [true]\n    explanation: 因为。\n';

/** A lesson file: `meta` is extra front matter, `extra` follows the standard body. */
function lesson(id: string, meta: string, extra: string): string {
  return `---\nid: ${id}\ntitle: { zh: 课, en: Lesson }\nsummary: { zh: 概要, en: Summary }\nminutes: 5\n${meta}\n---\n${BODY}\n\n${extra}`;
}

describe('loadCurriculum', () => {
  it('reports a broken lesson with file, line and field, and a quiz id missing from the bank', () => {
    const dir = folder({
      'courses/demo/course.yaml': 'id: demo\norder: 1\ntitle: { zh: 演示, en: Demo }\nsummary: { zh: 演示, en: Demo }\naudience: { zh: 全体, en: All }\ntags: [demo]\nlessons: [first, missing]\n',
      'courses/demo/lessons/first.md': `---\nid: first\ntitle: { zh: 第一课, en: First }\nsummary: { zh: 概要, en: Summary }\nminutes: lots\nquiz: [de-999]\n---\n${BODY}`,
      'questions/demo.yaml': 'topic: demo\nquestions:\n  - id: de-001\n    type: single\n    difficulty: 1\n    tags: [demo]\n    stem: 问题？\n    options: [{ id: a, text: 甲 }, { id: b, text: 乙 }, { id: c, text: 丙 }]\n    answer: [d]\n    explanation: 因为。\n',
    });
    const result = loadCurriculum(dir);
    expect(result.success).toBe(false);
    const errors = result.success ? [] : result.errors.map((e) => `${path.basename(e.file)}:${e.line ?? ''} ${e.path}: ${e.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^first\.md:5 minutes: /),
        expect.stringMatching(/^course\.yaml: lessons\.1: no file lessons\/missing\.md/),
        expect.stringMatching(/^demo\.yaml:\d* questions\.0\.answer: every answer must be one of the option ids/),
      ]),
    );
  });

  it('accepts built-in files that exist in assets/, as downloads and as images or links in the body', () => {
    const dir = folder({
      'assets/demo-sheet.pdf': '%PDF-1.7\n',
      'assets/demo-diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'courses/demo/course.yaml': course(['first']),
      'courses/demo/lessons/first.md': lesson(
        'first',
        'downloads:\n  - { title: { zh: 记录表, en: Sheet }, url: /api/learning/assets/demo-sheet.pdf }\n  - { title: { zh: 视频, en: Video }, url: "https://example.com/v.mp4" }',
        '如图所示：\n\n![示意 Diagram](/api/learning/assets/demo-diagram.svg "ABC")\n\n也可以[下载记录表](/api/learning/assets/demo-sheet.pdf)。\n\n[表]: /api/learning/assets/demo-sheet.pdf\n',
      ),
      'questions/demo.yaml': QUESTIONS,
    });
    const result = loadCurriculum(dir);
    if (!result.success) throw new Error(result.errors.map((e) => `${e.file}:${e.line ?? ''} ${e.path}: ${e.message}`).join('\n'));
    expect(result.data.courses[0]!.lessonsFull[0]!.downloads.map((d) => d.url)).toEqual(['/api/learning/assets/demo-sheet.pdf', 'https://example.com/v.mp4']);
  });

  it('reports a missing or badly named built-in file with file, line and field', () => {
    const dir = folder({
      'assets/demo-sheet.pdf': '%PDF-1.7\n',
      'courses/demo/course.yaml': course(['first', 'second']),
      'courses/demo/lessons/first.md': lesson(
        'first',
        'downloads:\n  - { title: { zh: 记录表, en: Sheet }, url: /api/learning/assets/demo-sheet.pdf }\n  - { title: { zh: 卡片, en: Card }, url: /api/learning/assets/no-such-card.pdf }',
        '![示意](/api/learning/assets/missing-diagram.svg)\n\n[向上](/api/learning/assets/../../package.json) [网页](/api/learning/assets/page.html)\n',
      ),
      'courses/demo/lessons/second.md': lesson('second', 'downloads:\n  - { title: { zh: 旧链接, en: Old link }, url: "http://example.com/sheet.pdf" }', ''),
      'questions/demo.yaml': QUESTIONS,
    });
    const result = loadCurriculum(dir);
    expect(result.success).toBe(false);
    const errors = result.success ? [] : result.errors.map((e) => `${path.basename(e.file)}:${e.line ?? ''} ${e.path}: ${e.message}`);
    expect(errors).toEqual([
      'first.md:8 downloads.1.url: no file assets/no-such-card.pdf for "/api/learning/assets/no-such-card.pdf"',
      'first.md:14 body: no file assets/missing-diagram.svg for "/api/learning/assets/missing-diagram.svg"',
      expect.stringMatching(/^first\.md:16 body: "\/api\/learning\/assets\/\.\.\/\.\.\/package\.json": name the file plainly/),
      expect.stringMatching(/^first\.md:16 body: "\/api\/learning\/assets\/page\.html": \.html files are not served/),
      expect.stringMatching(/^second\.md:7 downloads\.0\.url: an https:\/\/ link, or \/api\/learning\/assets\/<file name>/),
    ]);
  });

  it('loads the built-in curriculum: at least 5 courses, 30 lessons, 200 questions, 25 cases', () => {
    const result = loadCurriculum(path.join(DEFAULT_CONTENT_DIR, 'curriculum'));
    if (!result.success) throw new Error(result.errors.slice(0, 10).map((e) => `${e.file}:${e.line ?? ''} ${e.path}: ${e.message}`).join('\n'));
    const { courses, questions, cases } = result.data;
    expect(courses.length).toBeGreaterThanOrEqual(5);
    expect(courses.reduce((n, c) => n + c.lessonsFull.length, 0)).toBeGreaterThanOrEqual(30);
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true_false', 'short_answer']));
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['good', 'bad', 'turnaround']));
    const exercises = new Set(courses.flatMap((c) => c.lessonsFull.map((l) => l.exercise)));
    for (const exercise of ['abc-worksheet', 'breathing-pacer', 'spot-the-language']) expect(exercises).toContain(exercise);
  });
});
