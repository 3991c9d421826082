import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DEFAULT_CONTENT_DIR, formatContentErrors, loadEngineResources } from '@calmdesk/content';
import { engineCreate, type TEngine } from '@calmdesk/engine';
import { LIMITS } from '@calmdesk/shared';
import { runAnalyze, runCheckReply } from './analysis-commands.js';

/** Opens the configured database (DATABASE_URL, or the embedded one in DATA_DIR) for a one-off command. */
async function withDatabase<T>(work: (db: import('@calmdesk/server').TDb) => Promise<T>): Promise<T> {
  // Loaded on demand: the analysis commands must start fast and need no server code.
  const { createDb, loadConfig, migrateDb, startEmbeddedPostgres } = await import('@calmdesk/server');
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: 0, log: (m) => process.stderr.write(`[calmdesk] ${m}\n`) });
  const { db, pool } = createDb(config.databaseUrl ?? embedded!.url, 2);
  try {
    await migrateDb(pool);
    return await work(db);
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

async function readSecretFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const DEFAULT_SCENARIO_DIR = `${DEFAULT_CONTENT_DIR}/scenarios`;

async function loadEngine(): Promise<TEngine> {
  const resources = await loadEngineResources();
  if (!resources.success) {
    throw new CommanderError(1, 'calmdesk.content', `calmdesk: the content/ folder has errors:\n${formatContentErrors(resources.errors)}\n`);
  }
  return engineCreate(resources.data);
}

/**
 * Runs the CLI with the given arguments.
 * @param argv arguments after the program name
 * @returns the exit code: 0 ok, 1 failed, 2 bad usage
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command()
    .name('calmdesk')
    .description('心安客服 CalmDesk command line')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('serve')
    .description('start the CalmDesk server (same as npm start, without building); configured by environment variables')
    .action(async () => {
      const { runServer } = await import('@calmdesk/server');
      await runServer();
      await new Promise(() => undefined);
    });

  program
    .command('reset-password')
    .description('set a new password for a login, lift its lockout and end its sessions (reads the password from stdin)')
    .argument('<login>', 'the login name')
    .action(async (login: string) => {
      const password = await readSecretFromStdin();
      if (password.length < LIMITS.passwordMin || password.length > LIMITS.passwordMax) {
        throw new CommanderError(2, 'calmdesk.password', `calmdesk: the new password must be ${LIMITS.passwordMin} to ${LIMITS.passwordMax} characters (read from stdin)\n`);
      }
      const { resetPasswordByLogin } = await import('@calmdesk/server');
      const found = await withDatabase((db) => resetPasswordByLogin(db, login, password));
      if (!found) throw new CommanderError(1, 'calmdesk.login', `calmdesk: no account with login "${login}"\n`);
      process.stdout.write(`password of ${login} reset; their sessions have ended\n`);
    });

  const analysisCommand = (name: string, description: string, run: typeof runAnalyze) =>
    program
      .command(name)
      .description(description)
      .option('--jsonl', 'JSON lines in and out (otherwise: one text per line in, a table out)')
      .action(async (options: { jsonl?: boolean }) => {
        const engine = await loadEngine();
        const errors = await run(engine, process.stdin, process.stdout, options.jsonl === true);
        if (errors > 0) process.stderr.write(`calmdesk ${name}: ${errors} line(s) could not be read; see the error lines in the output\n`);
      });
  analysisCommand('analyze', 'read customer messages from stdin: emotion, intensity, polarity, risk, needs, threats, cues', runAnalyze);
  analysisCommand('check-reply', "check agents' draft replies from stdin (JSON lines may carry the \"customer\" message they answer)", runCheckReply);

  const scenario = program.command('scenario').description('role-play scenario files');
  scenario
    .command('validate')
    .description('check scenario files against the schema; prints file:line field: problem for each')
    .argument('<path>', 'a scenario .yaml file or a folder of them')
    .action(async (target: string) => {
      const { loadScenarios } = await import('@calmdesk/content/scenario');
      const result = loadScenarios(target);
      if (!result.success) throw new CommanderError(1, 'calmdesk.scenario', `${formatContentErrors(result.errors)}\n${result.errors.length} problem(s)\n`);
      process.stdout.write(`${result.data.length} scenario(s) valid\n`);
    });

  program
    .command('curriculum')
    .description('built-in learning content')
    .command('validate')
    .description('check courses, lessons, the question bank and cases; prints file:line field: problem')
    .argument('[dir]', 'the curriculum folder', `${DEFAULT_CONTENT_DIR}/curriculum`)
    .action(async (dir: string) => {
      const { loadCurriculum } = await import('@calmdesk/content/curriculum');
      const result = loadCurriculum(dir);
      if (!result.success) throw new CommanderError(1, 'calmdesk.curriculum', `${formatContentErrors(result.errors)}\n${result.errors.length} problem(s)\n`);
      const lessons = result.data.courses.reduce((n, c) => n + c.lessonsFull.length, 0);
      process.stdout.write(`${result.data.courses.length} courses, ${lessons} lessons, ${result.data.questions.length} questions, ${result.data.cases.length} cases: valid\n`);
    });

  const loadScenario = async (id: string, directory: string) => {
    const { loadScenarios } = await import('@calmdesk/content/scenario');
    const { scenarioPath } = await import('./roleplay-commands.js');
    const file = scenarioPath(directory, id);
    if (!/^[a-z0-9-]+$/.test(id) || !fs.existsSync(file)) throw new CommanderError(2, 'calmdesk.scenario', `calmdesk: no scenario "${id}" in ${directory}\n`);
    const result = loadScenarios(file);
    if (!result.success) throw new CommanderError(1, 'calmdesk.scenario', `${formatContentErrors(result.errors)}\n`);
    return result.data[0]!;
  };
  const parseSeed = (value: string) => {
    const seed = Number(value);
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) throw new CommanderError(2, 'calmdesk.seed', `calmdesk: --seed must be a whole number 0..4294967295, not "${value}"\n`);
    return seed;
  };
  const roleplay = program.command('roleplay').description('practise with a simulated customer');
  roleplay
    .command('run')
    .description('play the agent replies of a file (one per line) against a scenario and print the result')
    .requiredOption('--scenario <id>', 'scenario id (a file in the scenarios folder)')
    .requiredOption('--replies <file>', 'agent replies, one per line')
    .option('--seed <n>', 'seed for the customer line variants', '1')
    .option('--json', 'print one JSON object')
    .option('--scenarios <dir>', 'scenarios folder', DEFAULT_SCENARIO_DIR)
    .action(async (options: { scenario: string; replies: string; seed: string; json?: boolean; scenarios: string }) => {
      const seed = parseSeed(options.seed);
      const scenario = await loadScenario(options.scenario, options.scenarios);
      let replies: string[];
      const { presentRun, readReplies, runScenario } = await import('./roleplay-commands.js');
      try {
        replies = readReplies(options.replies);
      } catch (error) {
        throw new CommanderError(2, 'calmdesk.replies', `calmdesk: cannot read --replies ${options.replies}: ${(error as Error).message}\n`);
      }
      const session = runScenario(await loadEngine(), scenario, replies, seed);
      const result = presentRun(scenario, session);
      if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else {
        process.stdout.write(`${scenario.persona.name}: ${session.opening}\n`);
        for (const turn of result.turns) process.stdout.write(`你: ${turn.agent}\n${scenario.persona.name}: ${turn.customer}\n`);
        process.stdout.write(`outcome ${result.outcome}, total ${result.total}/100 ${JSON.stringify(result.scores)}\n`);
      }
    });
  roleplay
    .command('play')
    .description('play a scenario interactively in the terminal')
    .argument('<id>', 'scenario id')
    .option('--seed <n>', 'seed for the customer line variants', '1')
    .option('--scenarios <dir>', 'scenarios folder', DEFAULT_SCENARIO_DIR)
    .action(async (id: string, options: { seed: string; scenarios: string }) => {
      const scenario = await loadScenario(id, options.scenarios);
      const { playInteractive } = await import('./roleplay-commands.js');
      await playInteractive(await loadEngine(), scenario, parseSeed(options.seed), process.stdin, process.stdout);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code.startsWith('calmdesk.')) {
        process.stderr.write(error.message);
        return error.exitCode;
      }
      // Commander's own errors (unknown command, missing argument) are usage errors.
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`calmdesk: ${(error as Error).message}\n`);
    return 1;
  }
}
