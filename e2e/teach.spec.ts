import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { artifact, confirmDialog, DEMO_PASSWORD, screenshot, signInAs } from './helpers';

/**
 * Trainer pages of the learning area (SPEC §2.1, §2.8): a trainer writes a short-answer and a
 * single-choice question under a new tag, sets an exam on that tag, an agent takes it (through
 * the API), and the trainer marks the short answer until the attempt is graded with a final
 * score; the question statistics read it. The trainer closes the exam to new attempts and opens
 * it again, and revokes the agent's certificate with a reason. Then the course editor (own
 * lessons deleted, built-in ones kept), the Markdown lesson editor with its live preview and
 * leave warning, the case list (own cases deleted), and the progress overview with its Excel export.
 */

test.use({ viewport: { width: 1440, height: 900 } });

/** A tag no other run has used, so the exam draws exactly the two questions made here. */
const TAG = `e2e-${Date.now().toString(36)}`;
const SHORT_STEM = '顾客连发三条“人呢？？？”，请写出你的第一句回复，并说明理由。';
const SHORT_ANSWER = '非常抱歉让您久等了，我马上帮您查。先接住情绪，再给出处理时间。';
const SINGLE_STEM = '顾客说“你们这什么破服务”，下面哪句回复最合适？';
const RIGHT_OPTION = '让您不愉快了，真抱歉，我马上帮您处理';

async function pickTag(page: Page, testId: string, tag: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(tag);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** Saves the open question drawer and returns the new question's id. */
async function saveQuestion(page: Page): Promise<string> {
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/learning/questions') && response.request().method() === 'POST');
  await page.getByTestId('teach-question-save').click();
  const response = await saved;
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A call from the signed-in page, with its session's CSRF header. */
async function pageApi<T>(page: Page, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

/** A signed-in API session for another person, with the CSRF header on every write. */
async function apiSession(request: APIRequestContext, login: string): Promise<{ get: (path: string) => Promise<unknown>; post: (path: string, data?: unknown) => Promise<unknown> }> {
  const signIn = await request.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } });
  expect(signIn.status()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return {
    get: async (path) => {
      const response = await request.get(path);
      expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    post: async (path, data) => {
      const response = await request.post(path, { headers: { 'x-csrf-token': csrfToken }, ...(data === undefined ? {} : { data }) });
      expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
  };
}

test('a trainer writes questions, sets an exam, marks the short answer; edits a lesson; reads the overview', async ({ page, playwright, baseURL }) => {
  test.setTimeout(240_000);
  await signInAs(page, 'trainer');

  // 内容编辑 → 题库: a short answer (reference point + rubric) and a single choice, under a new tag.
  await page.getByTestId('nav-learning').click();
  await page.getByTestId('learning-tab-authoring').click();
  await expect(page.getByTestId('teach-authoring')).toBeVisible();
  await page.getByTestId('teach-section-questions').click();
  await expect(page.getByTestId('teach-questions')).toBeVisible();

  await page.getByTestId('teach-question-create').click();
  await page.getByTestId('teach-question-type-short_answer').click();
  await pickTag(page, 'teach-question-tags', TAG);
  await page.getByTestId('teach-question-stem').fill(SHORT_STEM);
  await page.getByTestId('teach-question-point-0').fill('先道歉并回应情绪');
  await page.getByTestId('teach-question-point-add').click();
  await page.getByTestId('teach-question-point-1').fill('给出明确的处理时间');
  await page.getByTestId('teach-question-explanation').fill('先处理心情，再处理事情：道歉和时间承诺能让顾客安心。');
  // Without a rubric the drawer refuses: short answers are marked against it.
  await page.getByTestId('teach-question-save').click();
  await expect(page.getByText('简答题必须有评分标准，阅卷人据此打分')).toBeVisible();
  await page.getByTestId('teach-question-rubric').fill('回应情绪 50 分；给出处理时间 50 分。');
  const shortId = await saveQuestion(page);

  await page.getByTestId('teach-question-create').click();
  await page.getByTestId('teach-question-type-single').click();
  await pickTag(page, 'teach-question-tags', TAG);
  await page.getByTestId('teach-question-stem').fill(SINGLE_STEM);
  await page.getByTestId('teach-question-option-0-text').fill('这是平台规定，我也没办法');
  await page.getByTestId('teach-question-option-1-text').fill(RIGHT_OPTION);
  await page.getByTestId('teach-question-option-2-text').fill('您先冷静一下再说');
  await page.getByTestId('teach-question-option-3-text').fill('不满意可以去投诉');
  await page.getByTestId('teach-question-option-1-correct').click();
  await page.getByTestId('teach-question-explanation').fill('先道歉、接住情绪，再给出行动。');
  const singleId = await saveQuestion(page);

  // The tag list refreshes after the saves, and a refresh may close the open list: pick the new tag
  // (with its two questions) from a freshly opened list until it takes.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('teach-questions-filter-tag').click();
    await page.keyboard.type(TAG);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${TAG} (2)` }).click({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid^="teach-question-row-"]')).toHaveCount(2);
  await screenshot(page, { path: artifact('teach-question-bank'), fullPage: true });

  // 考试管理 → 新建考试 on that tag: the form counts the bank's matching questions.
  await page.getByTestId('learning-tab-exam-admin').click();
  await expect(page.getByTestId('teach-exams')).toBeVisible();
  await page.getByTestId('teach-exam-create').click();
  await page.getByTestId('teach-exam-title-zh').fill(`安抚话术小测 ${TAG}`);
  await page.getByTestId('teach-exam-title-en').fill(`Calming replies quiz ${TAG}`);
  await pickTag(page, 'teach-exam-tags', TAG);
  await expect(page.getByTestId('teach-exam-available')).toContainText('2');
  // Three questions from a pool of two: the server says so on the field.
  await page.getByTestId('teach-exam-count').fill('3');
  await page.getByTestId('teach-exam-save').click();
  await expect(page.getByText('题库中只有 2 道题符合这些标签和难度')).toBeVisible();
  await page.getByTestId('teach-exam-count').fill('2');
  await page.getByTestId('teach-exam-time').fill('20');
  await page.getByTestId('teach-exam-pass').fill('60');
  await page.getByTestId('teach-exam-attempts').fill('2');
  await screenshot(page, { path: artifact('teach-exam-admin') });
  const examCreated = page.waitForResponse((response) => response.url().endsWith('/api/exams') && response.request().method() === 'POST');
  await page.getByTestId('teach-exam-save').click();
  const examResponse = await examCreated;
  expect(examResponse.status(), await examResponse.text()).toBe(201);
  const examId = ((await examResponse.json()) as { id: string }).id;
  await expect(page.getByTestId('teach-exam-detail')).toBeVisible();

  // The agent takes it through the API and hands in: the right option and a short answer.
  const agentRequest = await playwright.request.newContext({ baseURL });
  const agent = await apiSession(agentRequest, 'agent');
  const attempt = (await agent.post(`/api/exams/${examId}/attempts`)) as { id: string; questions: { id: string; options: { id: string; text: string }[] }[] };
  expect(attempt.questions.map((q) => q.id).sort()).toEqual([shortId, singleId].sort());
  const right = attempt.questions.find((q) => q.id === singleId)!.options.find((o) => o.text === RIGHT_OPTION)!;
  const handedIn = (await agent.post(`/api/exam-attempts/${attempt.id}/submit`, { answers: { [singleId]: [right.id], [shortId]: [SHORT_ANSWER] } })) as { status: string; user: { displayName: string } };
  expect(handedIn.status).toBe('submitted');
  const agentName = handedIn.user.displayName;

  // 待批改: the trainer opens the attempt, reads the answer beside the rubric, gives 80.
  await page.goto('/learning/exam-admin');
  await page.getByTestId('teach-exam-section-grading').click();
  await expect(page.getByTestId(`teach-grading-row-${attempt.id}`)).toContainText('安抚话术小测');
  await page.getByTestId(`teach-grading-open-${attempt.id}`).click();
  await expect(page.getByTestId('teach-grading')).toBeVisible();
  // The attempt names its person and exam itself.
  await expect(page.getByTestId('teach-grading-title')).toContainText(agentName);
  await expect(page.getByTestId('teach-grading-title')).toContainText(`安抚话术小测 ${TAG}`);
  await expect(page.getByTestId(`teach-grade-answer-${shortId}`)).toContainText(SHORT_ANSWER);
  await expect(page.getByTestId(`teach-grade-answer-${singleId}`)).toContainText(RIGHT_OPTION);
  await expect(page.getByTestId(`teach-grade-rubric-${shortId}`)).toContainText('回应情绪 50 分');
  await expect(page.getByTestId(`teach-grade-reference-${shortId}`)).toContainText('给出明确的处理时间');
  await page.getByTestId(`teach-grade-score-${shortId}`).fill('80');
  // (100 for the right choice + 80) / 2 questions
  await expect(page.getByTestId('teach-grade-preview')).toContainText('90');
  await expect(page.getByTestId('teach-grade-verdict')).toContainText('及格线 60 分');
  await expect(page.getByTestId('teach-grade-verdict')).not.toContainText('未通过');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, { path: artifact('teach-grading'), fullPage: true });
  const graded = page.waitForResponse((response) => response.url().endsWith(`/api/exam-attempts/${attempt.id}/grade`));
  await page.getByTestId('teach-grade-submit').click();
  expect((await graded).status()).toBe(200);
  await expect(page.getByTestId('teach-grading-queue')).toBeVisible();
  await expect(page.getByTestId(`teach-grading-row-${attempt.id}`)).toHaveCount(0);

  // The attempt now reads as graded with its final score, and the exam's results and statistics show it.
  await page.goto(`/learning/exam-admin/attempts/${attempt.id}`);
  await expect(page.getByTestId('teach-attempt-status')).toHaveAttribute('data-status', 'graded');
  await expect(page.getByTestId('teach-grade-final')).toContainText('90');
  await page.goto(`/learning/exam-admin/exams/${examId}`);
  const resultRow = page.locator('[data-testid^="teach-result-row-"]');
  await expect(resultRow).toHaveCount(1);
  await expect(resultRow).toContainText('90');
  await expect(resultRow).toContainText('通过');
  await expect(page.getByTestId('teach-question-stats')).toBeVisible();
  await expect(page.locator('[data-testid^="teach-stat-row-"]')).toHaveCount(1);
  const xlsx = await page.request.get(`/api/exams/${examId}/results.xlsx`);
  expect(xlsx.status()).toBe(200);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, { path: artifact('teach-question-stats'), fullPage: true });

  // Closing the exam: after a confirm that says what it means, it takes no new attempts (it leaves
  // the agent's list) but stays in the trainer's, marked closed; then it opens again.
  const agentExamIds = async () => ((await agent.get('/api/exams')) as { exams: { id: string }[] }).exams.map((item) => item.id);
  await page.goto('/learning/exam-admin');
  await expect(page.getByTestId(`teach-exam-row-${examId}`)).toBeVisible();
  await expect(page.getByTestId(`teach-exam-closed-${examId}`)).toHaveCount(0);
  await page.getByTestId(`teach-exam-close-${examId}`).click();
  await expect(page.getByText('正在作答的答卷仍可交卷并照常评分')).toBeVisible();
  const closing = page.waitForResponse((response) => response.url().endsWith(`/api/exams/${examId}/published`) && response.request().method() === 'PUT');
  await confirmDialog(page, 'teach-exam-close-confirm');
  expect((await closing).status()).toBe(200);
  await expect(page.getByTestId(`teach-exam-closed-${examId}`)).toBeVisible();
  expect(await agentExamIds()).not.toContain(examId);
  await page.reload();
  await expect(page.getByTestId(`teach-exam-closed-${examId}`)).toBeVisible();
  await expect(page.getByTestId(`teach-exam-reopen-${examId}`)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, { path: artifact('teach-exam-closed'), fullPage: true });
  await page.getByTestId(`teach-exam-reopen-${examId}`).click();
  await expect(page.getByTestId(`teach-exam-close-${examId}`)).toBeVisible();
  await expect(page.getByTestId(`teach-exam-closed-${examId}`)).toHaveCount(0);
  expect(await agentExamIds()).toContain(examId);

  // The agent's certificate from this exam, revoked with a reason: the list shows the reason, and so does the agent's copy.
  const { certificates } = (await agent.get('/api/certificates')) as { certificates: { id: string; title: { zh: string }; revokeReason: string | null }[] };
  const earned = certificates.find((item) => item.title.zh.includes(TAG));
  expect(earned, 'a certificate for the exam just passed').toBeTruthy();
  const reason = `e2e：证书信息有误，重新颁发 ${TAG}`;
  await page.getByTestId('teach-exam-section-certificates').click();
  await page.getByTestId(`teach-certificate-revoke-${earned!.id}`).click();
  await page.getByTestId('teach-certificate-reason').fill(reason);
  await confirmDialog(page, 'teach-certificate-revoke-confirm');
  await expect(page.getByTestId(`teach-certificate-reason-${earned!.id}`)).toContainText(reason);
  const revoked = ((await agent.get('/api/certificates')) as { certificates: { id: string; revokeReason: string | null }[] }).certificates.find((item) => item.id === earned!.id);
  expect(revoked?.revokeReason).toBe(reason);

  // The lesson editor: a new heading typed into the Markdown shows in the preview at once.
  const { courses } = (await (await page.request.get('/api/learning/authoring/courses')).json()) as { courses: { id: string; key: string; lessons: { id: string }[] }[] };
  const course = courses.find((item) => item.key === 'regulating-your-emotions') ?? courses[0]!;
  const lessonId = course.lessons[0]!.id;

  // An own case in the library can be deleted from the list (after a confirm).
  const ownCase = await pageApi<{ id: string }>(page, 'POST', '/api/learning/cases', {
    title: { zh: `要删除的案例 ${TAG}`, en: `A case to delete ${TAG}` },
    kind: 'good',
    tags: [TAG],
    goods: 'clothing',
    bodyMd: '> 顾客：衣服起球了。\n>\n> 客服：真抱歉，我马上帮您换一件。',
  });
  expect(ownCase.status, JSON.stringify(ownCase.body)).toBe(201);
  await page.goto('/learning/authoring?section=cases');
  await page.getByLabel('搜索标题或标签').fill(TAG);
  await expect(page.getByTestId(`teach-case-row-${ownCase.body.id}`)).toBeVisible();
  await page.getByTestId(`teach-case-delete-${ownCase.body.id}`).click();
  await confirmDialog(page, 'teach-confirm-delete');
  await expect(page.getByTestId(`teach-case-row-${ownCase.body.id}`)).toHaveCount(0);

  // The course editor: an own lesson in the built-in course can be deleted, the built-in ones cannot.
  const ownLesson = await pageApi<{ id: string }>(page, 'POST', `/api/learning/courses/${course.id}/lessons`, {
    title: { zh: `要删除的课时 ${TAG}`, en: `A lesson to delete ${TAG}` },
    summary: { zh: '只为删除而写。', en: 'Written to be deleted.' },
    minutes: 1,
    exercise: 'none',
    video: null,
    downloads: [],
    bodyMd: '这节课马上会被删除。',
    quizKeys: [],
  });
  expect(ownLesson.status, JSON.stringify(ownLesson.body)).toBe(201);
  await page.goto('/learning/authoring');
  await page.getByTestId(`teach-course-open-${course.id}`).click();
  await expect(page.getByTestId('teach-course-editor')).toBeVisible();
  await expect(page.getByTestId(`teach-lesson-${ownLesson.body.id}`)).toBeVisible();
  await expect(page.getByTestId(`teach-lesson-delete-${lessonId}`)).toHaveCount(0);
  await page.getByTestId(`teach-lesson-delete-${ownLesson.body.id}`).click();
  await confirmDialog(page, 'teach-confirm-delete');
  await expect(page.getByTestId(`teach-lesson-${ownLesson.body.id}`)).toHaveCount(0);
  await page.getByTestId(`teach-lesson-open-${lessonId}`).click();
  await expect(page.getByTestId('teach-lesson-editor')).toBeVisible();
  const heading = `课前三问 ${TAG}`;
  const body = page.getByTestId('teach-lesson-body-input');
  await body.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(`${heading}\n\n`);
  await page.keyboard.press('Control+Home');
  await page.getByTestId('teach-lesson-body-tool-heading').click();
  await expect(page.getByTestId('teach-lesson-body-preview').locator('h2').first()).toHaveText(heading);
  await expect(page.getByTestId('teach-lesson-unsaved')).toBeVisible();
  await screenshot(page, { path: artifact('teach-lesson-editor') });
  // Leaving with unsaved changes asks first; staying keeps the text.
  await page.getByTestId('learning-tab-overview').click();
  await expect(page.getByTestId('teach-leave-confirm')).toBeVisible();
  await page.getByRole('button', { name: '留在此页' }).click();
  await expect(page.getByTestId('teach-lesson-editor')).toBeVisible();
  const savedLesson = page.waitForResponse((response) => response.url().endsWith(`/api/learning/lessons/${lessonId}`) && response.request().method() === 'PUT');
  await page.getByTestId('teach-lesson-save').click();
  expect((await savedLesson).status()).toBe(200);
  await expect(page.getByTestId('teach-lesson-unsaved')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('teach-lesson-body-preview').locator('h2').first()).toHaveText(heading);

  // 学习概况: the trainer assigns a course to a team; rows show; the Excel link answers with a workbook.
  await page.getByTestId('learning-tab-overview').click();
  await expect(page.getByTestId('teach-overview')).toBeVisible();
  await page.getByTestId('teach-assign-open').click();
  await page.getByTestId('teach-assign-course').click();
  await page.keyboard.type('认识情绪');
  await page.keyboard.press('Enter');
  await page.getByTestId('teach-assign-teams').click();
  await page.keyboard.type('售前咨询组');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const assigned = page.waitForResponse((response) => /\/api\/learning\/courses\/[^/]+\/assign$/.test(response.url()));
  await page.getByTestId('teach-assign-submit').click();
  const assignResponse = await assigned;
  expect(assignResponse.status()).toBe(200);
  expect(((await assignResponse.json()) as { assigned: number }).assigned).toBeGreaterThan(0);
  await expect(page.locator('[data-testid^="teach-overview-row-"]').first()).toBeVisible();
  // The agent (pre-sales) finishes two lessons; the overview shows their progress.
  const assignedCourseId = /\/courses\/([^/]+)\/assign$/.exec(assignResponse.url())![1]!;
  const assignedCourse = (await agent.get(`/api/learning/courses/${assignedCourseId}`)) as { lessons: { id: string }[] };
  for (const lesson of assignedCourse.lessons.slice(0, 2)) await agent.post(`/api/learning/lessons/${lesson.id}/complete`, { answers: {} });
  await agentRequest.dispose();
  await page.reload();
  const agentRow = page.locator(`[data-testid$="-${assignedCourseId}"][data-testid^="teach-overview-row-"]`).filter({ hasText: '2/6' });
  await expect(agentRow).toHaveCount(1);
  await expect(page.getByTestId('teach-overview-chart')).toBeVisible();
  await expect(page.getByTestId('teach-overview-export')).toHaveAttribute('href', '/api/learning/overview.xlsx');
  const workbook = await page.request.get('/api/learning/overview.xlsx');
  expect(workbook.status()).toBe(200);
  expect(workbook.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, { path: artifact('teach-overview'), fullPage: true });
});

test('an agent sees none of the trainer pages; a leader reads results but cannot author', async ({ page }) => {
  await signInAs(page, 'agent');
  await page.goto('/learning/authoring');
  await expect(page.getByTestId('no-access')).toBeVisible();
  await page.goto('/learning/overview');
  await expect(page.getByTestId('no-access')).toBeVisible();
  await page.goto('/learning/exam-admin');
  await expect(page.getByTestId('no-access')).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await signInAs(page, 'leader');
  await page.goto('/learning/overview');
  await expect(page.getByTestId('teach-overview')).toBeVisible();
  await expect(page.getByTestId('teach-assign-open')).toHaveCount(0);
  await page.getByTestId('teach-overview-exam-results').click();
  await expect(page.getByTestId('teach-exams')).toBeVisible();
  await expect(page.getByTestId('teach-exam-create')).toHaveCount(0);
  await expect(page.getByTestId('teach-exam-section-grading')).toHaveCount(0);
  await page.goto('/learning/authoring');
  await expect(page.getByTestId('no-access')).toBeVisible();
});
