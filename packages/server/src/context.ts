import type { TEngine } from '@calmdesk/engine';
import type { FastifyBaseLogger } from 'fastify';
import type { TConfig } from './config.js';
import type { TDb } from './db/client.js';

/** What services need from the outside world; built once per app. */
export type TDeps = {
  db: TDb;
  config: TConfig;
  log: FastifyBaseLogger;
  /** The analysis engine, built once per process from content/. */
  engine: TEngine;
};
