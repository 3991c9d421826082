export { buildApp } from './app.js';
export { loadConfig, type TConfig } from './config.js';
export { createDb, migrateDb, type TDb } from './db/client.js';
export { startEmbeddedPostgres } from './db/embedded.js';
export { runServer } from './run-server.js';
export { resetPasswordByLogin } from './services/recovery.service.js';
