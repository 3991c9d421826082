import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { artifact, confirmDialog, screenshot, signInAs, signOut } from './helpers';

/**
 * Learning (SPEC §2.1, §2.8): a trainer sets an exam on questions of their own; an agent
 * enrols in a course, finishes a lesson with its quiz, takes the exam (answers kept across a
 * reload), passes, downloads the certificate and anyone can check it signed out. Then a
 * lesson full of script tricks renders as harmless text.
 */

interface TApiAnswer<T> {
  status: number;
  body: T;
}

/** Calls the API from the page, as the signed-in person, with the session's CSRF token. */
async function api<T = unknown>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<TApiAnswer<T>> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

async function displayName(page: Page): Promise<string> {
  const answer = await api<{ user: { displayName: string } }>(page, 'GET', '/api/auth/session');
  return answer.body.user.displayName;
}

/** The exam's questions, made by the test so it knows the answers (by stem). */
const QUESTIONS = [
  {
    type: 'single',
    stem: '顾客连发三条消息骂人，客服第一句话最应该做的是？',
    options: [
      { id: 'a', text: '先解释公司的规定' },
      { id: 'b', text: '先回应顾客的情绪' },
      { id: 'c', text: '请顾客冷静之后再联系' },
    ],
    answer: ['b'],
    explanation: '先处理心情，再处理事情。',
  },
  {
    type: 'true_false',
    stem: '“物流慢是快递的问题，跟我们没关系”是一句合适的回复。',
    options: [],
    answer: [false],
    explanation: '这是推诿：顾客在店里买的东西，理应由店里出面解决。',
  },
  {
    type: 'multiple',
    stem: '下面哪些是需要避免的说法？',
    options: [
      { id: 'a', text: '您下单前没看详情页吗？' },
      { id: 'b', text: '我马上帮您查，10 分钟内回复您。' },
      { id: 'c', text: '您必须先拍视频过来，不然没法处理。' },
    ],
    answer: ['a', 'c'],
    explanation: '反问和命令口吻都会让顾客更生气。',
  },
] as const;

test('an agent finishes a lesson, passes an exam set by a trainer, downloads the certificate, anyone can verify it, and a revocation shows its reason', async ({ page }) => {
  test.setTimeout(180_000);
  const tag = `e2e-learning-${Date.now()}`;

  // The trainer writes three questions under a tag of their own and sets an exam on them.
  await signInAs(page, 'trainer');
  for (const question of QUESTIONS) {
    const created = await api(page, 'POST', '/api/learning/questions', { ...question, difficulty: 1, tags: [tag], rubric: null });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  const examTitle = `情绪沟通测验 ${tag.slice(-5)}`;
  const exam = await api<{ id: string }>(page, 'POST', '/api/exams', {
    title: { zh: examTitle, en: `Emotion communication check ${tag.slice(-5)}` },
    tags: [tag],
    questionCount: QUESTIONS.length,
    timeLimitMinutes: 10,
    passMark: 60,
    maxAttempts: 2,
  });
  expect(exam.status, JSON.stringify(exam.body)).toBe(201);
  const examId = exam.body.id;
  await signOut(page);

  // The agent enrols in "Regulating your emotions" from the catalogue and continues to its first lesson.
  await signInAs(page, 'agent07');
  const agentName = await displayName(page);
  await page.getByTestId('nav-learning').click();
  await expect(page.getByTestId('learning-catalogue')).toBeVisible();
  const courses = await api<{ courses: { id: string; key: string }[] }>(page, 'GET', '/api/learning/courses');
  const course = courses.body.courses.find((item) => item.key === 'regulating-your-emotions');
  expect(course, 'the built-in course "regulating-your-emotions"').toBeTruthy();
  const card = page.getByTestId(`learning-course-${course!.id}`);
  await expect(card).toHaveAttribute('data-enrolled', 'false');
  await screenshot(page, { path: artifact('learning-catalogue'), fullPage: true });
  await page.getByTestId(`learning-course-enrol-${course!.id}`).click();
  await expect(card).toHaveAttribute('data-enrolled', 'true');
  await expect(page.getByTestId(`learning-course-progress-${course!.id}`)).toBeVisible();
  await page.getByTestId(`learning-course-continue-${course!.id}`).click();

  // The lesson: text, the ABC worksheet (kept in this browser), then the quiz.
  await expect(page.getByTestId('learning-lesson')).toBeVisible();
  await expect(page.getByTestId('learning-lesson-body')).toContainText('ABC');
  await expect(page.getByTestId('learning-lesson-exercise')).toHaveAttribute('data-exercise', 'abc-worksheet');
  await page.getByTestId('learning-abc-a').fill('顾客一小时内问了四次“怎么还不发货”。');
  await page.getByTestId('learning-abc-b').fill('他就是故意烦我。');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, { path: artifact('learning-lesson'), fullPage: false });
  const quiz = page.getByTestId('learning-quiz');
  const quizCount = await quiz.locator('.cd-question').count();
  expect(quizCount).toBeGreaterThan(0);
  for (let index = 1; index <= quizCount; index++) {
    const question = page.getByTestId(`learning-quiz-q${index}`);
    const type = await question.getAttribute('data-type');
    if (type === 'true_false') await question.getByTestId(`learning-quiz-q${index}-option-true`).click();
    else if (type === 'short_answer') await question.getByTestId(`learning-quiz-q${index}-text`).fill('先接住情绪，再处理事情。');
    else await question.locator('.ant-radio-wrapper, .ant-checkbox-wrapper').first().click();
  }
  await page.getByTestId('learning-lesson-finish').click();
  await expect(page.getByTestId('learning-quiz-result')).toBeVisible();
  await expect(page.getByTestId('learning-quiz-score')).toBeVisible();
  for (let index = 1; index <= quizCount; index++) {
    await expect(page.getByTestId(`learning-quiz-review-${index}`)).toHaveAttribute('data-result', /right|wrong|waiting/);
    await expect(page.getByTestId(`learning-quiz-review-${index}-right`)).not.toBeEmpty();
  }
  // The worksheet survives a reload (this browser only), and the lesson shows as done.
  await page.reload();
  await expect(page.getByTestId('learning-abc-a')).toHaveValue('顾客一小时内问了四次“怎么还不发货”。');
  await expect(page.getByTestId('learning-lesson-done')).toBeVisible();

  // The exam: the rules first, then the paper with a running clock.
  await page.getByTestId('learning-tab-exams').click();
  await expect(page.getByTestId(`learning-exam-${examId}`)).toBeVisible();
  await page.getByTestId(`learning-exam-start-${examId}`).click();
  await expect(page.getByTestId('learning-exam-rules')).toBeVisible();
  await confirmDialog(page, 'learning-exam-confirm');
  await expect(page).toHaveURL(/\/learning\/exam-attempts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('learning-attempt')).toHaveAttribute('data-status', 'in_progress');
  // The attempt names its exam and rules itself.
  await expect(page.getByTestId('learning-attempt-title')).toHaveText(examTitle);
  const clock = page.getByTestId('learning-attempt-clock');
  await expect(clock).toHaveAttribute('data-tone', 'calm');
  expect(Number(await clock.getAttribute('data-seconds'))).toBeGreaterThan(9 * 60);

  // Answer the first two, reload: the answers are still there; then the third.
  const answerQuestion = async (index: number) => {
    const stem = (await page.getByTestId(`learning-attempt-q${index}`).locator('.cd-question__stem').innerText()).trim();
    const question = QUESTIONS.find((item) => stem.includes(item.stem));
    expect(question, `question ${index}: ${stem}`).toBeTruthy();
    for (const answer of question!.answer) await page.getByTestId(`learning-attempt-q${index}-option-${String(answer)}`).click();
  };
  await answerQuestion(1);
  await answerQuestion(2);
  await expect(page.getByTestId('learning-attempt-answered')).toContainText('2/3');
  await page.reload();
  await expect(page.getByTestId('learning-attempt-nav-1')).toHaveAttribute('data-answered', 'true');
  await expect(page.getByTestId('learning-attempt-nav-2')).toHaveAttribute('data-answered', 'true');
  await expect(page.getByTestId('learning-attempt-nav-3')).toHaveAttribute('data-answered', 'false');
  await answerQuestion(3);
  await screenshot(page, { path: artifact('learning-exam'), fullPage: false });

  // Hand in: the result says passed, every question explained.
  await page.getByTestId('learning-attempt-submit').click();
  await confirmDialog(page, 'learning-attempt-confirm');
  await expect(page.getByTestId('learning-attempt')).toHaveAttribute('data-status', 'graded');
  await expect(page.getByTestId('learning-result')).toHaveAttribute('data-verdict', 'passed');
  await expect(page.getByTestId('learning-result-score')).toHaveText('100');
  for (let index = 1; index <= QUESTIONS.length; index++) await expect(page.getByTestId(`learning-result-q${index}`)).toHaveAttribute('data-result', 'right');
  await screenshot(page, { path: artifact('learning-result'), fullPage: true });

  // The certificate: PDF download and the verification code.
  await page.getByTestId('learning-result-certificates').click();
  await expect(page.getByTestId('learning-certificates')).toBeVisible();
  const certificate = page.locator('[data-testid^="learning-certificate-"][data-code]').filter({ hasText: examTitle });
  await expect(certificate).toHaveCount(1);
  await expect(certificate).toHaveAttribute('data-revoked', 'false');
  const certificateId = (await certificate.getAttribute('data-testid'))!.replace('learning-certificate-', '');
  const code = (await certificate.getAttribute('data-code'))!;
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const downloadStarted = page.waitForEvent('download');
  await certificate.locator('[data-testid^="learning-certificate-pdf-"]').click();
  const download = await downloadStarted;
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  expect(pdf.length).toBeGreaterThan(5 * 1024);
  // The certificate as a picture, to look at (poppler's pdftoppm, where installed).
  const pdfFile = 'e2e/artifacts/learning-certificate.pdf';
  fs.writeFileSync(pdfFile, pdf);
  const rendered = spawnSync('pdftoppm', ['-png', '-r', '90', '-singlefile', pdfFile, 'e2e/artifacts/learning-certificate']);
  if (rendered.status === 0) {
    const text = spawnSync('pdftotext', [pdfFile, '-']).stdout.toString();
    expect(text).toContain(agentName);
    expect(text).toContain(code);
  }

  // Signed out, anyone with the code sees the holder and "valid"; an unknown code is said so.
  await signOut(page);
  await page.goto(`/verify/${code}`);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('verify-status')).toHaveText('有效');
  await expect(page.getByTestId('verify-name')).toHaveText(agentName);
  await expect(page.getByTestId('verify-title')).toContainText(examTitle);
  await screenshot(page, { path: artifact('learning-verify'), fullPage: false });
  await page.getByTestId('verify-code').fill('zzzz zzzz zzzz');
  await page.getByTestId('verify-submit').click();
  await expect(page).toHaveURL(/\/verify\/ZZZZ-ZZZZ-ZZZZ$/);
  await expect(page.getByTestId('verify-not-found')).toBeVisible();

  // The trainer revokes it with a reason; the holder reads the reason beside the date.
  const reason = '考试题目有误，成绩作废，请重新参加考试。';
  await signInAs(page, 'trainer');
  const revoked = await api(page, 'POST', `/api/certificates/${certificateId}/revoke`, { reason });
  expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
  await signOut(page);
  await signInAs(page, 'agent07');
  await page.goto('/learning/certificates');
  await expect(page.getByTestId(`learning-certificate-${certificateId}`)).toHaveAttribute('data-revoked', 'true');
  await expect(page.getByTestId(`learning-certificate-reason-${certificateId}`)).toHaveText(reason);
});

test('script in a lesson written by a trainer never runs', async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, 'trainer');
  const stamp = Date.now().toString(36);
  const course = await api<{ id: string }>(page, 'POST', '/api/learning/courses', {
    title: { zh: `安全测试课程 ${stamp}`, en: `Safety test course ${stamp}` },
    summary: { zh: '只为检查课文里的脚本不会执行。', en: 'Only to check that script in a lesson never runs.' },
    audience: { zh: '测试', en: 'Tests' },
    tags: ['e2e-safety'],
    isPublished: true,
  });
  expect(course.status, JSON.stringify(course.body)).toBe(201);
  const bodyMd = [
    '## 一节不怀好意的课',
    '',
    '<script>window.__pwned=1</script>',
    '',
    '<img src=x onerror="window.__pwned=2">',
    '',
    '[点这里领取奖励](javascript:window.__pwned=3)',
    '',
    '<a href="javascript:window.__pwned=4" id="raw-link">原始链接</a>',
    '',
    '<iframe src="javascript:window.__pwned=5"></iframe>',
    '',
    '正文到此结束。',
  ].join('\n');
  const lesson = await api<{ id: string }>(page, 'POST', `/api/learning/courses/${course.body.id}/lessons`, {
    title: { zh: '不怀好意的课', en: 'A lesson with bad intent' },
    summary: { zh: '脚本不应执行。', en: 'Script must not run.' },
    minutes: 1,
    exercise: 'none',
    video: null,
    downloads: [],
    bodyMd,
    quizKeys: [],
  });
  expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
  await signOut(page);

  await signInAs(page, 'agent08');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/learning/lessons/${lesson.body.id}`);
  const body = page.getByTestId('learning-lesson-body');
  await expect(body).toContainText('正文到此结束。');
  await body.getByText('点这里领取奖励').click();
  await body.getByText('原始链接').click();
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(new RegExp(`/learning/lessons/${lesson.body.id}$`));
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const found = await body.evaluate((root) => ({
    scripts: root.querySelectorAll('script').length,
    iframes: root.querySelectorAll('iframe').length,
    handlers: [...root.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith('on'))).length,
    scriptLinks: [...root.querySelectorAll('[href], [src]')].filter((element) => /^\s*(javascript|data|vbscript):/i.test(element.getAttribute('href') ?? element.getAttribute('src') ?? '')).length,
  }));
  expect(found).toEqual({ scripts: 0, iframes: 0, handlers: 0, scriptLinks: 0 });
});

test('the catalogue in English', async ({ page }) => {
  await signInAs(page, 'agent09');
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lang-option-en').click();
  await page.getByTestId('nav-learning').click();
  await expect(page.getByTestId('learning-catalogue')).toBeVisible();
  await expect(page.getByTestId('learning-tab-courses')).toHaveText('Courses');
  await expect(page.getByTestId('learning-catalogue')).toContainText('Understanding emotions');
  await screenshot(page, { path: artifact('learning-catalogue-en'), fullPage: true });
});
