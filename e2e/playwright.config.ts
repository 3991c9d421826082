import { defineConfig, devices } from '@playwright/test';

/**
 * Journeys through the built app in Debian's Chromium. e2e/run.mjs starts the server on
 * its own embedded database and sets E2E_BASE_URL; never a downloaded browser.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: './artifacts/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // A shard of e2e/run.mjs writes its own report (E2E_REPORT); npm test adds them up.
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'artifacts/results.json' }]],
  // A busy machine (or two shards, E2E_SHARDS=2) may have a slow moment before an expectation holds.
  expect: { timeout: 15_000 },
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 860 } } }],
});
