import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../packages/server/src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server where tests may create and drop databases. */
    testDatabaseUrl: string;
  }
}

/**
 * Starts one throwaway embedded PostgreSQL for the whole run, or uses the server named by
 * TEST_DATABASE_URL (CI points it at Debian's PostgreSQL too). Each test file then makes
 * its own database on it, so files run in parallel without seeing each other's rows.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('testDatabaseUrl', external);
    return;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'calmdesk-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: 0, log: () => undefined, database: 'postgres' });
  project.provide('testDatabaseUrl', server.url);
  return async () => {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
