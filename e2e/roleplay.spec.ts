import { expect, test, type Page } from '@playwright/test';
import { artifact, screenshot, signInAs, signOut } from './helpers';

/**
 * Role-play (SPEC §2.2): a trainer assigns a scenario to a team, an agent of that team plays
 * it to its scorecard, the trainer reads the attempt in coaching and comments, and the agent
 * sees the comment. Then the polite pause with its breathing pacer, and scenario authoring.
 */

/** Replies that acknowledge, confirm the need and give a plan with a time; sent in order, then repeated. */
const GOOD_REPLIES = [
  '真的很抱歉让您等了这么久，换作是我也会着急。',
  '我确认一下，您是希望后天生日前收到耳机，对吗？',
  '我马上为您安排顺丰加急补发，今天18点前把新单号发给您。',
  '给您添麻烦了，非常抱歉。补发今天就安排，18点前我把新单号发给您，后天生日前一定送到。',
];

/** The customer "types" for up to 1.2 s after the server answers. */
const TURN_TIMEOUT = 20_000;

async function findScenario(page: Page, prefix: string): Promise<{ id: string; title: string }> {
  const scenarios = await page.evaluate(async () => {
    const response = await fetch('/api/roleplay/scenarios');
    return ((await response.json()) as { scenarios: { id: string; title: { zh: string } }[] }).scenarios;
  });
  const scenario = scenarios.find((item) => item.id.startsWith(prefix));
  expect(scenario, `a built-in scenario whose id starts with ${prefix}`).toBeTruthy();
  return { id: scenario!.id, title: scenario!.title.zh };
}

async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('a trainer assigns a scenario to a team, an agent plays it to the scorecard, the trainer comments', async ({ page }) => {
  test.setTimeout(240_000);

  // The trainer assigns the late-gift complaint to the pre-sales team.
  await signInAs(page, 'trainer');
  await page.getByTestId('nav-roleplay').click();
  await expect(page.getByTestId('roleplay-catalogue')).toBeVisible();
  await expect(page.getByTestId('roleplay-tab-authoring')).toBeVisible();
  const scenario = await findScenario(page, 'complaint-late-gift');
  await page.getByTestId('roleplay-tab-coaching').click();
  await expect(page.getByTestId('roleplay-coaching')).toBeVisible();
  await page.getByTestId('roleplay-assign').click();
  await page.getByTestId('roleplay-assign-scenario').click();
  await page.keyboard.type(scenario.title);
  await page.keyboard.press('Enter');
  await page.getByTestId('roleplay-assign-teams').click();
  await page.keyboard.type('售前咨询组');
  await page.keyboard.press('Enter');
  const created = page.waitForResponse((response) => response.url().endsWith('/api/roleplay/assignments') && response.request().method() === 'POST');
  await page.getByTestId('roleplay-assign-submit').click();
  const assignmentResponse = await created;
  expect(assignmentResponse.status()).toBe(201);
  const assignment = (await assignmentResponse.json()) as { id: string; people: number; done: number };
  expect(assignment.people).toBeGreaterThan(1);
  await expect(page.getByTestId(`roleplay-assignment-${assignment.id}`)).toContainText(scenario.title);
  await signOut(page);

  // The agent (pre-sales) finds the assignment on top of the catalogue and opens it.
  await signInAs(page, 'agent');
  await page.getByTestId('nav-roleplay').click();
  await expect(page.getByTestId('roleplay-catalogue')).toBeVisible();
  await expect(page.getByTestId('roleplay-tab-coaching')).toHaveCount(0);
  await expect(page.getByTestId('roleplay-tab-authoring')).toHaveCount(0);
  const card = page.getByTestId(`roleplay-assignment-${assignment.id}`);
  await expect(card).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId(`roleplay-card-${scenario.id}`)).toBeVisible();
  await screenshot(page, { path: artifact('roleplay-catalogue'), fullPage: true });
  await page.getByTestId(`roleplay-assignment-open-${assignment.id}`).click();
  await expect(page.getByTestId('roleplay-brief-assignment')).toBeVisible();
  await expect(page.getByTestId('roleplay-situation')).not.toBeEmpty();
  await page.getByTestId('roleplay-start').click();

  // The chat: the customer's opening line, then good replies until the conversation ends.
  await expect(page.getByTestId('roleplay-chat')).toBeVisible();
  await expect(page).toHaveURL(/\/roleplay\/attempts\/[0-9a-f-]{36}$/);
  const attemptId = page.url().split('/').pop()!;
  const customerLines = page.getByTestId('roleplay-customer-line');
  await expect(customerLines).toHaveCount(1);
  const angerAtStart = Number(await page.getByTestId('roleplay-meter-anger').getAttribute('data-value'));
  const scorecard = page.getByTestId('roleplay-scorecard');
  for (let turn = 0; turn < 12 && !(await scorecard.isVisible()); turn += 1) {
    await page.getByTestId('roleplay-input').fill(GOOD_REPLIES[Math.min(turn, GOOD_REPLIES.length - 1)]!);
    if (turn === 0) {
      await page.getByTestId('roleplay-send').click();
      await expect(page.getByTestId('roleplay-typing')).toBeVisible();
    } else {
      await page.getByTestId('roleplay-input').press('Enter');
    }
    await expect(scorecard.or(customerLines.nth(turn + 1))).toBeVisible({ timeout: TURN_TIMEOUT });
    if (turn === 1 && !(await scorecard.isVisible())) {
      const anger = Number(await page.getByTestId('roleplay-meter-anger').getAttribute('data-value'));
      expect(anger, 'acknowledging and confirming the need calms the customer').toBeLessThan(angerAtStart);
      await expect(page.getByTestId('roleplay-feedback').last()).toBeVisible();
      await scrollToTop(page);
      await screenshot(page, { path: artifact('roleplay-chat'), fullPage: true });
    }
  }

  // The scorecard: how it ended, the total, the five dimensions, the need, every turn.
  await expect(scorecard).toBeVisible();
  await expect(page.getByTestId('roleplay-outcome')).toHaveAttribute('data-outcome', /^(resolved|escalated|leaves|out_of_turns)$/);
  await expect(page.getByTestId('roleplay-outcome')).toHaveText(/已解决|已升级投诉|顾客离开|回合用尽/);
  await expect(page.getByTestId('roleplay-total')).toHaveText(/^\d{1,3}$/);
  await expect(page.getByTestId('roleplay-radar').locator('svg')).toBeVisible();
  await expect(page.getByTestId('roleplay-dimension-empathy')).toBeVisible();
  await expect(page.getByTestId('roleplay-need')).not.toBeEmpty();
  await expect(page.getByTestId('roleplay-turn-1')).toContainText(GOOD_REPLIES[0]!);
  await page.waitForTimeout(800); // the radar's entry animation
  await scrollToTop(page);
  await screenshot(page, { path: artifact('roleplay-scorecard'), fullPage: true });

  // The assignment now counts as done, and the attempt is in the history.
  await page.getByTestId('roleplay-try-again').waitFor();
  await page.goto('/roleplay');
  await expect(page.getByTestId(`roleplay-assignment-${assignment.id}`)).toHaveAttribute('data-done', 'true');
  await page.getByTestId('roleplay-tab-history').click();
  await expect(page.getByTestId('roleplay-history')).toBeVisible();
  await expect(page.getByTestId(`roleplay-attempt-row-${attemptId}`)).toBeVisible();
  await expect(page.getByTestId('roleplay-history-chart').locator('svg')).toBeVisible();
  await signOut(page);

  // The trainer sees the attempt in coaching, with the assignment's progress, and comments.
  await signInAs(page, 'trainer');
  await page.goto('/roleplay/coaching');
  await expect(page.getByTestId(`roleplay-attempt-row-${attemptId}`)).toBeVisible();
  await expect(page.getByTestId(`roleplay-assignment-progress-${assignment.id}`)).toContainText(`1/${assignment.people}`);
  await scrollToTop(page);
  await screenshot(page, { path: artifact('roleplay-coaching'), fullPage: true });
  await page.getByTestId(`roleplay-attempt-row-${attemptId}`).click();
  await expect(page.getByTestId('roleplay-scorecard')).toBeVisible();
  await expect(page.getByTestId('roleplay-try-again')).toHaveCount(0);
  const comment = '开头先道歉、接住情绪做得很好；下次第一句就把补发方案和时间一起说出来，会更快解决。';
  await page.getByTestId('roleplay-comment-input').fill(comment);
  await page.getByTestId('roleplay-comment-submit').click();
  await expect(page.getByTestId('roleplay-comment-list')).toContainText(comment);
  await signOut(page);

  // The agent reads the comment on the scorecard.
  await signInAs(page, 'agent');
  await page.goto(`/roleplay/attempts/${attemptId}`);
  await expect(page.getByTestId('roleplay-comment-list')).toContainText(comment);
  await expect(page.getByTestId('roleplay-comment-input')).toHaveCount(0);
});

test('asking the customer to wait opens the one-minute breathing pacer', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'agent');
  await page.goto('/roleplay');
  const scenario = await findScenario(page, 'complaint-late-gift');
  await page.getByTestId(`roleplay-card-${scenario.id}`).click();
  await page.getByTestId('roleplay-start').click();
  await expect(page.getByTestId('roleplay-chat')).toBeVisible();
  await page.getByTestId('roleplay-pause').click();
  await expect(page.getByTestId('roleplay-input')).toHaveValue(/稍等/);
  await page.getByTestId('roleplay-send').click();
  const pacer = page.getByTestId('roleplay-pacer');
  await expect(pacer).toBeVisible({ timeout: TURN_TIMEOUT });
  await expect(pacer).toHaveAttribute('data-phase', 'ready');
  await expect(pacer).toHaveAttribute('data-phase', 'inhale', { timeout: 5_000 });
  await expect(page.getByTestId('roleplay-pacer-left')).toContainText(/\d+/);
  await screenshot(page, { path: artifact('roleplay-pacer'), fullPage: true });
  await page.getByTestId('roleplay-pacer-close').click();
  await expect(pacer).toBeHidden();
  await expect(page.getByTestId('roleplay-customer-line')).toHaveCount(2);
  await expect(page.getByTestId('roleplay-moves').last()).toContainText('请稍等');
});

test('a trainer copies a built-in scenario, finds errors by line, saves a draft and test-plays it', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'trainer');
  await page.goto('/roleplay/authoring');
  await expect(page.getByTestId('roleplay-authoring')).toBeVisible();
  const scenario = await findScenario(page, 'complaint-late-gift');
  const copyId = `${scenario.id}-copy`;
  await page.getByTestId(`roleplay-authoring-copy-${scenario.id}`).click();
  const editor = page.getByTestId('roleplay-yaml');
  await expect(editor).toHaveValue(new RegExp(`^id: ${copyId}`));
  await page.getByTestId('roleplay-validate').click();
  await expect(page.getByTestId('roleplay-yaml-check')).toHaveAttribute('data-state', 'valid');

  // Break the difficulty: the check names the line.
  const original = await editor.inputValue();
  await editor.fill(original.replace(/^difficulty: \d+/m, 'difficulty: hard'));
  await page.getByTestId('roleplay-validate').click();
  await expect(page.getByTestId('roleplay-yaml-errors')).toContainText('difficulty');
  await expect(page.getByTestId('roleplay-yaml-errors')).toContainText(/第 \d+ 行/);
  await scrollToTop(page);
  await screenshot(page, { path: artifact('roleplay-authoring-errors'), fullPage: true });

  await editor.fill(original);
  await page.getByTestId('roleplay-save-draft').click();
  await expect(page.getByTestId(`roleplay-authoring-item-${copyId}`)).toContainText('草稿');
  await page.getByTestId('roleplay-test-play').click();
  await expect(page.getByTestId('roleplay-chat')).toBeVisible();
  await expect(page.getByTestId('roleplay-customer-line')).toHaveCount(1);
});
