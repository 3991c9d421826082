import { expect, test } from '@playwright/test';
import { artifact, screenshot, signInAs } from './helpers';

/**
 * "Practise this" (对话质检 → 角色扮演): a trainer opens one of the demo organisation's
 * conversations (content/demo/qa-demo-export.csv, imported at first start), clicks 练习这段对话,
 * and lands in the authoring editor on the new draft: the customer's opening line is in its
 * YAML, the phone number they sent is masked, and the draft is listed as a draft.
 * A supervisor reads the same conversation without the button.
 */

test.use({ viewport: { width: 1440, height: 900 } });

/** A demo chat: the customer asks when the ceiling lamp is installed, then sends an address and a phone number. */
const EXTERNAL_ID = 'CS2611188C32A';
const OPENING = '吊灯什么时候能约安装';
const PHONE = '13800005678';
const MASKED_PHONE = '138****5678';

/** The demo import runs in the background after the first start: wait for the conversation, then return its id. */
async function demoConversationId(page: import('@playwright/test').Page): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await page.request.get('/api/qa/conversations?pageSize=200');
        if (!response.ok()) return undefined;
        const body = (await response.json()) as { conversations: { id: string; externalId: string }[] };
        id = body.conversations.find((c) => c.externalId === EXTERNAL_ID)?.id;
        return id;
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBeTruthy();
  return id!;
}

test('a trainer turns a demo conversation into a draft scenario and edits it', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'trainer');
  const conversationId = await demoConversationId(page);

  await page.goto(`/qa/conversations/${conversationId}`);
  await expect(page.getByTestId('qa-conversation-title')).toContainText(EXTERNAL_ID, { timeout: 30_000 });
  await expect(page.getByTestId('qa-chat')).toContainText(MASKED_PHONE);
  const practise = page.getByTestId('qa-practise');
  await expect(practise).toHaveText(/练习这段对话/);
  await screenshot(page, { path: artifact('qa-practise-conversation'), fullPage: false });

  await practise.click();
  // qa-<conversation id>; a second click (or a second run on the same database) adds -2, -3 …
  await expect(page).toHaveURL(/\/roleplay\/authoring\?edit=qa-cs2611188c32a(-\d+)?$/);
  const draftId = new URL(page.url()).searchParams.get('edit')!;
  const editor = page.getByTestId('roleplay-yaml');
  await expect(editor).toBeVisible();
  await expect(editor).toHaveValue(new RegExp(`id: ${draftId}\n`));
  const yaml = await editor.inputValue();
  expect(yaml).toContain(`- "${OPENING}"`);
  expect(yaml).toContain(MASKED_PHONE);
  expect(yaml).not.toContain(PHONE);
  await expect(page.getByTestId(`roleplay-authoring-item-${draftId}`)).toContainText('草稿');
  await screenshot(page, { path: artifact('qa-practise-authoring'), fullPage: false });

  // The draft is valid as it comes; the trainer can check it and test-play it.
  await page.getByTestId('roleplay-validate').click();
  await expect(page.getByTestId('roleplay-yaml-check')).toHaveAttribute('data-state', 'valid');
  await expect(page.getByTestId('roleplay-test-play')).toBeEnabled();

  // The address opens the same draft again after a reload.
  await page.reload();
  await expect(page.getByTestId('roleplay-yaml')).toHaveValue(new RegExp(`id: ${draftId}\n`), { timeout: 30_000 });
});

test('a supervisor reads a conversation of their team without the Practise button', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.getByTestId('nav-qa').click();
  const open = page.locator('[data-testid^="qa-conversation-open-"]').first();
  await expect(open).toBeVisible({ timeout: 60_000 });
  await open.click();
  await expect(page.getByTestId('qa-conversation-title')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('qa-chat')).toBeVisible();
  await expect(page.getByTestId('qa-practise')).toHaveCount(0);
});
