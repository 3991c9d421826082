import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests of every package. Database tests share one throwaway
 * PostgreSQL started by test/global-setup.ts (or TEST_DATABASE_URL), each file in its own
 * database. Playwright journeys live in e2e/ and run separately.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Database tests spend much of their time waiting on PostgreSQL, so one fork more than the cores keeps
    // them busy: on 2 cores, 3 forks ran the suite in 170 s where Vitest's default (cores − 1 = 1) took 198 s for fewer tests.
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
    // Each file has its own database and builds its own app, so files can share a fork's loaded modules:
    // 100 s instead of 162 s for the suite here (most of the difference was re-importing the server per file).
    isolate: false,
  },
});
