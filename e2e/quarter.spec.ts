import { expect as baseExpect, test, type Page } from '@playwright/test';
import { answerSurveyAs, artifact, NEEDS_SURVEY_REQUIRED_CLICKS, pickSelectOption, screenshot, signInAs, signOut } from './helpers';

/**
 * One quarter of the training group's work (SPEC §2.7, §2.8), end to end through the UI:
 * the trainer sends a needs survey to 售前咨询组; agents answer it; the trainer reads the
 * report and turns its top weak point into the item of a new plan, schedules it for now and
 * submits; the leader returns it with a comment, the trainer adds a goal and a budget and
 * resubmits (version 2 lists the change), the leader approves; the session appears in the
 * calendar; the trainer shows the sign-in code and its QR; 李思琪 mistypes it, is told so, and
 * signs in with it; the trainer closes the session, so 陈雨桐, who did not come, gets a make-up task;
 * 李思琪 answers the reaction questionnaire the closing sent; the supervisor imports last
 * month's KPIs; the leader's dashboard shows all four levels.
 */

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(300_000);
const expect = baseExpect.configure({ timeout: 20_000 });

const RUN = Date.now().toString(36);
const SURVEY_TITLE = `季度需求调研 ${RUN}`;
const PLAN_TITLE = `季度培训计划 ${RUN}`;
const THEME = `情绪处理专题 ${RUN}：被骂之后尽快平静`;
const PRE_SALES = '售前咨询组 Pre-sales';
const WEAK_POINT = '被骂之后让自己尽快平静下来';
const RETURN_COMMENT = '请补充一个可衡量的目标，再提交。';

/** Today in China time, a start time a few minutes ago (on a 5-minute step) and last month as a KPI file names it. */
function now(): { date: string; time: string; lastMonth: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() - 5 * 60_000))
      .map((p) => [p.type, p.value]),
  );
  const minute = String(Math.floor(Number(parts.minute) / 5) * 5).padStart(2, '0');
  const month = Number(parts.month);
  const lastMonth = month === 1 ? `${Number(parts.year) - 1}-12` : `${parts.year}-${String(month - 1).padStart(2, '0')}`;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${minute}`, lastMonth };
}

async function pickDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('a quarter: needs survey, report, plan returned and approved, session with code sign-in, absence, reaction questionnaire, KPIs, four levels', async ({ page, baseURL }) => {
  const { date, time, lastMonth } = now();

  // 1. The trainer sends the quarterly needs survey (built from the template) to 售前咨询组.
  await signInAs(page, 'trainer');
  await page.goto('/operations/surveys');
  await page.getByTestId('survey-new').click();
  await page.getByTestId('survey-template-needs').click();
  await page.getByTestId('builder-title').fill(SURVEY_TITLE);
  await page.getByTestId('builder-send').click();
  await pickSelectOption(page, 'survey-send-teams', new RegExp(`^${PRE_SALES}`));
  await page.getByTestId('survey-send-submit').click();
  await expect(page.getByTestId('survey-status')).toHaveText('收集中');
  const surveyId = page.url().split('/').pop()!;
  await signOut(page);

  // 2. 李思琪 answers in the browser; two colleagues answer too.
  await signInAs(page, 'agent');
  await page.goto(`/my/surveys/${surveyId}`);
  for (const [question, answer] of NEEDS_SURVEY_REQUIRED_CLICKS) await page.getByTestId(`survey-answer-${question}-${answer}`).click();
  await page.getByTestId('my-survey-submit').click();
  await expect(page.getByTestId('my-survey-done')).toBeVisible();
  await signOut(page);
  const base = { stressors: ['同一个问题被反复追问'], stress_level: 4, complaint_cause: '活动规则或价格争议', past_satisfaction: 4, past_usefulness: 3, formats: ['真实案例复盘'], confidence: 2 };
  await answerSurveyAs(baseURL!, 'agent01', surveyId, { ...base, weak_points: [WEAK_POINT] });
  await answerSurveyAs(baseURL!, 'agent03', surveyId, { ...base, weak_points: [WEAK_POINT, '判断什么时候该请主管介入'] });

  // 3. The report; its top weak point becomes the item of a new plan, dated today.
  await signInAs(page, 'trainer');
  await page.goto(`/operations/surveys/${surveyId}/report`);
  await expect(page.getByTestId('report-responses').locator('.ant-statistic-content-value')).toHaveText('3');
  await expect(page.getByTestId('report-chart-weak_points').locator('svg')).toBeVisible();
  await expect(page.getByTestId('report-finding-weak_points:0')).toContainText(WEAK_POINT);
  await screenshot(page, { path: artifact('quarter-1-needs-report'), fullPage: true });
  await page.getByTestId('report-finding-check-weak_points:0').click();
  await page.getByTestId('report-to-plan').click();
  await page.getByTestId('plan-item-0-theme').fill(THEME);
  await pickDate(page, 'plan-item-0-date', date);
  await page.getByTestId('plan-items-target').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `新建 ${date.slice(0, 4)} 年度计划草稿` }).click();
  await page.getByTestId('plan-items-submit').click();
  await page.getByTestId('plan-items-open-plan').click();
  await expect(page.getByTestId('plan-page')).toBeVisible();
  const planUrl = page.url();

  // 4. The trainer finishes the draft (title, goal, time, team) and submits it.
  await page.getByTestId('plan-edit').click();
  await page.getByTestId('plan-title').fill(PLAN_TITLE);
  if (!(await page.getByTestId('plan-goal-0').isVisible())) await page.getByTestId('plan-add-goal').click();
  await page.getByTestId('plan-goal-0').fill('挨骂后的情绪恢复时间缩短一半');
  await expect(page.getByTestId('plan-item-theme-0')).toHaveValue(THEME);
  const timeInput = page.getByTestId('plan-item-time-0');
  await timeInput.click();
  await timeInput.fill(time);
  await timeInput.press('Enter');
  await page.getByTestId('plan-item-teams-0').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '售前咨询组' }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'draft');
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'submitted');
  await signOut(page);

  // 5. The leader returns it with a comment; the trainer adds a goal and submits version 2; the leader approves.
  await signInAs(page, 'leader');
  await page.goto(planUrl);
  await page.getByTestId('plan-decision-comment').fill(RETURN_COMMENT);
  await page.getByTestId('plan-return').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'returned');
  await signOut(page);
  await signInAs(page, 'trainer');
  await page.goto(planUrl);
  await expect(page.getByTestId('plan-returned-comment')).toContainText(RETURN_COMMENT);
  await page.getByTestId('plan-edit').click();
  await page.getByTestId('plan-add-goal').click();
  await page.getByTestId('plan-goal-1').fill('本季度因情绪处理不当引起的投诉下降 20%');
  await page.getByTestId('plan-item-budget-0').fill('800');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-pending-changes')).toContainText(THEME);
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-version')).toHaveText('v2');
  await signOut(page);
  await signInAs(page, 'leader');
  await page.goto(planUrl);
  await expect(page.getByTestId('plan-version-1-decision')).toContainText(RETURN_COMMENT);
  await expect(page.getByTestId('plan-version-2-changes')).toContainText(THEME);
  await screenshot(page, { path: artifact('quarter-2-plan-approval'), fullPage: true });
  await page.getByTestId('plan-approve').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'approved');
  await signOut(page);

  // 6. The session is in the calendar; the trainer shows the sign-in code; 李思琪 signs in with it.
  await signInAs(page, 'trainer');
  await page.goto(`/operations/calendar?month=${date.slice(0, 7)}`);
  const entry = page.getByTestId(`calendar-day-${date}`).locator('a', { hasText: THEME });
  await expect(entry).toBeVisible();
  await screenshot(page, { path: artifact('quarter-3-calendar'), fullPage: true });
  await entry.click();
  const sessionUrl = page.url();
  await page.getByTestId('session-start-sign-in').click();
  const code = (await page.getByTestId('session-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(page.getByTestId('session-qr')).toHaveAttribute('data-url', new RegExp(`/my/sign-in\\?session=.+&code=${code}$`));
  await signOut(page);
  await signInAs(page, 'agent');
  await page.goto('/my/sessions');
  await page.getByTestId('my-sign-in-code').fill(code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
  await page.getByTestId('my-sign-in-submit').click();
  await expect(page.getByTestId('my-sign-in-error')).toContainText('签到码不正确');
  await page.getByTestId('my-sign-in-code').fill(code.toLowerCase());
  await page.getByTestId('my-sign-in-submit').click();
  await expect(page.getByTestId('my-sign-in-ok')).toContainText(THEME);
  await signOut(page);

  // 7. The trainer closes the session: 陈雨桐 (agent01) did not come and is absent.
  await signInAs(page, 'trainer');
  await page.goto(sessionUrl);
  await page.getByTestId('session-close').click();
  await page.getByTestId('session-close-confirm').click();
  await expect(page.getByTestId('session-closed-tag')).toBeVisible();
  await expect(page.locator('[data-testid="session-enrolments"] [data-name="陈雨桐"] [data-attendance]').first()).toHaveAttribute('data-attendance', 'absent');
  await signOut(page);
  await signInAs(page, 'agent01');
  await page.goto('/my/sessions');
  await expect(page.locator('[data-testid="my-makeups"] [data-status="open"]', { hasText: THEME })).toBeVisible();
  await signOut(page);

  // 8. 李思琪 answers the reaction questionnaire the closing sent her.
  await signInAs(page, 'agent');
  await page.goto('/my/surveys');
  const reaction = page.locator('[data-testid^="my-survey-"][data-title*="' + RUN + '"]');
  await reaction.locator('[data-testid^="my-survey-answer-"]').click();
  for (const question of ['content', 'method', 'instructor']) await page.getByTestId(`survey-answer-${question}-4`).click();
  await page.getByTestId('survey-answer-best').fill('学会了挨骂后先做一次 4 秒吸气、6 秒呼气，再回复顾客。');
  await page.getByTestId('my-survey-submit').click();
  await expect(page.getByTestId('my-survey-done')).toBeVisible();
  await signOut(page);

  // 9. The supervisor imports last month's KPIs for the team.
  await signInAs(page, 'supervisor');
  await page.goto('/evaluation/kpis');
  const csv = ['工号,月份,满意度(%),投诉率(%),复购率(%),平均处理时长(分钟),升级率(%)', `agent,${lastMonth},94.1,0.5,32,6,1`, `agent01,${lastMonth},90.4,0.9,28,7.5,1.6`].join('\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('eval-kpi-dropzone').click();
  await (await chooser).setFiles({ name: `${lastMonth}-KPI.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
  await expect(page.getByTestId('eval-kpi-preview-summary')).toContainText('可导入 2 行');
  await page.getByTestId('eval-kpi-import-submit').click();
  await expect(page.getByTestId('eval-kpi-result')).toContainText('已导入 2 行');
  await signOut(page);

  // 10. The leader's dashboard: all four levels, each with figures.
  await signInAs(page, 'leader');
  await page.goto('/evaluation');
  await expect(page.getByTestId('eval-dashboard')).toBeVisible({ timeout: 30_000 });
  for (const level of ['reaction', 'learning', 'behaviour', 'results'] as const) {
    await expect(page.getByTestId(`eval-level-${level}`)).toHaveAttribute('data-has-data', 'true', { timeout: 30_000 });
  }
  await expect(page.getByTestId('eval-figure-responseRate')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(page.getByTestId('eval-figure-csat')).toHaveText(/^\d+(\.\d+)?%$/);
  await screenshot(page, { path: artifact('quarter-4-dashboard'), fullPage: true });
});
