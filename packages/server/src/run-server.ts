import type { TEngine } from '@calmdesk/engine';
import { buildApp } from './app.js';
import { loadConfig, type TConfig } from './config.js';
import { createDb, migrateDb } from './db/client.js';
import { startEmbeddedPostgres, type TEmbeddedPostgres } from './db/embedded.js';
import { syncBuiltInCurriculum } from './lib/curriculum.js';
import { getEngine } from './lib/engine.js';
import { deleteExpiredConversations } from './services/qa-import.service.js';
import { startImportWorker } from './services/qa-job.service.js';
import { getScenarios } from './lib/scenarios.js';
import { deleteExpiredSessions, deleteStaleLoginThrottles } from './repositories/session.repository.js';
import { DEMO_ROLE_LOGINS, hasDemoOrganisation, seedDemoOrganisation } from './seed/demo.js';

function printDemoLogins(config: TConfig): void {
  const lines = [
    '',
    '  心安客服 CalmDesk demo organisation / 演示组织 — sign in with any of these:',
    ...DEMO_ROLE_LOGINS.map((p) => `    ${p.login.padEnd(11)} ${p.roles.join(', ')}`),
    '    agent01 … agent30  agent',
    `  password / 密码: ${config.demoPassword}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Boots CalmDesk: config, database (embedded or external), migrations, demo seed, HTTP,
 * and graceful shutdown on SIGINT/SIGTERM. Exits the process on a fatal start-up error.
 */
export async function runServer(): Promise<void> {
  let config: TConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }

  const bootLog = (message: string) => process.stdout.write(`[calmdesk] ${message}\n`);
  let engine: TEngine;
  try {
    engine = await getEngine();
    getScenarios();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  let embedded: TEmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    try {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log: bootLog });
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    }
    databaseUrl = embedded.url;
  }

  const { db, pool } = createDb(databaseUrl);
  try {
    await migrateDb(pool);
    if (config.seedDemo && (await seedDemoOrganisation(db, config.demoPassword))) bootLog('demo organisation created');
    bootLog(await syncBuiltInCurriculum(db));
  } catch (error) {
    process.stderr.write(`calmdesk: database setup failed: ${(error as Error).message}\n`);
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    process.exit(1);
  }

  const app = await buildApp({ db, config, engine }, { logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] } });

  // Housekeeping that any instance may do; the statements are idempotent.
  const housekeeping = setInterval(() => {
    void deleteExpiredSessions(db).catch(() => undefined);
    void deleteStaleLoginThrottles(db).catch(() => undefined);
    void deleteExpiredConversations(db)
      .then((n) => n > 0 && app.log.info(`retention: ${n} conversation(s) past their organisation's retention period deleted`))
      .catch((error: unknown) => app.log.warn({ err: error }, 'retention job failed'));
  }, 10 * 60_000);
  housekeeping.unref();
  // Chat-log imports run in the background on whichever instance claims them first.
  const importWorker = startImportWorker({ db, config, engine, log: app.log }, (message) => app.log.info(message));

  let isShuttingDown = false;
  const shutdown = async (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    bootLog(`${signal}: finishing open requests, then stopping`);
    const force = setTimeout(() => {
      process.stderr.write('calmdesk: shutdown took over 15 s; exiting\n');
      process.exit(1);
    }, 15_000);
    force.unref();
    clearInterval(housekeeping);
    // The running import stops after its current batch and goes back to the queue.
    await importWorker.stop().catch(() => undefined);
    await app.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    process.stderr.write(`calmdesk: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}\n`);
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    process.exit(1);
  }
  if (config.seedDemo && (await hasDemoOrganisation(db))) printDemoLogins(config);
  bootLog(`ready on http://localhost:${config.port}  (API reference: /api/docs)`);
}

