import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'calmdesk-demo';

/** Signs in through the login page as a demo user and waits for the shell. */
export async function signInAs(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-menu')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
}

export function artifact(name: string): string {
  return `e2e/artifacts/${name}.png`;
}
