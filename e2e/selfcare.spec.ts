import fs from 'node:fs';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { artifact, DEMO_PASSWORD, screenshot, signInAs, signOut } from './helpers';

/**
 * 自我关怀 (SPEC §2.6, issue 8): the quick diary entry on a phone, the ABC worksheet step by step,
 * the breathing pacer's phases, /breathe offline after one visit, the supervisor's team page
 * without anyone's entries, and the JSON export. Screenshots of every page (zh-CN, one English,
 * phone-sized ones) land in e2e/artifacts/selfcare-*.png.
 */

// The self-care pages and ECharts load on demand: on a busy machine the first look at a page may take a while.
const expect = baseExpect.configure({ timeout: 15_000 });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
/** Unique per run, so the agent's own words can be searched for where they must not appear. */
const MARK = `催单顾客-${Date.now().toString(36)}`;

/** Signs in on a phone, where the menu sits folded in a drawer behind the toggle. */
async function signInOnPhone(page: Page, login: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-toggle')).toBeVisible();
}

/** The page is no wider than the phone: nothing to scroll sideways. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
}

test.describe('on a phone (390×844)', () => {
  test.use({ ...PHONE });

  test('a quick diary entry takes a few taps and shows in the diary list', async ({ page }) => {
    await signInOnPhone(page, 'agent');
    await page.goto('/selfcare');
    await expect(page.getByTestId('quick-diary')).toBeVisible();
    await expect(page.getByTestId('selfcare-privacy-note')).toBeVisible();
    await page.getByTestId('quick-emotion-wronged').tap();
    await expect(page.getByTestId('quick-emotion-intensity')).toBeVisible();
    await page.getByTestId('quick-event').fill(MARK);
    await screenshot(page, { path: artifact('selfcare-overview-phone-zh-CN'), fullPage: true });
    await expectNoHorizontalScroll(page);
    await page.getByTestId('quick-save').tap();
    await expect(page.getByText('记下了')).toBeVisible();
    await expect(page.getByTestId('quick-event')).toHaveValue('');

    await page.goto('/selfcare/diary');
    await expect(page.getByTestId('diary-entry').first()).toContainText(MARK);
    await expect(page.getByTestId('diary-entry').first()).toContainText('委屈');
    await expectNoHorizontalScroll(page);
    await screenshot(page, { path: artifact('selfcare-diary-phone-zh-CN'), fullPage: true });

    // The full form opens as a full-width drawer on the phone.
    await page.getByTestId('diary-new').tap();
    await expect(page.getByTestId('diary-event')).toBeVisible();
    await page.getByTestId('diary-emotion-anxious').tap();
    await page.getByTestId('diary-signal-heart_racing').tap();
    await screenshot(page, { path: artifact('selfcare-diary-form-phone-zh-CN') });
    await page.getByTestId('diary-save').tap();
    await expect(page.getByTestId('diary-event')).toBeHidden();

    // The menu is in a drawer and every self-care page fits the width.
    await page.getByTestId('nav-toggle').tap();
    await expect(page.getByTestId('nav-selfcare')).toBeVisible();
    await screenshot(page, { path: artifact('selfcare-menu-phone-zh-CN') });
    await page.getByTestId('nav-selfcare').tap();
    for (const path of ['/selfcare/breathe', '/selfcare/relax', '/selfcare/abc', '/selfcare/notes', '/selfcare/check', '/selfcare/data']) {
      await page.goto(path);
      await expect(page.getByTestId('selfcare-privacy-note')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await screenshot(page, { path: artifact(`selfcare${path.replace('/selfcare', '').replace('/', '-')}-phone-zh-CN`), fullPage: true });
    }
  });

  test('/breathe works offline after one visit', async ({ page, context }) => {
    await page.goto('/breathe');
    await expect(page.getByTestId('public-breathe-page')).toBeVisible();
    await expect(page.getByTestId('pacer')).toBeVisible();
    // The service worker is active once its precache is stored.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('public-breathe-page')).toBeVisible();
    expect(await page.evaluate(() => fetch('/api/health').then(() => 'online', () => 'offline'))).toBe('offline');
    await page.getByTestId('pacer-start').tap();
    await expect(page.getByTestId('pacer-phase')).toHaveAttribute('data-phase', 'ready');
    await expect(page.getByTestId('pacer-phase')).toHaveAttribute('data-phase', 'inhale', { timeout: 6_000 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, { path: artifact('selfcare-breathe-public-offline-phone-zh-CN'), fullPage: true });
    await context.setOffline(false);
  });
});

test('the pacer counts in, then breathes in and holds (the quick desk variant)', async ({ page }) => {
  await signInAs(page, 'agent');
  await page.goto('/selfcare/breathe?pattern=desk');
  const phase = page.getByTestId('pacer-phase');
  await expect(page.getByTestId('pacer-rhythm')).toContainText('吸气 4 秒');
  await page.getByTestId('pacer-start').click();
  await expect(phase).toHaveAttribute('data-phase', 'ready');
  await expect(phase).toHaveAttribute('data-phase', 'inhale', { timeout: 6_000 });
  await expect(phase).toHaveText('吸气');
  await screenshot(page, { path: artifact('selfcare-breathe-zh-CN'), fullPage: true });
  await expect(phase).toHaveAttribute('data-phase', 'hold', { timeout: 7_000 });
  await expect(phase).toHaveAttribute('data-phase', 'exhale', { timeout: 5_000 });
  await page.getByTestId('pacer-pause').click();
  await expect(page.getByTestId('pacer-resume')).toBeVisible();
  await page.getByTestId('pacer-stop').click();
  await expect(page.getByTestId('pacer-start')).toBeVisible();

  // The relaxation guides: grounding moves on step by step.
  await page.goto('/selfcare/relax?guide=grounding');
  await page.getByTestId('grounding-start').click();
  await expect(page.getByTestId('grounding-title')).toHaveText('双脚踩稳地面');
  await page.getByTestId('grounding-next').click();
  await expect(page.getByTestId('grounding-title')).toHaveText('看：5 样东西');
  await screenshot(page, { path: artifact('selfcare-relax-grounding-zh-CN'), fullPage: true });
  await page.getByTestId('relax-tab-pmr').click();
  await page.getByTestId('pmr-start').click();
  await page.getByTestId('pmr-next').click();
  await expect(page.getByTestId('pmr-mode')).toHaveAttribute('data-mode', 'tense');
  await screenshot(page, { path: artifact('selfcare-relax-pmr-zh-CN'), fullPage: true });
});

test('the ABC worksheet walks through A, B, C, D and E and is kept as finished', async ({ page }) => {
  await signInAs(page, 'agent');
  await page.goto('/selfcare/abc');
  await expect(page.getByTestId('abc-step-event')).toBeVisible();
  await expect(page.getByTestId('abc-next')).toBeDisabled();
  await page.getByTestId('abc-event').fill(`${MARK}：顾客说“你们就是骗子”`);
  await screenshot(page, { path: artifact('selfcare-abc-zh-CN'), fullPage: true });
  await page.getByTestId('abc-next').click();
  await expect(page.getByTestId('abc-step-belief')).toBeVisible();
  await expect(page.getByTestId('abc-example-text')).toContainText('他在骂我');
  await page.getByTestId('abc-belief').fill('他在骂我，我做得很差');
  await page.getByTestId('abc-next').click();
  await expect(page.getByTestId('abc-step-consequence')).toBeVisible();
  await page.getByTestId('abc-c-emotion-wronged').click();
  await page.getByTestId('abc-consequence').fill('回复越来越短');
  await page.getByTestId('abc-next').click();
  await expect(page.getByTestId('abc-step-disputation')).toBeVisible();
  await page.getByTestId('abc-disputation').fill('他骂的是延误，不是我这个人');
  await page.getByTestId('abc-next').click();
  await expect(page.getByTestId('abc-step-effect')).toBeVisible();
  await page.getByTestId('abc-e-emotion-calm').click();
  await page.getByTestId('abc-effect').fill('先共情，再给物流节点');
  await screenshot(page, { path: artifact('selfcare-abc-effect-zh-CN'), fullPage: true });
  await page.getByTestId('abc-finish').click();
  await expect(page.getByTestId('abc-done')).toBeVisible();
  const saved = page.getByTestId('abc-list-item').filter({ hasText: MARK });
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('已完成');
});

test('the stress check scores, draws the trend, and the notes and data pages work', async ({ page }) => {
  await signInAs(page, 'agent');
  await page.goto('/selfcare');
  // The demo agent's last two checks are high: the gentle suggestion shows.
  await expect(page.getByTestId('selfcare-suggestion')).toBeVisible();
  await screenshot(page, { path: artifact('selfcare-overview-zh-CN'), fullPage: true });

  await page.goto('/selfcare/check');
  await expect(page.getByTestId('check-trend-chart')).toBeVisible();
  for (const id of ['replay', 'body_alarm', 'overload', 'irritable', 'sleep', 'dread', 'recover', 'capable', 'support', 'recharge']) {
    await page.getByTestId(`check-${id}-2`).click();
  }
  await page.getByTestId('check-submit').click();
  await expect(page.getByTestId('check-result-band')).toHaveText('压力中等');
  await screenshot(page, { path: artifact('selfcare-check-zh-CN'), fullPage: true });

  await page.goto('/selfcare/notes');
  await page.getByTestId('gratitude-text').fill('同事帮我接了一通电话');
  await page.getByTestId('gratitude-save').click();
  await expect(page.getByTestId('gratitude-entry').first()).toContainText('同事帮我接了一通电话');
  await page.getByTestId('notes-tab-success').click();
  await expect(page.getByTestId('success-entry').first()).toBeVisible();
  await screenshot(page, { path: artifact('selfcare-notes-zh-CN'), fullPage: true });

  await page.goto('/selfcare/data');
  await expect(page.getByTestId('data-counts')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('data-export-json').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^selfcare-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { format: string; entries: unknown[] };
  expect(exported.format).toBe('calmdesk-selfcare-export');
  expect(JSON.stringify(exported.entries)).toContain(MARK);
  await page.getByTestId('data-delete-all').click();
  await expect(page.getByTestId('data-delete-confirm')).toBeDisabled();
  await screenshot(page, { path: artifact('selfcare-data-zh-CN'), fullPage: true });
  await page.keyboard.press('Escape');

  // One page in English.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lang-option-en').click();
  await page.goto('/selfcare');
  await expect(page.getByTestId('quick-diary')).toContainText('How are you feeling');
  await screenshot(page, { path: artifact('selfcare-overview-en'), fullPage: true });
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lang-option-zh-CN').click();
  await expect(page.getByTestId('quick-diary')).toContainText('此刻感觉怎么样');
  await signOut(page);
});

test('the supervisor sees the team aggregates but none of the agent’s entries', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.goto('/selfcare/team');
  await expect(page.getByTestId('team-threshold-note')).toContainText('少于 5 人');
  await expect(page.getByTestId('team-card').first()).toBeVisible();
  await expect(page.getByTestId('team-cell-stress').first()).toBeVisible();
  await screenshot(page, { path: artifact('selfcare-team-zh-CN'), fullPage: true });
  await expect(page.getByText(MARK)).toHaveCount(0);

  await page.goto('/selfcare/diary');
  await expect(page.getByTestId('selfcare-diary-page')).toBeVisible();
  await expect(page.getByText(MARK)).toHaveCount(0);
  const body = await page.evaluate(() => fetch('/api/selfcare/entries?pageSize=100').then((response) => response.text()));
  expect(body).not.toContain(MARK);
  await signOut(page);

  // An agent has no team page.
  await signInAs(page, 'agent');
  await page.goto('/selfcare');
  await expect(page.getByTestId('selfcare-tile-team')).toHaveCount(0);
  await page.goto('/selfcare/team');
  await expect(page.getByTestId('no-access')).toBeVisible();
});
