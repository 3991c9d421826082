import { expect, test, type Page } from '@playwright/test';
import { artifact, confirmDialog, screenshot, signInAs, signOut } from './helpers';

/**
 * 质检看板, 辅导队列 and 质检设置 (SPEC §2.8 level 3, §2.9) over the demo organisation's 60
 * chat-log conversations, imported at seed: a supervisor reads the dashboard of their team
 * (KPI cards, the day chart, language by kind, the agent table), narrows it to one shop in the
 * address, and flags a conversation for coaching with a reason; the mentor of that team finds
 * it in the coaching queue, comments and marks it coached; the admin sets the retention period.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const REASON = '顾客说要投诉时没有先道歉，也没有给出处理时间';
const COMMENT = '周三下午一起复盘这通对话，先练“非常抱歉让您久等了”的开场。';
const DEMO_FILE = 'qa-demo-export.csv';

/** The demo export is queued at seed and analysed by the server's worker; wait until it is done. */
async function waitForDemoImport(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await page.request.get('/api/qa/imports');
        if (!response.ok()) return `HTTP ${response.status()}`;
        const { imports } = (await response.json()) as { imports: { fileName: string; status: string }[] };
        return imports.find((item) => item.fileName === DEMO_FILE)?.status ?? 'missing';
      },
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe('done');
}

/** The number a KPI card shows. */
async function kpiValue(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

test('a supervisor reads the dashboard and flags a conversation; the mentor coaches it; the admin sets retention', async ({ page }) => {
  test.setTimeout(240_000);

  // (1) The supervisor's dashboard: their team's figures, charts and agents.
  await signInAs(page, 'supervisor');
  await waitForDemoImport(page);
  await page.getByTestId('nav-qa').click();
  await expect(page.getByTestId('qa-conversations')).toBeVisible();
  await page.getByTestId('qa-tab-stats').click();
  await expect(page).toHaveURL(/\/qa\/stats$/);
  // The first visit loads the charts' code (ECharts) and three queries: give it time on a busy machine.
  await expect(page.getByTestId('qa-stats-kpis')).toBeVisible({ timeout: 20_000 });
  const conversations = await kpiValue(page, 'qa-kpi-conversations');
  expect(conversations).toBeGreaterThan(0);
  expect(conversations).toBeLessThan(60); // the pre-sales team only, not the whole organisation
  await expect(page.getByTestId('qa-kpi-score').locator('.ant-statistic-content')).toHaveText(/\d/);
  await expect(page.getByTestId('qa-kpi-de-escalation')).toContainText('%');
  await expect(page.getByTestId('qa-stats-day-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('qa-stats-issue-chart').locator('svg')).toBeVisible();
  const agents = page.getByTestId('qa-stats-agents');
  await expect(agents.locator('[data-name="王晓雯"]')).toBeVisible(); // the mentor answers chats in this team too
  await expect(agents.locator('[data-name="李思琪"]')).toBeVisible();
  await expect(page.getByTestId('qa-stats-teams').locator('tbody tr[data-name]')).toHaveCount(1);
  await expect(page.getByTestId('qa-stats-teams')).toContainText('售前咨询组');
  await screenshot(page, { path: artifact('qa-dashboard'), fullPage: true });

  // Sorting the agent table by average score, lowest first.
  await agents.locator('th', { hasText: '平均分' }).click();
  const scores = await agents.locator('tbody tr[data-name] td:nth-child(3)').allInnerTexts();
  const numeric = scores.map(Number).filter((n) => Number.isFinite(n));
  expect(numeric).toEqual([...numeric].sort((a, b) => a - b));

  // One shop: the filter goes into the address, the figures shrink, and a reload keeps it.
  await page.getByTestId('qa-stats-shop').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content', { hasText: '心安数码专营店' }).click();
  await expect(page).toHaveURL(/shop=%E5%BF%83%E5%AE%89%E6%95%B0%E7%A0%81%E4%B8%93%E8%90%A5%E5%BA%97/);
  await expect.poll(() => kpiValue(page, 'qa-kpi-conversations')).toBeLessThan(conversations);
  await page.reload();
  await expect(page.getByTestId('qa-stats-shop')).toContainText('心安数码专营店');
  await page.getByTestId('qa-stats-reset').click();
  await expect(page).toHaveURL(/\/qa\/stats$/);

  // (2) The supervisor flags a conversation the rules left alone.
  const listed = await page.request.get('/api/qa/conversations?flagged=false&sort=newest&pageSize=1');
  expect(listed.ok()).toBe(true);
  const target = ((await listed.json()) as { conversations: { id: string; externalId: string; agent: { name: string } }[] }).conversations[0]!;
  await page.goto(`/qa/conversations/${target.id}`);
  await expect(page.getByTestId('qa-conversation-title')).toContainText(target.externalId);
  await expect(page.getByTestId('qa-flag-in-queue')).toHaveCount(0);
  await page.getByTestId('qa-flag-open').click();
  await expect(page.getByTestId('qa-flag-submit')).toBeDisabled();
  await page.getByTestId('qa-flag-reason').fill(REASON);
  await page.getByTestId('qa-flag-submit').click();
  await expect(page.getByText('已加入辅导队列')).toBeVisible();
  await expect(page.getByTestId('qa-flag-in-queue')).toBeVisible();
  await signOut(page);

  // (3) The mentor of that team: the queue, the reason and who flagged it, a comment, coached.
  await signInAs(page, 'mentor');
  await page.goto('/qa/coaching');
  await expect(page.getByTestId('qa-coaching-list-open')).toBeVisible();
  const item = page.locator(`[data-testid^="qa-coaching-item-"][data-conversation-id="${target.id}"]`);
  await expect(item).toBeVisible();
  await expect(item).toContainText(target.agent.name);
  await expect(item).toContainText('郑志刚 标记');
  await expect(item).toContainText(REASON);
  const flagId = (await item.getAttribute('data-testid'))!.replace('qa-coaching-item-', '');
  await page.getByTestId(`qa-coaching-comment-input-${flagId}`).fill(COMMENT);
  await page.getByTestId(`qa-coaching-comment-send-${flagId}`).click();
  await expect(item.getByTestId('qa-coaching-comment')).toHaveCount(1);
  await expect(item.getByTestId('qa-coaching-comment')).toContainText(COMMENT);
  await expect(item.getByTestId('qa-coaching-comment')).toContainText('王晓雯');
  await expect(page.getByTestId(`qa-coaching-comment-input-${flagId}`)).toHaveValue('');
  await screenshot(page, { path: artifact('qa-coaching'), fullPage: true });
  await page.getByTestId(`qa-coaching-done-${flagId}`).click();
  await expect(item).toHaveCount(0);
  await page.getByTestId('qa-coaching-tab-done').click();
  const doneItem = page.getByTestId(`qa-coaching-item-${flagId}`);
  await expect(doneItem).toBeVisible();
  await expect(page.getByTestId(`qa-coaching-done-by-${flagId}`)).toContainText('王晓雯');
  await expect(doneItem).toContainText(COMMENT);
  await expect(page.getByTestId(`qa-coaching-done-${flagId}`)).toHaveCount(0);
  // A mentor reads the settings but may not change them.
  await page.getByTestId('qa-tab-settings').click();
  await expect(page.getByTestId('qa-settings-read-only')).toBeVisible();
  await expect(page.getByTestId('qa-settings-save')).toHaveCount(0);
  await signOut(page);

  // (4) The admin keeps conversations for 400 days from now on (the demo's are a few weeks old).
  await signInAs(page, 'admin');
  await page.goto('/qa/settings');
  await expect(page.getByTestId('qa-settings')).toBeVisible();
  await expect(page.getByTestId('qa-settings-read-only')).toHaveCount(0);
  await expect(page.getByTestId('qa-settings-masking')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('qa-settings-masking').click();
  await expect(page.getByTestId('qa-settings-masking-warning')).toBeVisible();
  await page.getByTestId('qa-settings-masking').click(); // masking stays on
  await expect(page.getByTestId('qa-settings-masking-warning')).toHaveCount(0);
  if ((await page.getByTestId('qa-settings-retention-enabled').getAttribute('aria-checked')) !== 'true') await page.getByTestId('qa-settings-retention-enabled').click();
  const days = page.locator('[data-testid="qa-settings-retention-days"] input, input[data-testid="qa-settings-retention-days"]').first();
  await days.fill('400');
  await page.getByTestId('qa-settings-save').click();
  await confirmDialog(page, 'qa-settings-confirm'); // deleting old conversations asks first
  await expect(page.getByText('质检设置已保存')).toBeVisible();
  await screenshot(page, { path: artifact('qa-settings'), fullPage: true });
  await page.reload();
  await expect(page.getByTestId('qa-settings-retention-enabled')).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('[data-testid="qa-settings-retention-days"] input, input[data-testid="qa-settings-retention-days"]').first()).toHaveValue('400');
  const saved = await page.request.get('/api/qa/settings');
  expect(await saved.json()).toEqual({ isMaskingEnabled: true, retentionDays: 400, coachingThreshold: 60 });
});
