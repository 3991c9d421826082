import { expect as baseExpect, test, type Page } from '@playwright/test';
import { artifact, signInAs } from './helpers';

/**
 * 培训计划与课次 (SPEC §2.7): the trainer drafts a plan with one item held today for the
 * pre-sales team and submits it; the leader returns it with a comment; the trainer sees the
 * comment, edits and submits version 2; the leader approves and the session appears in the
 * calendar; the trainer starts sign-in; an agent signs in with the code; the trainer closes the
 * session; an agent who did not come sees the make-up task.
 */

test.use({ viewport: { width: 1440, height: 900 } });
// A long journey through many pages: give each assertion time on a busy machine.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 180_000 });

const RUN = Date.now().toString(36);
const PLAN_TITLE = `端到端年度计划 ${RUN}`;
const THEME = `投诉安抚话术：先处理心情，再处理事情（${RUN}）`;
const RETURN_COMMENT = '请把本项预算写清楚，另外补充一个可衡量的目标。';

/** Today in China time and a start time five minutes ago (rounded down to 5 minutes), so the session has begun. */
function todayAndStart(): { year: string; date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() - 5 * 60_000))
      .map((p) => [p.type, p.value]),
  );
  const minute = String(Math.floor(Number(parts.minute) / 5) * 5).padStart(2, '0');
  return { year: parts.year!, date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${minute}` };
}

async function chooseOption(page: Page, selectTestId: string, text: string) {
  await page.getByTestId(selectTestId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.keyboard.press('Escape');
}

/** The next person on the same browser: drop the session cookie and sign in (the UI's sign-out is covered by shell.spec). */
async function switchTo(page: Page, login: string) {
  await page.context().clearCookies();
  await signInAs(page, login);
}

async function openPlan(page: Page) {
  await page.goto('/operations/plans');
  await page.locator('[data-testid="plans-table"] a', { hasText: PLAN_TITLE }).click();
  await expect(page.getByTestId('plan-title-view')).toHaveText(PLAN_TITLE);
}

test('plan drafted, returned, resubmitted, approved; session held with code sign-in; absence makes a make-up task', async ({ page }) => {
  const { year, date, time } = todayAndStart();

  // The trainer drafts the plan: title, year, a goal, one item today for the pre-sales team.
  await switchTo(page, 'trainer');
  await page.goto('/operations/plans');
  await page.getByTestId('plans-new').click();
  await page.getByTestId('plan-title').fill(PLAN_TITLE);
  await page.getByTestId('plan-year').fill(year);
  await page.getByTestId('plan-goal-0').fill('投诉升级率下降 20%');
  await page.getByTestId('plan-item-theme-0').fill(THEME);
  const dateInput = page.getByTestId('plan-item-date-0');
  await dateInput.click();
  await dateInput.fill(date);
  await dateInput.press('Enter');
  const timeInput = page.getByTestId('plan-item-time-0');
  await timeInput.click();
  await timeInput.fill(time);
  await timeInput.press('Enter');
  await chooseOption(page, 'plan-item-teams-0', '售前咨询组');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'draft');
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('plan-version')).toHaveText('v1');

  // The leader returns it with a comment.
  await switchTo(page, 'leader');
  await openPlan(page);
  await page.getByTestId('plan-decision-comment').fill(RETURN_COMMENT);
  await page.getByTestId('plan-return').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'returned');

  // The trainer reads the comment, edits (a budget and a second goal) and submits version 2.
  await switchTo(page, 'trainer');
  await openPlan(page);
  await expect(page.getByTestId('plan-returned-comment')).toContainText(RETURN_COMMENT);
  await page.getByTestId('plan-edit').click();
  await page.getByTestId('plan-add-goal').click();
  await page.getByTestId('plan-goal-1').fill('培训出勤率保持在 95% 以上');
  await page.getByTestId('plan-item-budget-0').fill('800');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-pending-changes')).toContainText(THEME);
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-version')).toHaveText('v2');

  // The leader sees version 2 with the first version's comment, and approves.
  await switchTo(page, 'leader');
  await openPlan(page);
  await expect(page.getByTestId('plan-version-1-decision')).toContainText(RETURN_COMMENT);
  await expect(page.getByTestId('plan-version-2-changes')).toContainText(THEME);
  await page.screenshot({ path: artifact('plans-approval'), fullPage: true });
  await page.getByTestId('plan-approve').click();
  await expect(page.getByTestId('plan-approved')).toBeVisible();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'approved');

  // The trainer finds the session in the calendar and starts sign-in.
  await switchTo(page, 'trainer');
  await page.goto(`/operations/calendar?month=${date.slice(0, 7)}`);
  const entry = page.getByTestId(`calendar-day-${date}`).locator('a', { hasText: THEME });
  await expect(entry).toBeVisible();
  await page.screenshot({ path: artifact('plans-calendar'), fullPage: true });
  await entry.click();
  await expect(page.getByTestId('session-title')).toHaveText(THEME);
  const sessionUrl = page.url();
  await page.getByTestId('session-start-sign-in').click();
  const code = (await page.getByTestId('session-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(page.getByTestId('session-qr')).toHaveAttribute('data-url', new RegExp(`/my/sign-in\\?session=.+&code=${code}$`));
  await page.screenshot({ path: artifact('plans-sign-in-code'), fullPage: false });

  // An agent of the pre-sales team signs in with the code (a wrong one first).
  await switchTo(page, 'agent');
  await page.goto('/my/sessions');
  await page.getByTestId('my-sign-in-code').fill('AAAAAA' === code ? 'BBBBBB' : 'AAAAAA');
  await page.getByTestId('my-sign-in-submit').click();
  await expect(page.getByTestId('my-sign-in-error')).toContainText('签到码不正确');
  await page.getByTestId('my-sign-in-code').fill(code.toLowerCase());
  await page.getByTestId('my-sign-in-submit').click();
  await expect(page.getByTestId('my-sign-in-ok')).toContainText(THEME);

  // The trainer closes the session: whoever did not sign in is absent.
  await switchTo(page, 'trainer');
  await page.goto(sessionUrl);
  await expect(page.locator('[data-testid="session-enrolments"] [data-name="李思琪"] [data-attendance]').first()).toHaveAttribute('data-attendance', /present|late/);
  await page.getByTestId('session-close').click();
  await page.getByTestId('session-close-confirm').click();
  await expect(page.getByTestId('session-closed-tag')).toBeVisible();
  await expect(page.locator('[data-testid="session-enrolments"] [data-name="陈雨桐"] [data-attendance]').first()).toHaveAttribute('data-attendance', 'absent');
  await page.screenshot({ path: artifact('plans-session-closed'), fullPage: true });

  // agent01 (陈雨桐) did not come: the make-up task waits on 我的课次.
  await switchTo(page, 'agent01');
  await page.goto('/my/sessions');
  const task = page.locator('[data-testid="my-makeups"] [data-status="open"]', { hasText: THEME });
  await expect(task).toBeVisible();
  await expect(task).toContainText('补课时间待培训专员安排');
  await page.screenshot({ path: artifact('plans-my-make-up'), fullPage: true });
});
