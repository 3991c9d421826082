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
  },
});
