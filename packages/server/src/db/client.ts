import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';

/** A database handle or a transaction: repositories accept either. */
export type TDb = PgDatabase<NodePgQueryResultHKT, typeof schema>;

/** Committed SQL migrations, next to src/ and dist/ alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Opens a connection pool and the Drizzle handle over it.
 * @param url PostgreSQL connection string
 * @param max pool size; several app instances share one server, so keep it modest
 */
export function createDb(url: string, max = 10): { db: TDb; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return { db: drizzle(pool, { schema }), pool };
}

/**
 * Applies pending migrations. An advisory lock serialises instances that start together
 * against one database, so each migration runs exactly once.
 */
export async function migrateDb(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(726354001)');
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('SELECT pg_advisory_unlock(726354001)').catch(() => undefined);
    client.release();
  }
}
