import { expect as baseExpect, test, type Page } from '@playwright/test';
import { answerSurveyAs, artifact, confirmDialog, NEEDS_SURVEY_REQUIRED_CLICKS, pickSelectOption, screenshot, signInAs, signOut } from './helpers';

/**
 * Needs analysis (SPEC §2.7): a trainer builds a survey from the built-in needs template (moves a
 * question, previews it) and sends it to the pre-sales team; an agent finds the invitation under
 * the bell, is told which required questions are missing, and answers; two colleagues answer too
 * (through the API); the trainer reminds those who have not answered, reads the report with its
 * charts — the tenure breakdown hides groups of fewer than three on this anonymous survey — exports
 * it, and turns the weak point most people chose into a plan item.
 */

test.use({ viewport: { width: 1440, height: 900 } });
// A whole quarter's journey with three sign-ins; lazy pages (ECharts) may take a while on a busy machine.
test.setTimeout(180_000);
const expect = baseExpect.configure({ timeout: 15_000 });

const TITLE = `E2E 需求调研 ${Date.now().toString(36)}`;
const PRE_SALES = '售前咨询组 Pre-sales';
const WEAK_POINT = '被骂之后让自己尽快平静下来';

test('trainer builds from the template and sends; an agent answers; trainer reminds, reads the report and plans from it', async ({ page, baseURL }) => {
  // The trainer builds the survey from the needs template.
  await signInAs(page, 'trainer');
  await page.goto('/operations/surveys');
  await expect(page.getByTestId('surveys-table')).toBeVisible();
  await page.getByTestId('survey-new').click();
  await page.getByTestId('survey-template-needs').click();
  await expect(page.getByTestId('builder-question-10')).toBeVisible();
  await page.getByTestId('builder-title').fill(TITLE);
  // Move the second question up: its id goes first, and stays with it.
  await expect(page.getByTestId('builder-question-1')).toHaveAttribute('data-question-id', 'stress_level');
  await page.getByTestId('builder-question-1-up').click();
  await expect(page.getByTestId('builder-question-0')).toHaveAttribute('data-question-id', 'stress_level');
  // An empty prompt is caught before saving.
  await page.getByTestId('builder-question-2-prompt').fill('');
  await page.getByTestId('builder-save').click();
  await expect(page.getByTestId('builder-question-2-prompt-error')).toBeVisible();
  await page.getByTestId('builder-question-2-prompt').fill('处理情绪时，你觉得自己最需要提升的是哪些方面？（可多选）');
  await page.getByTestId('builder-preview').click();
  await expect(page.getByTestId('builder-preview-body').getByTestId('survey-question-stress_level')).toBeVisible();
  await screenshot(page, { path: artifact('surveys-builder-preview') });
  await page.keyboard.press('Escape');

  // Save and send to the pre-sales team.
  await page.getByTestId('builder-send').click();
  await expect(page.getByTestId('survey-send-teams')).toBeVisible();
  await pickSelectOption(page, 'survey-send-teams', new RegExp(`^${PRE_SALES}`));
  await page.getByTestId('survey-send-submit').click();
  await expect(page.getByTestId('survey-page')).toBeVisible();
  await expect(page.getByTestId('survey-title')).toHaveText(TITLE);
  await expect(page.getByTestId('survey-status')).toHaveText('收集中');
  const surveyId = page.url().split('/').pop()!;
  const recipients = Number(await page.getByTestId('survey-recipients').locator('.ant-statistic-content-value').innerText());
  expect(recipients).toBeGreaterThan(5);
  await signOut(page);

  // The agent opens the invitation from the bell and answers.
  await signInAs(page, 'agent');
  await expect(page.getByTestId('notification-count')).toContainText(/\d/);
  await page.getByTestId('notification-bell').click();
  const invite = page.getByTestId('notification-list').getByRole('button', { name: new RegExp(TITLE) });
  await expect(invite).toHaveAttribute('data-unread', 'true');
  await invite.click();
  await expect(page).toHaveURL(new RegExp(`/my/surveys/${surveyId}$`));
  await expect(page.getByTestId('my-survey-privacy')).toContainText('匿名');
  await page.getByTestId('my-survey-submit').click();
  await expect(page.getByTestId('survey-error-weak_points')).toBeVisible();
  for (const [question, answer] of NEEDS_SURVEY_REQUIRED_CLICKS) await page.getByTestId(`survey-answer-${question}-${answer}`).click();
  await expect(page.getByTestId('survey-error-weak_points')).toBeHidden();
  await page.getByTestId('survey-answer-complaint_story').fill('顾客说已经第三次联系了，我先道歉再给出今天 18 点前的处理时间，她才平静下来。');
  await screenshot(page, { path: artifact('surveys-answer') });
  await page.getByTestId('my-survey-submit').click();
  await expect(page.getByTestId('my-survey-done')).toBeVisible();
  await page.goto('/my/surveys');
  await expect(page.getByTestId(`my-survey-link-${surveyId}`)).toBeVisible();
  await signOut(page);

  // Two colleagues of the same team answer as well, so the anonymous report has enough to show.
  const base = { stressors: ['同一个问题被反复追问'], stress_level: 4, complaint_cause: '活动规则或价格争议', past_satisfaction: 4, past_usefulness: 3, formats: ['真实案例复盘'] };
  await answerSurveyAs(baseURL!, 'agent01', surveyId, { ...base, weak_points: [WEAK_POINT, '判断什么时候该请主管介入'], confidence: 3 });
  await answerSurveyAs(baseURL!, 'agent03', surveyId, { ...base, weak_points: [WEAK_POINT], confidence: 2 });

  // The trainer reminds the others.
  await signInAs(page, 'trainer');
  await page.goto(`/operations/surveys/${surveyId}`);
  await expect(page.getByTestId('survey-responded').locator('.ant-statistic-content-value')).toHaveText('3');
  await expect(page.getByTestId('survey-recipient-agent')).toHaveAttribute('data-answered', 'true');
  await page.getByTestId('survey-remind').click();
  await confirmDialog(page, 'survey-remind-confirm');
  // Reminded: those who have not answered, and not the agent who has.
  await expect(page.getByTestId('survey-recipient-agent05')).toHaveAttribute('data-reminded', 'true');
  await expect(page.getByTestId('survey-recipient-agent05')).toHaveAttribute('data-answered', 'false');
  await expect(page.getByTestId('survey-recipient-agent')).toHaveAttribute('data-reminded', 'false');
  await expect(page.getByTestId('survey-remind')).toContainText(String(recipients - 3));
  await screenshot(page, { path: artifact('surveys-survey-page') });

  // The report: totals with charts, the tenure breakdown with its hidden groups, Excel.
  await page.getByTestId('survey-open-report').click();
  await expect(page.getByTestId('survey-report')).toBeVisible();
  await expect(page.getByTestId('report-responses').locator('.ant-statistic-content-value')).toHaveText('3');
  await expect(page.getByTestId('report-chart-weak_points').locator('svg')).toBeVisible();
  await expect(page.getByTestId('report-chart-confidence').locator('svg')).toBeVisible();
  await expect(page.getByTestId('report-average-confidence')).toContainText('2.33');
  await screenshot(page, { path: artifact('surveys-report') });
  await page.getByTestId('report-view-tenure').click();
  await expect(page.getByTestId('report-cells-weak_points').getByTestId('report-hidden-too_few').first()).toBeVisible();
  await screenshot(page, { path: artifact('surveys-report-tenure') });
  const xlsx = await page.request.get(`/api/ops/surveys/${surveyId}/report.xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await expect(page.getByTestId('report-export')).toHaveAttribute('href', `/api/ops/surveys/${surveyId}/report.xlsx`);

  // The weak point all three chose becomes a plan item.
  const finding = page.getByTestId('report-finding-weak_points:0');
  await expect(finding).toContainText(WEAK_POINT);
  await page.getByTestId('report-finding-check-weak_points:0').click();
  await page.getByTestId('report-to-plan').click();
  await expect(page.getByTestId('plan-item-0-theme')).toHaveValue(`情绪处理专题：${WEAK_POINT}`);
  await screenshot(page, { path: artifact('surveys-plan-items') });
  // The drawer may still be sliding in (a picture used to give it time): click until the items are added.
  await expect(async () => {
    if (await page.getByTestId('plan-items-submit').isVisible()) await page.getByTestId('plan-items-submit').click({ timeout: 2_000 });
    await expect(page.getByTestId('plan-items-done')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('plan-items-done')).toContainText('1 项');
});
