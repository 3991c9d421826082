import { expect, test } from '@playwright/test';
import { artifact, screenshot, signInAs, signOut } from './helpers';

const AREAS = ['home', 'analyzer', 'roleplay', 'learning', 'selfcare', 'live-assist', 'qa', 'operations', 'evaluation', 'admin'] as const;
const COMMON = ['home', 'analyzer', 'roleplay', 'learning', 'selfcare'];

/** What each demo login must see in the menu: SPEC §1 roles, written out by hand. */
const EXPECTED_NAV: Record<string, string[]> = {
  agent: [...COMMON, 'live-assist'],
  mentor: [...COMMON, 'live-assist', 'qa'],
  supervisor: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation'],
  trainer: [...COMMON, 'qa', 'operations', 'evaluation'],
  deputy: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation'],
  leader: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation'],
  admin: [...COMMON, 'qa', 'admin'],
};

test('the login page, in Chinese by default and in English', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('心安客服').first()).toBeVisible();
  await screenshot(page, { path: artifact('login-zh-CN'), fullPage: true });
  await page.getByTestId('lang-switch').click();
  await page.getByText('English', { exact: true }).last().click();
  await expect(page.getByTestId('login-submit')).toContainText(/sign in|log in/i);
  await screenshot(page, { path: artifact('login-en'), fullPage: true });
});

test('a wrong password says so and does not sign in', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('agent');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByText(/账号或密码不正确|用户名或密码错误|密码错误|wrong/i).first()).toBeVisible();
  await expect(page.getByTestId('nav-menu')).toHaveCount(0);
});

for (const [login, visible] of Object.entries(EXPECTED_NAV)) {
  test(`${login} sees exactly the areas of their roles`, async ({ page }) => {
    await signInAs(page, login);
    for (const area of AREAS) {
      const item = page.getByTestId(`nav-${area}`);
      if (visible.includes(area)) await expect(item, `${login} should see ${area}`).toBeVisible();
      else await expect(item, `${login} should not see ${area}`).toHaveCount(0);
    }
    await screenshot(page, { path: artifact(`shell-${login}-zh-CN`), fullPage: true });
    await signOut(page);
  });
}

test('an agent who types an admin address gets "no access", and the API says 403', async ({ page }) => {
  await signInAs(page, 'agent');
  await page.goto('/admin/users');
  await expect(page.getByText(/无权|没有权限|no access|not allowed/i).first()).toBeVisible();
  const status = await page.evaluate(async () => (await fetch('/api/admin/users')).status);
  expect(status).toBe(403);
});

test('the shell switches to English and keeps it after a reload', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.getByTestId('lang-switch').click();
  await page.getByText('English', { exact: true }).last().click();
  await expect(page.getByTestId('nav-learning')).toContainText('Learning');
  await page.reload();
  await expect(page.getByTestId('nav-learning')).toContainText('Learning');
  await screenshot(page, { path: artifact('shell-supervisor-en'), fullPage: true });
  await page.getByTestId('lang-switch').click();
  await page.getByText('中文', { exact: true }).last().click();
  await expect(page.getByTestId('nav-learning')).toContainText('学习');
});

test('an admin creates a person with two roles, who then signs in and sees both areas', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('nav-admin-users').click();
  await expect(page.getByText('agent01').first()).toBeVisible();
  await screenshot(page, { path: artifact('admin-users-zh-CN'), fullPage: true });
  await page.getByTestId('user-create').click();
  await page.getByTestId('user-form-login').fill('e2e.trainer');
  await page.getByTestId('user-form-displayName').fill('测试培训专员');
  await page.getByTestId('user-form-password').fill('e2e-password-1');
  await page.getByTestId('user-form-role-trainer').check();
  await page.getByTestId('user-form-role-agent').check();
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByText('e2e.trainer').first()).toBeVisible();
  await signOut(page);
  await signInAs(page, 'e2e.trainer', 'e2e-password-1');
  await expect(page.getByTestId('nav-operations')).toBeVisible();
  await expect(page.getByTestId('nav-live-assist')).toBeVisible();
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
});
