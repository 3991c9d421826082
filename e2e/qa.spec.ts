import { expect, test, type Page } from '@playwright/test';
import { artifact, screenshot, signInAs } from './helpers';

/**
 * 对话质检 (SPEC §2.9): a supervisor imports a 千牛-style CSV through the wizard (file chooser,
 * suggested mapping checked, source named), watches the import reach 100 % and 已完成, reads
 * the two rejected rows by row number, opens the conversations of the import and one
 * conversation: bubbles, the masked phone number, the score, the missed 12315 escalation.
 * A mentor reads the conversations but has no imports tab.
 */

test.use({ viewport: { width: 1440, height: 900 } });

/** Demo logins of the supervisor's team (售前咨询组): the import files their conversations under them. */
const AGENTS = [
  ['agent', '李思琪'],
  ['agent01', '陈雨桐'],
  ['mentor', '王晓雯'],
] as const;
const SHOPS = ['心安旗舰店', '心安家居专营店'] as const;
const CHANNELS = ['千牛', '抖店'] as const;
const OPENERS = [
  '我买的电饭煲到现在还没发货，怎么回事？',
  '收到的杯子是碎的，你们怎么包装的！',
  '请问这款电热水壶有没有三年质保？',
  '退款申请提交三天了，一直没人处理',
  '快递显示签收了，可我根本没收到！！',
  '衣服尺码不对，能换吗？',
];
const FOLLOW_UPS = ['都等好几天了，能不能快点', '好的，那我等你们消息', '这已经是第二次了，太失望了', '行吧，麻烦尽快', '谢谢，辛苦了'];
const REPLIES = [
  '非常抱歉让您久等了，我马上帮您查一下订单。',
  '理解您的心情，给您添麻烦了，我这边今天下午5点前给您答复。',
  '亲，这个不归我们管，您找快递吧。',
  '您好，已经帮您登记，预计明天发出。',
  '抱歉给您带来不便，我现在就为您申请补发，今天内处理好。',
];
const PHONE = '13812345678';
const MASKED_PHONE = '138****5678';
/** The conversation with a 12315 threat the agent leaves unanswered (and a phone number). */
const THREAT_ID = 'E2E-008';

/**
 * About 30 conversations of 4–8 messages as a 千牛 export writes them: a few with a phone
 * number, one 12315 threat left unanswered, one empty message and one unreadable time.
 * @returns the file and the numbers of the two bad rows (1 = the first row under the header)
 */
function buildExport(): { csv: string; badRows: number[] } {
  const lines = ['会话ID,时间,发送方,客服账号,客服昵称,消息内容,店铺,渠道'];
  const badRows: number[] = [];
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const start = Date.UTC(2026, 10, 11, 1, 0, 0); // 2026-11-11 09:00 in Beijing
  for (let c = 0; c < 30; c += 1) {
    const id = `E2E-${String(c + 1).padStart(3, '0')}`;
    const [login, name] = AGENTS[c % AGENTS.length]!;
    const shop = SHOPS[c % SHOPS.length]!;
    const channel = CHANNELS[c % CHANNELS.length]!;
    let time = start + c * 17 * 60_000;
    const at = (afterSeconds: number) => {
      time += afterSeconds * 1000;
      return new Date(time + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    };
    const say = (role: '买家' | '客服' | '系统', text: string, afterSeconds: number, timeText?: string) => {
      const isAgent = role === '客服';
      lines.push([id, timeText ?? at(afterSeconds), role, isAgent ? login : '', isAgent ? name : '', text, shop, channel].map(cell).join(','));
    };
    if (id === THREAT_ID) {
      say('买家', '耳机用了两天就坏了，我要退货', 0);
      say('客服', '亲，请您提供一下订单号。', 40);
      say('买家', `订单号 260811223344556677，电话${PHONE}，再不给我处理我就打12315投诉你们！`, 60);
      say('客服', '这个需要您自己联系售后哦。', 200);
      continue;
    }
    const count = 4 + (c % 5);
    say('买家', c % 6 === 2 ? `我的手机号是${PHONE}，${OPENERS[c % OPENERS.length]}` : OPENERS[c % OPENERS.length]!, 0);
    for (let i = 1; i < count; i += 1) {
      if (i % 2 === 1) say('客服', REPLIES[(c + i) % REPLIES.length]!, 20 + ((c * 13) % 150));
      else say('买家', FOLLOW_UPS[(c + i) % FOLLOW_UPS.length]!, 45);
      if (c === 3 && i === 1) {
        say('买家', '', 5); // bad: no text
        badRows.push(lines.length - 1);
      }
      if (c === 11 && i === 2) {
        say('买家', '在吗', 0, '昨天下午'); // bad: a time nobody can read
        badRows.push(lines.length - 1);
      }
    }
    if (c === 5) say('系统', '会话已转接至售后客服', 5);
  }
  return { csv: `${lines.join('\n')}\n`, badRows };
}

/** The text shown in an antd Select (its chosen option or tags). */
async function expectSelectShows(page: Page, testId: string, text: string): Promise<void> {
  await expect(page.getByTestId(testId)).toContainText(text);
}

test('a supervisor imports a chat export, watches it finish and reads a conversation', async ({ page }) => {
  test.setTimeout(180_000);
  const { csv, badRows } = buildExport();
  const sourceName = `千牛-旗舰店 e2e ${Date.now().toString(36)}`;
  await signInAs(page, 'supervisor');

  await page.getByTestId('nav-qa').click();
  await expect(page.getByTestId('qa-conversations')).toBeVisible();
  await page.getByTestId('qa-tab-imports').click();
  await expect(page.getByTestId('qa-imports')).toBeVisible();
  await page.getByTestId('qa-import-new').click();
  await expect(page.getByTestId('qa-wizard-upload')).toBeVisible();

  // (a) the file, through the browser's file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('qa-import-dropzone').click();
  await (await chooser).setFiles({ name: '千牛聊天记录-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

  // (b) the mapping: suggested from the 千牛 headers, role values from the rows.
  await expect(page.getByTestId('qa-mapping')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('qa-mapping-suggested')).toContainText('已根据列名和内容自动识别');
  await expectSelectShows(page, 'qa-mapping-field-conversationId', '会话ID');
  await expectSelectShows(page, 'qa-mapping-field-time', '时间');
  await expectSelectShows(page, 'qa-mapping-field-role', '发送方');
  await expectSelectShows(page, 'qa-mapping-field-agentId', '客服账号');
  await expectSelectShows(page, 'qa-mapping-field-text', '消息内容');
  await expectSelectShows(page, 'qa-mapping-role-customer', '买家');
  await expectSelectShows(page, 'qa-mapping-role-agent', '客服');
  await expect(page.getByTestId('qa-mapping-seen')).toContainText('买家');
  await expect(page.getByTestId('qa-mapping-preview')).toContainText('我买的电饭煲到现在还没发货');
  await page.locator('[data-testid="qa-mapping-source"] input, input[data-testid="qa-mapping-source"]').first().fill(sourceName);
  await page.getByTestId('qa-mapping').click({ position: { x: 5, y: 5 } });
  await screenshot(page, { path: artifact('qa-import-mapping'), fullPage: true });

  // (c) start → the import's own page: the bar fills, 已完成.
  await page.getByTestId('qa-mapping-start').click();
  await expect(page).toHaveURL(/\/qa\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('qa-import-page')).toBeVisible();
  await expect(page.getByTestId('qa-import-progress')).toHaveAttribute('data-percent', '100', { timeout: 90_000 });
  await expect(page.getByTestId('qa-import-progress')).toContainText('100%');
  await expect(page.getByTestId('qa-import-status')).toHaveText('已完成');
  await expect(page.getByTestId('qa-import-count-conversations')).toContainText('30');
  await expect(page.getByTestId('qa-import-count-rejected')).toContainText('2');

  // The two bad rows, by row number, with their reasons.
  const rejects = page.getByTestId('qa-import-rejects');
  await expect(rejects).toBeVisible();
  expect(badRows).toHaveLength(2);
  await expect(page.getByTestId(`qa-reject-row-${badRows[0]}`)).toContainText('消息内容为空');
  await expect(page.getByTestId(`qa-reject-row-${badRows[1]}`)).toContainText('昨天下午');
  await screenshot(page, { path: artifact('qa-import-progress'), fullPage: true });

  // The conversations of this import's source.
  await page.getByTestId('qa-import-conversations-link').click();
  await expect(page.getByTestId('qa-conversations')).toBeVisible();
  await expect(page.getByTestId('qa-conversations-total')).toHaveText('共 30 通对话');
  await expect(page.locator('[data-external-id="E2E-030"]')).toBeVisible(); // newest first
  await screenshot(page, { path: artifact('qa-conversations'), fullPage: true });

  // Lowest scores first: the unanswered 12315 threat is among them, marked.
  await page.getByTestId('qa-filter-sort').click();
  await page.locator('.ant-select-dropdown:visible').getByText('分数最低', { exact: true }).click();
  await expect(page).toHaveURL(/sort=lowest_score/);
  const threatRow = page.locator(`[data-external-id="${THREAT_ID}"]`);
  await expect(threatRow).toBeVisible();
  await expect(threatRow).toContainText('漏升级');

  // One conversation: bubbles, the masked phone number, the score, the missed escalation outlined.
  await threatRow.getByRole('link').first().click();
  await expect(page.getByTestId('qa-conversation')).toBeVisible();
  await expect(page.getByTestId('qa-conversation-title')).toContainText(THREAT_ID);
  await expect(page.getByTestId('qa-msg-0')).toHaveAttribute('data-role', 'customer');
  await expect(page.getByTestId('qa-msg-1')).toHaveAttribute('data-role', 'agent');
  const chat = page.getByTestId('qa-chat');
  await expect(chat).toContainText(MASKED_PHONE);
  await expect(chat).not.toContainText(PHONE);
  await expect(chat).toContainText('260811223344556677'); // order numbers are kept
  await expect(page.getByTestId('qa-score')).toHaveText(/^\d{1,3}$/);
  await expect(page.getByTestId('qa-escalation')).toHaveAttribute('data-status', 'missed');
  await expect(page.getByTestId('qa-msg-2')).toHaveAttribute('data-focus', 'missed');
  await expect(page.getByTestId('qa-trajectory-chart')).toBeVisible();
  await page.getByTestId('qa-msg-3').getByTestId('qa-msg-review-toggle').click();
  await expect(page.getByTestId('qa-msg-3').getByTestId('qa-msg-review')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, { path: artifact('qa-conversation'), fullPage: true });
});

test('a mentor reads the conversations but does not import', async ({ page }) => {
  await signInAs(page, 'mentor');
  await page.getByTestId('nav-qa').click();
  await expect(page.getByTestId('qa-conversations')).toBeVisible();
  await expect(page.getByTestId('qa-tab-imports')).toHaveCount(0);
  await expect(page.getByTestId('qa-filter-source')).toHaveCount(0);
  await page.goto('/qa/imports');
  await expect(page.getByTestId('qa-imports')).toHaveCount(0);
  await expect(page.getByTestId('no-access')).toBeVisible();
});
