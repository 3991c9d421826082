import { expect, test } from '@playwright/test';
import { artifact, screenshot, signInAs } from './helpers';

test('an agent reads an angry customer and checks a defensive draft reply', async ({ page }) => {
  await signInAs(page, 'agent');
  await page.getByTestId('nav-analyzer').click();
  await page.getByTestId('analyzer-example').click();
  await page.getByTestId('analyzer-example-angryLate').click();
  await page.getByTestId('analyzer-analyse').click();
  await expect(page.getByTestId('analyzer-risk')).toHaveAttribute('data-risk', 'high');
  await expect(page.getByTestId('analyzer-escalate')).toBeVisible();
  await expect(page.getByTestId('analyzer-threats')).toContainText(/12315|差评/);
  await expect(page.getByTestId('analyzer-cue-list')).toContainText('第三次');
  await page.getByTestId('analyzer-check').click();
  await expect(page.getByTestId('analyzer-verdict')).toHaveAttribute('data-verdict', 'avoid');
  await expect(page.getByTestId('analyzer-issues')).toContainText(/推卸责任/);
  await expect(page.getByTestId('analyzer-suggestions')).toBeVisible();
  await screenshot(page, { path: artifact('analyzer-angry-zh-CN'), fullPage: true });
});

test('a calm pre-sale question is low risk, and a good answer may be sent', async ({ page }) => {
  await signInAs(page, 'trainer');
  await page.goto('/analyzer');
  await page.getByTestId('analyzer-message-input').fill('你好，请问这款保温杯能放进车上的杯架吗？');
  await page.getByTestId('analyzer-analyse').click();
  await expect(page.getByTestId('analyzer-risk')).toHaveAttribute('data-risk', 'low');
  await page.getByTestId('analyzer-reply-input').fill('您好，这款杯身直径7厘米，大多数车的杯架都能放下。您告诉我车型，我帮您再确认一下。');
  await page.getByTestId('analyzer-check').click();
  await expect(page.getByTestId('analyzer-verdict')).toHaveAttribute('data-verdict', 'ok');
  await screenshot(page, { path: artifact('analyzer-calm-zh-CN'), fullPage: true });
});
