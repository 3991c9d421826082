import { expect, test, type Page } from '@playwright/test';
import { artifact, screenshot, signInAs, signOut } from './helpers';

/**
 * The people side of 培训运营 (SPEC §2.7, §2.10) over the demo organisation: the supervisor gives
 * the new hire without a mentor (何一鸣) a mentor; the mentor writes a coaching note on another
 * mentee (黄文博) and reads their role-play and QA results; an agent submits an innovation
 * suggestion, the trainer adopts it and computes the half-year's excellent-trainee ranking; the
 * agent sees the points; the leader confirms an excellent trainee, who gets a certificate.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const NEW_HIRE = '何一鸣';
const MENTOR = '王晓雯';
const MENTEE = '黄文博';
const NOTE = '今天复盘了两通漏升级的对话：顾客提到“12315”时要马上转主管。下周三再抽查三通。';
const SUGGESTION = `差评回访话术卡 ${Date.now() % 100000}`;

/** Picks an option of an antd Select by its visible text. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content', { hasText: text }).first().click();
}

test('mentoring, a suggestion turned into points, and an excellent trainee confirmed', async ({ page }) => {
  test.setTimeout(420_000);

  // (1) The supervisor sees the new hire without a mentor and assigns one.
  await signInAs(page, 'supervisor');
  await page.goto('/operations/mentoring');
  await expect(page.getByTestId('mentoring-no-mentor-alert')).toContainText(NEW_HIRE, { timeout: 30_000 });
  const row = page.locator(`[data-testid^="mentoring-hire-row-"][data-name="${NEW_HIRE}"]`);
  await expect(row.locator('[data-testid^="mentoring-none-"]')).toBeVisible();
  await screenshot(page, { path: artifact('people-mentoring-before'), fullPage: true });
  await row.locator('[data-testid^="mentoring-assign-"]').click();
  await choose(page, 'mentoring-assign-mentor', MENTOR);
  await page.getByTestId('mentoring-assign-submit').click();
  await expect(row.locator('[data-testid^="mentoring-none-"]')).toHaveCount(0);
  await expect(row).toContainText(MENTOR);
  await expect(row).toContainText('已完成 0/10');
  // The supervisor's teams have no new hire left without a mentor.
  await expect(page.getByTestId('mentoring-no-mentor-alert')).toHaveCount(0);
  await expect(page.getByTestId('mentoring-all-assigned')).toBeVisible();
  await signOut(page);

  // (2) The mentor opens a mentee, writes a coaching note and reads the results.
  await signInAs(page, 'mentor');
  await page.goto('/my/mentoring');
  await expect(page.locator(`[data-testid^="my-mentee-"][data-name="${NEW_HIRE}"]`)).toBeVisible({ timeout: 30_000 });
  const card = page.locator(`[data-testid^="my-mentee-"][data-name="${MENTEE}"]`);
  await card.locator('[data-testid^="my-mentee-open-"]').click();
  await expect(page.getByTestId('mentorship-page')).toHaveAttribute('data-mentee', MENTEE, { timeout: 30_000 });
  await page.getByTestId('mentorship-note-input').fill(NOTE);
  await page.getByTestId('mentorship-note-save').click();
  await expect(page.getByTestId('mentorship-note').first()).toContainText('12315');
  await expect(page.getByTestId('mentorship-notes')).toContainText('新人本人和主管都看不到');
  // Role-play practice (seeded through the simulator) and transcript QA (the demo chat-log import).
  await expect(page.getByTestId('mentee-roleplay-best').first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('mentee-qa-conversation').first()).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 120_000 });
  // Tick the next open checklist item.
  const open = page.locator('[data-testid^="mentorship-task-"][data-done="false"]').first();
  const openId = (await open.getAttribute('data-testid'))!.replace('mentorship-task-', '');
  await page.getByTestId(`mentorship-task-check-${openId}`).click();
  await expect(page.getByTestId(`mentorship-task-${openId}`)).toHaveAttribute('data-done', 'true');
  await screenshot(page, { path: artifact('people-mentorship'), fullPage: true });
  await signOut(page);

  // (3) An agent submits an innovation suggestion.
  await signInAs(page, 'agent');
  await page.goto('/my/suggestions');
  await expect(page.getByTestId('suggestion-title')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('suggestion-title').fill(SUGGESTION);
  await page.getByTestId('suggestion-body').fill('差评回访时先致歉、再说明已做的改进、最后给补偿选项，做成三步话术卡贴在工位上，新人照着说不容易慌。');
  await page.getByTestId('suggestion-submit').click();
  const mine = page.locator(`[data-testid^="my-suggestion-"][data-title="${SUGGESTION}"]`);
  await expect(mine).toHaveAttribute('data-status', 'submitted', { timeout: 15_000 });
  await signOut(page);

  // (4) The trainer adopts it, and computes the half-year's excellent-trainee ranking.
  await signInAs(page, 'trainer');
  await page.goto('/operations/incentives/suggestions');
  const waiting = page.locator(`[data-testid^="suggestion-"][data-title="${SUGGESTION}"]`);
  await expect(waiting).toBeVisible({ timeout: 30_000 });
  await waiting.locator('[data-testid^="suggestion-adopt-"]').click();
  await page.getByTestId('suggestion-review-note').fill('很实用，下周起在售后组试用。');
  await page.getByTestId('suggestion-review-submit').click();
  await expect(waiting).toHaveCount(0); // it left the waiting list
  await page.getByTestId('suggestions-filter-adopted').click();
  await expect(page.locator(`[data-testid^="suggestion-"][data-title="${SUGGESTION}"]`)).toContainText('+30 积分');
  await page.getByTestId('incentives-tab-selection').click();
  await expect(page.getByTestId('selection-weight-sum')).toHaveText('100%', { timeout: 30_000 });
  await page.getByTestId('selection-compute').click();
  await expect(page.getByTestId('selection-status')).toHaveAttribute('data-status', 'shortlisted', { timeout: 30_000 });
  await expect(page.locator('[data-testid^="selection-row-"][data-shortlisted="true"]').first()).toBeVisible();
  await signOut(page);

  // (5) The agent sees the points the adoption earned.
  await signInAs(page, 'agent');
  await page.goto('/my/points');
  await expect(page.locator('[data-testid^="my-points-entry-"][data-rule="suggestion_adopted"]')).toContainText(SUGGESTION, { timeout: 30_000 });
  await expect(page.getByTestId('my-points-balance')).toContainText(/\d/);
  await page.goto('/my/suggestions');
  await expect(mine).toHaveAttribute('data-status', 'adopted', { timeout: 30_000 });
  await signOut(page);

  // (6) The leader confirms an excellent trainee from the shortlist; a certificate is issued.
  await signInAs(page, 'leader');
  await page.goto('/operations/incentives/selection');
  await expect(page.getByTestId('selection-status')).toHaveAttribute('data-status', 'shortlisted', { timeout: 30_000 });
  const first = page.locator('[data-testid^="selection-row-"][data-shortlisted="true"]').first();
  const chosenName = (await first.getAttribute('data-name'))!;
  await first.locator('[data-testid^="selection-choose-"]').click();
  await page.getByTestId('selection-confirm').click();
  await page.getByTestId('selection-confirm-ok').click();
  await expect(page.getByTestId('selection-status')).toHaveAttribute('data-status', 'confirmed', { timeout: 15_000 });
  await expect(page.getByTestId('selection-chosen')).toContainText(chosenName);
  await expect(page.getByTestId('selection-chosen')).toContainText(/证书编号 [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/);
  await screenshot(page, { path: artifact('people-selection-confirmed'), fullPage: true });
});
