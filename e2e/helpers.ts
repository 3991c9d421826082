import { expect, request as playwrightRequest, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'calmdesk-demo';

/** Signs in through the login page as a demo user and waits for the shell. */
export async function signInAs(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-menu')).toBeVisible();
}

/**
 * Signs out through the user menu. A click on the menu while it is still opening can be lost on a
 * busy machine (seen in CI: the menu stayed open, still signed in), so the steps repeat until the
 * login page shows.
 */
export async function signOut(page: Page): Promise<void> {
  await expect(async () => {
    if (await page.getByTestId('login-submit').isVisible()) return;
    if (!(await page.getByTestId('logout').isVisible())) await page.getByTestId('user-menu').click({ timeout: 5_000 });
    await page.getByTestId('logout').click({ timeout: 5_000 });
    await expect(page.getByTestId('login-submit')).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 45_000 });
}

export function artifact(name: string): string {
  return `e2e/artifacts/${name}.png`;
}

/**
 * A picture of the page for people to look at (e2e/artifacts). CI sets E2E_SCREENSHOTS=0: nobody
 * looks at its pictures, and on 2 cores the 72 full-page PNGs cost about a minute.
 */
export async function screenshot(page: Page, options: Parameters<Page['screenshot']>[0]): Promise<void> {
  if (process.env.E2E_SCREENSHOTS === '0') return;
  await page.screenshot(options);
}

/**
 * Clicks a button in a confirm dialog until the dialog closes. A click that lands while the
 * dialog is still zooming in can be lost (seen on a loaded CI machine); a second click after
 * the dialog has gone is never made.
 */
export async function confirmDialog(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  await expect(button).toBeVisible();
  await expect(async () => {
    if (await button.isVisible()) await button.click({ timeout: 2000 });
    await expect(button).toBeHidden({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
}

/** The needs-survey template's required questions, answered by clicking: question id and answer (Likert 1–5, or the option's index). */
export const NEEDS_SURVEY_REQUIRED_CLICKS: readonly [string, string][] = [
  ['stressors', '0'],
  ['stress_level', '4'],
  ['weak_points', '0'],
  ['confidence', '2'],
  ['complaint_cause', '0'],
  ['past_satisfaction', '4'],
  ['past_usefulness', '3'],
  ['formats', '1'],
];

/** A colleague answers a survey through the API, signed in on a request context of their own. */
export async function answerSurveyAs(baseURL: string, login: string, surveyId: string, answers: Record<string, unknown>): Promise<void> {
  const context = await playwrightRequest.newContext({ baseURL });
  const signIn = await context.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } });
  expect(signIn.status()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const response = await context.post(`/api/ops/my/surveys/${surveyId}/responses`, { data: { answers }, headers: { 'x-csrf-token': csrfToken } });
  expect(response.status(), await response.text()).toBe(201);
  await context.dispose();
}

/**
 * Picks an option of an antd select by its title and checks it was taken. A click on a list that
 * is still opening can be lost on a busy machine, so open → click → check repeats; an option
 * already chosen is not clicked again (in a multiple select that would remove it).
 */
export async function pickSelectOption(page: Page, selectTestId: string, title: RegExp): Promise<void> {
  const select = page.getByTestId(selectTestId);
  const chosen = select.locator('.ant-select-selection-item').filter({ hasText: title });
  await expect(async () => {
    if ((await chosen.count()) === 0) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click({ timeout: 5_000 });
      await page.locator('.ant-select-dropdown:visible').getByTitle(title).first().click({ timeout: 3_000 });
    }
    await expect(chosen.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('Escape');
}
