import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { artifact, screenshot, signInAs } from './helpers';

/**
 * 效果评估 (SPEC §2.8): the supervisor of 售前咨询组 imports last month's KPIs from a CSV (one
 * row names someone who does not exist and is reported by its row number), opens the
 * four-level dashboard (every level with figures from the demo), reads how the before/after
 * comparison is computed, drills into the team and one agent (whose satisfaction is the value
 * just imported), and downloads the dashboard as Excel. Screenshots in Chinese and English.
 */

test.use({ viewport: { width: 1440, height: 900 } });

/** Last month, as the KPI file names it (KPIs arrive after a month ends). */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const month = now.getUTCMonth() === 0 ? `${now.getUTCFullYear() - 1}-12` : `${now.getUTCFullYear()}-${String(now.getUTCMonth()).padStart(2, '0')}`;
  return month;
}

/** agent01 (陈雨桐) and agent (李思琪) are in the supervisor's team; row 3 names nobody. */
function kpiCsv(month: string): string {
  return [
    '工号,月份,满意度(%),投诉率(%),复购率(%),平均处理时长(分钟),升级率(%)',
    `agent01,${month},93.7,0.62,31.5,6.2,1.1`,
    `李思琪,${month},91.2,0.8,29,7,1.4`,
    `张无名,${month},90,1,30,6,1`,
  ].join('\n');
}

async function openTab(page: Page, tab: 'dashboard' | 'kpis' | 'methods') {
  await page.getByTestId(`eval-tab-${tab}`).click();
}

test('a supervisor imports KPIs, reads the four levels, how one is computed, drills into a team and a person, and exports Excel', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'supervisor');
  await page.goto('/evaluation/kpis');
  await expect(page.getByTestId('eval-kpi-page')).toBeVisible({ timeout: 30_000 });

  // Upload: the columns are found from the Chinese headers, the preview names the bad row.
  const month = lastMonth();
  const file = { name: `${month}-售前组KPI.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${kpiCsv(month)}`, 'utf8') };
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('eval-kpi-dropzone').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('eval-kpi-preview')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('eval-kpi-mapping-person')).toContainText('工号');
  await expect(page.getByTestId('eval-kpi-mapping-csat')).toContainText('满意度(%)');
  await expect(page.getByTestId('eval-kpi-preview-summary')).toContainText('可导入 2 行');
  await expect(page.getByTestId('eval-kpi-preview-rejects')).toContainText('张无名');
  await screenshot(page, { path: artifact('evaluation-kpi-preview'), fullPage: true });

  // Import: two rows in, the third reported by its row number and reason.
  await page.getByTestId('eval-kpi-import-submit').click();
  const result = page.getByTestId('eval-kpi-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  await expect(result).toContainText('已导入 2 行，1 行未导入');
  const rejected = page.getByTestId('eval-kpi-reject-row-3');
  await expect(rejected).toContainText('3');
  await expect(rejected).toContainText('系统里没有工号或姓名为「张无名」的人');
  await expect(page.getByTestId('eval-kpi-imports')).toContainText(file.name);

  // The dashboard: four levels, each with figures.
  await openTab(page, 'dashboard');
  await expect(page.getByTestId('eval-dashboard')).toBeVisible({ timeout: 30_000 });
  for (const level of ['reaction', 'learning', 'behaviour', 'results'] as const) {
    await expect(page.getByTestId(`eval-level-${level}`)).toHaveAttribute('data-has-data', 'true', { timeout: 30_000 });
  }
  await expect(page.getByTestId('eval-figure-csat')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(page.getByTestId('eval-figure-qaScore')).toHaveText(/^\d+(\.\d+)?$/);
  await expect(page.getByTestId('eval-figure-roleplayAverage')).toHaveText(/^\d+(\.\d+)?$/);
  await expect(page.getByTestId('eval-figure-responseRate')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(page.getByTestId('eval-filters')).toContainText(/导出 Excel/);
  // A supervisor sees their own team only.
  await expect(page.getByTestId('eval-teams').locator('[data-testid^="eval-team-link-"]')).toHaveCount(1);
  await expect(page.getByTestId('eval-did')).toBeVisible();
  await screenshot(page, { path: artifact('evaluation-dashboard-zh'), fullPage: true });

  // How the before/after comparison is computed: the drawer, then the methods page at its anchor.
  await page.getByTestId('eval-did').getByTestId('eval-help-kpi-did').click();
  const drawer = page.getByTestId('eval-help-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText('首次参训日');
  await expect(drawer).toContainText('kpi_records');
  await page.getByTestId('eval-help-page-link').click();
  await expect(page).toHaveURL(/\/evaluation\/methods#kpi-did$/);
  await expect(page.getByTestId('eval-method-kpi-did')).toBeVisible({ timeout: 30_000 });

  // Drill down: the team, then 陈雨桐, whose satisfaction last month is the imported 93.7 %.
  await openTab(page, 'dashboard');
  await page.getByTestId('eval-teams').locator('[data-testid^="eval-team-link-"]').first().click();
  await expect(page.getByTestId('eval-team-page')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('eval-team-level-results')).toHaveAttribute('data-has-data', 'true');
  await page.getByTestId('eval-team-page').getByRole('link', { name: '陈雨桐' }).click();
  await expect(page.getByTestId('eval-person-page')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('eval-person-kpis')).toContainText(`${month}-01`);
  await expect(page.getByTestId('eval-person-kpis')).toContainText('93.7%');
  await expect(page.getByTestId('eval-person-trained')).toBeVisible();
  await screenshot(page, { path: artifact('evaluation-person'), fullPage: true });

  // Excel: the dashboard's tables, opened with exceljs.
  await page.goto('/evaluation');
  const downloadStarted = page.waitForEvent('download');
  await page.getByTestId('eval-export-xlsx').click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/^evaluation-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['按团队 By team', '按月 By month', '培训前后对比 Before-after']);
  expect(workbook.worksheets[0]!.getRow(3).getCell(1).value).toBe('售前咨询组 Pre-sales');

  // The dashboard in English.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lang-option-en').click();
  await expect(page.getByTestId('eval-level-results')).toContainText('Level 4 · Results');
  await expect(page.getByTestId('eval-level-results')).toHaveAttribute('data-has-data', 'true');
  await screenshot(page, { path: artifact('evaluation-dashboard-en'), fullPage: true });
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lang-option-zh-CN').click();
});

test('an agent is not offered 效果评估 and is refused its pages', async ({ page }) => {
  await signInAs(page, 'agent');
  await expect(page.getByTestId('nav-menu')).not.toContainText('效果评估');
  await page.goto('/evaluation');
  await expect(page.getByTestId('no-access')).toBeVisible();
  await expect(page.getByTestId('eval-dashboard')).toHaveCount(0);
  const response = await page.request.get('/api/eval/dashboard');
  expect(response.status()).toBe(403);
});
