import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TContentError } from './index.js';
import { parseYamlSource, ZLocalisedStrict } from './validate.js';

/**
 * The built-in curriculum (content/curriculum/FORMAT.md): courses of Markdown lessons with
 * front matter, a question bank, a case library. Every problem is reported with file, line
 * and field, and the cross-references (lesson files, quiz ids, built-in files) are checked too.
 */
const ZLocalised = ZLocalisedStrict;
const ZSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case: lower-case letters, digits and dashes');

/** Where the server serves the files in content/curriculum/assets (GET /api/learning/assets/<name>). */
export const ASSET_URL_PREFIX = '/api/learning/assets/';
// The same plain-name rule the server applies before it reads a built-in file: no folders, so
// nothing outside the assets folder can be named.
const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.[a-z0-9]+$/;
// What the server sends for a built-in file (its upload types plus our own SVG diagrams);
// any other extension would be a 404 in the lesson.
const ASSET_EXTENSIONS = new Set(['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'txt', 'csv', 'md', 'docx', 'xlsx', 'pptx', 'mp3']);
const isHttpsUrl = (url: string) => z.url({ protocol: /^https$/ }).safeParse(url).success;

/** A download: an https link, or a built-in file at /api/learning/assets/<name> (checked to exist by the loader). */
const ZDownloadUrl = z
  .string()
  .refine((url) => isHttpsUrl(url) || url.startsWith(ASSET_URL_PREFIX), { message: `an https:// link, or ${ASSET_URL_PREFIX}<file name> for a file in content/curriculum/assets` });

export const ZCourse = z
  .object({
    id: ZSlug,
    order: z.number().int().min(1),
    title: ZLocalised,
    summary: ZLocalised,
    audience: ZLocalised,
    tags: z.array(ZSlug).min(1),
    lessons: z.array(ZSlug).min(1),
  })
  .strict();

export const EXERCISES = ['none', 'abc-worksheet', 'breathing-pacer', 'spot-the-language', 'grounding', 'muscle-relaxation'] as const;

export const ZLessonMeta = z
  .object({
    id: ZSlug,
    title: ZLocalised,
    summary: ZLocalised,
    minutes: z.number().int().min(1).max(180),
    exercise: z.enum(EXERCISES).default('none'),
    quiz: z.array(z.string().min(1)).max(10).default([]),
    video: z.url({ protocol: /^https$/ }).nullable().default(null),
    downloads: z.array(z.object({ title: ZLocalised, url: ZDownloadUrl }).strict()).default([]),
  })
  .strict();

const ZOption = z.object({ id: z.enum(['a', 'b', 'c', 'd', 'e']), text: z.string().min(1) }).strict();

export const ZQuestion = z
  .object({
    id: z.string().regex(/^[a-z]{2}-\d{3}$/, 'like ue-001'),
    type: z.enum(['single', 'multiple', 'true_false', 'short_answer']),
    difficulty: z.number().int().min(1).max(3),
    tags: z.array(ZSlug).min(1),
    stem: z.string().min(1),
    options: z.array(ZOption).optional(),
    answer: z.array(z.union([z.string(), z.boolean()])),
    explanation: z.string().min(1),
    rubric: z.string().nullable().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = (q.options ?? []).map((o) => o.id);
    const bad = (message: string, pathKey: string) => ctx.addIssue({ code: 'custom', path: [pathKey], message });
    if (q.type === 'single' || q.type === 'multiple') {
      if (ids.length < 3 || ids.length > 5) bad('give 3 to 5 options', 'options');
      if (new Set(ids).size !== ids.length) bad('option ids repeat', 'options');
      if (!q.answer.every((a) => typeof a === 'string' && ids.includes(a as 'a'))) bad('every answer must be one of the option ids', 'answer');
      if (q.type === 'single' && q.answer.length !== 1) bad('a single-choice question has exactly one answer', 'answer');
      if (q.type === 'multiple' && q.answer.length < 2) bad('a multiple-choice question has two or more answers', 'answer');
    } else if (q.type === 'true_false') {
      if (q.answer.length !== 1 || typeof q.answer[0] !== 'boolean') bad('answer must be [true] or [false]', 'answer');
      if (q.options && q.options.length > 0) bad('true/false questions have no options', 'options');
    } else {
      if (q.answer.length !== 0) bad('short answers are graded by a trainer: answer must be []', 'answer');
      if (!q.rubric) bad('a short-answer question needs a rubric', 'rubric');
    }
  });

export const ZQuestionFile = z.object({ topic: ZSlug, questions: z.array(ZQuestion).min(1) }).strict();

export const ZCaseMeta = z
  .object({
    id: ZSlug,
    title: ZLocalised,
    kind: z.enum(['good', 'bad', 'turnaround']),
    tags: z.array(z.string().min(1)).min(1),
    goods: z.string().min(1),
  })
  .strict();

export type TCourse = z.output<typeof ZCourse>;
export type TLessonMeta = z.output<typeof ZLessonMeta>;
export type TQuestion = z.output<typeof ZQuestion>;
export type TCaseMeta = z.output<typeof ZCaseMeta>;
export type TCurriculum = {
  courses: (TCourse & { lessonsFull: (TLessonMeta & { body: string })[] })[];
  questions: TQuestion[];
  cases: (TCaseMeta & { body: string })[];
};

/** Splits `---\nfront matter\n---\nbody`; the front matter's first line is line 2 of the file. */
function splitFrontMatter(source: string): { meta: string; body: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return m ? { meta: m[1]!, body: m[2]! } : undefined;
}

function readMarkdown<T>(file: string, schema: z.ZodType<T>, errors: TContentError[]): { item: T & { body: string }; source: string } | undefined {
  const source = fs.readFileSync(file, 'utf8');
  const parts = splitFrontMatter(source);
  if (!parts) {
    errors.push({ file, line: 1, path: '', message: 'expected YAML front matter between --- lines at the top' });
    return undefined;
  }
  const parsed = parseYamlSource(parts.meta, schema, file);
  if (!parsed.success) {
    // Front matter starts on line 2 of the file.
    errors.push(...parsed.errors.map((e) => ({ ...e, ...(e.line ? { line: e.line + 1 } : {}) })));
    return undefined;
  }
  if (parts.body.trim().length < 100) errors.push({ file, path: 'body', message: 'the text is missing or too short' });
  return { item: { ...parsed.data, body: parts.body }, source };
}

/** 1-based line of a character offset. */
function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Why a built-in file address cannot be served, or undefined when the file is there. */
function assetProblem(url: string, assetsDir: string): string | undefined {
  const name = url.slice(ASSET_URL_PREFIX.length);
  if (!ASSET_NAME.test(name)) return `"${url}": name the file plainly (lower-case letters, digits, dashes, one extension), no folders`;
  const extension = name.slice(name.lastIndexOf('.') + 1);
  if (!ASSET_EXTENSIONS.has(extension)) return `"${url}": .${extension} files are not served; use one of ${[...ASSET_EXTENSIONS].join(', ')}`;
  const file = path.join(assetsDir, name);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return `no file assets/${name} for "${url}"`;
  return undefined;
}

// Inline links and images `](/api/learning/assets/x.svg "title")` and reference definitions
// `[x]: /api/learning/assets/x.pdf`; an optional <…> around the address is allowed in both.
const BODY_ASSET_LINK = /\]\(\s*<?(\/api\/learning\/assets\/[^\s)>]*)|^ {0,3}\[[^\]]+\]:\s*<?(\/api\/learning\/assets\/[^\s>]*)/gm;

/**
 * Checks that every built-in file a Markdown file names exists in content/curriculum/assets:
 * the front matter `downloads` (field `downloads.<n>.url`) and links and images in the body
 * (field `body`), each with the line it is on.
 */
function checkAssetLinks(file: string, source: string, body: string, downloads: readonly { url: string }[], assetsDir: string, errors: TContentError[]): void {
  for (const [index, download] of downloads.entries()) {
    if (!download.url.startsWith(ASSET_URL_PREFIX)) continue;
    const problem = assetProblem(download.url, assetsDir);
    const at = source.indexOf(download.url);
    if (problem) errors.push({ file, ...(at >= 0 ? { line: lineAt(source, at) } : {}), path: `downloads.${index}.url`, message: problem });
  }
  const bodyStart = source.length - body.length;
  for (const match of body.matchAll(BODY_ASSET_LINK)) {
    const url = (match[1] ?? match[2])!;
    const problem = assetProblem(url, assetsDir);
    if (problem) errors.push({ file, line: lineAt(source, bodyStart + match.index + match[0].indexOf(url)), path: 'body', message: problem });
  }
}

/**
 * Loads and checks the whole curriculum folder.
 * @returns the curriculum, or every problem (file, line, field)
 */
export function loadCurriculum(directory: string): { success: true; data: TCurriculum } | { success: false; errors: TContentError[] } {
  const errors: TContentError[] = [];
  const assetsDir = path.join(directory, 'assets');
  const list = (dir: string, ext: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : []);

  const questions: TQuestion[] = [];
  const questionIds = new Map<string, string>();
  for (const name of list(path.join(directory, 'questions'), '.yaml')) {
    const file = path.join(directory, 'questions', name);
    const parsed = parseYamlSource(fs.readFileSync(file, 'utf8'), ZQuestionFile, file);
    if (!parsed.success) {
      errors.push(...parsed.errors);
      continue;
    }
    for (const q of parsed.data.questions) {
      if (questionIds.has(q.id)) errors.push({ file, path: `questions.${q.id}`, message: `id also used in ${questionIds.get(q.id)}` });
      questionIds.set(q.id, file);
      questions.push(q);
    }
  }

  const courses: TCurriculum['courses'] = [];
  const coursesDir = path.join(directory, 'courses');
  const courseFolders = fs.existsSync(coursesDir) ? fs.readdirSync(coursesDir).filter((f) => fs.statSync(path.join(coursesDir, f)).isDirectory()).sort() : [];
  for (const folder of courseFolders) {
    const file = path.join(coursesDir, folder, 'course.yaml');
    if (!fs.existsSync(file)) {
      errors.push({ file, path: '', message: 'missing course.yaml' });
      continue;
    }
    const parsed = parseYamlSource(fs.readFileSync(file, 'utf8'), ZCourse, file);
    if (!parsed.success) {
      errors.push(...parsed.errors);
      continue;
    }
    if (parsed.data.id !== folder) errors.push({ file, path: 'id', message: `id "${parsed.data.id}" must match the folder "${folder}"` });
    const lessonsFull: TCurriculum['courses'][number]['lessonsFull'] = [];
    for (const [index, lessonId] of parsed.data.lessons.entries()) {
      const lessonFile = path.join(coursesDir, folder, 'lessons', `${lessonId}.md`);
      if (!fs.existsSync(lessonFile)) {
        errors.push({ file, path: `lessons.${index}`, message: `no file lessons/${lessonId}.md` });
        continue;
      }
      const read = readMarkdown(lessonFile, ZLessonMeta, errors);
      if (!read) continue;
      const lesson = read.item;
      checkAssetLinks(lessonFile, read.source, lesson.body, lesson.downloads, assetsDir, errors);
      if (lesson.id !== lessonId) errors.push({ file: lessonFile, line: 2, path: 'id', message: `id "${lesson.id}" must match the file name "${lessonId}"` });
      for (const q of lesson.quiz) if (!questionIds.has(q)) errors.push({ file: lessonFile, path: 'quiz', message: `no question "${q}" in the bank` });
      lessonsFull.push(lesson);
    }
    courses.push({ ...parsed.data, lessonsFull });
  }
  courses.sort((a, b) => a.order - b.order);

  const cases: TCurriculum['cases'] = [];
  for (const name of list(path.join(directory, 'cases'), '.md')) {
    const file = path.join(directory, 'cases', name);
    const read = readMarkdown(file, ZCaseMeta, errors);
    if (!read) continue;
    const item = read.item;
    checkAssetLinks(file, read.source, item.body, [], assetsDir, errors);
    if (item.id !== name.replace(/\.md$/, '')) errors.push({ file, line: 2, path: 'id', message: 'id must match the file name' });
    cases.push(item);
  }

  return errors.length > 0 ? { success: false, errors } : { success: true, data: { courses, questions, cases } };
}
