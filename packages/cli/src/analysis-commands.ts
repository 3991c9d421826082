import type { Readable, Writable } from 'node:stream';
import type { TEngine, TMessageAnalysis, TReplyCheck } from '@calmdesk/engine';
import { readLines } from './lines.js';

type TOut = { write: (line: string) => Promise<void> };

/** Writes with back-pressure: waits for 'drain' when the pipe is full. */
export function createOutput(stream: Writable): TOut {
  return {
    write: (line) =>
      new Promise((resolve, reject) => {
        if (stream.write(line)) resolve();
        else {
          stream.once('drain', resolve);
          stream.once('error', reject);
        }
      }),
  };
}

function describeJsonError(error: unknown): string {
  return `not valid JSON: ${(error as Error).message}`;
}

function idOf(value: unknown): string | number | null {
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

function errorLine(line: number, id: string | number | null, error: string): string {
  return `${JSON.stringify(id === null ? { line, error } : { id, error })}\n`;
}

/** Picks the message fields of the CLI contract, in contract order. */
function presentAnalysis(id: string | number | null, a: TMessageAnalysis) {
  return { id, emotion: a.emotion, intensity: a.intensity, polarity: a.polarity, polarityScore: a.polarityScore, risk: a.risk, needs: a.needs, threats: a.threats, cues: a.cues };
}

function presentCheck(id: string | number | null, c: TReplyCheck) {
  return { id, verdict: c.verdict, issues: c.issues, missing: c.missing, suggestions: c.suggestions };
}

const truncate = (text: string, width: number) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

/** One analysis command: its table header and how it answers a plain line or a JSON record. */
type TCommand = {
  header: string;
  /** A table row for a plain-text line. */
  row: (text: string, number: number) => string;
  /** The JSON answer for a record, or an error message naming what is wrong with it. */
  answer: (record: Record<string, unknown>, id: string | number | null) => { result: unknown } | { error: string };
};

/**
 * The loop both commands share: lines in, one line out per input line, in order, with
 * back-pressure. A bad line (invalid UTF-8, over 1 MiB, not JSON, wrong fields) gets an
 * error line and the rest goes on.
 * @returns the number of error lines
 */
async function runLines(command: TCommand, input: Readable, output: Writable, isJsonl: boolean): Promise<number> {
  const out = createOutput(output);
  let errors = 0;
  if (!isJsonl) await out.write(`${command.header}\n`);
  for await (const line of readLines(input)) {
    if ('error' in line) {
      errors += 1;
      await out.write(isJsonl ? errorLine(line.number, null, line.error) : `${line.number}\terror: ${line.error}\n`);
      continue;
    }
    if (line.text.trim() === '') continue;
    if (!isJsonl) {
      await out.write(`${command.row(line.text, line.number)}\n`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      errors += 1;
      await out.write(errorLine(line.number, null, describeJsonError(error)));
      continue;
    }
    const id = idOf(value);
    const answered = value && typeof value === 'object' && !Array.isArray(value) ? command.answer(value as Record<string, unknown>, id) : { error: 'expected an object with a string "text"' };
    if ('error' in answered) {
      errors += 1;
      await out.write(errorLine(line.number, id, answered.error));
      continue;
    }
    await out.write(`${JSON.stringify(answered.result)}\n`);
  }
  return errors;
}

/**
 * `calmdesk analyze`: JSON lines {"id", "text"} in, {"id", "emotion", "intensity",
 * "polarity", "polarityScore", "risk", "needs", "threats", "cues"} out.
 * @returns the number of error lines
 */
export function runAnalyze(engine: TEngine, input: Readable, output: Writable, isJsonl: boolean): Promise<number> {
  return runLines(
    {
      header: '#\temotion\tintensity\trisk\tneeds\tthreats\ttext',
      row: (text, number) => {
        const a = engine.analyzeMessage(text);
        return `${number}\t${a.emotion}\t${a.intensity.toFixed(2)}\t${a.risk}\t${a.needs.join(',') || '-'}\t${a.threats.join(',') || '-'}\t${truncate(text, 60)}`;
      },
      answer: (record, id) =>
        typeof record.text === 'string' ? { result: presentAnalysis(id, engine.analyzeMessage(record.text)) } : { error: 'expected an object with a string "text"' },
    },
    input,
    output,
    isJsonl,
  );
}

/**
 * `calmdesk check-reply`: JSON lines {"id", "text", "customer"?} in, {"id", "verdict",
 * "issues", "missing", "suggestions"} out.
 * @returns the number of error lines
 */
export function runCheckReply(engine: TEngine, input: Readable, output: Writable, isJsonl: boolean): Promise<number> {
  return runLines(
    {
      header: '#\tverdict\tissues\ttext',
      row: (text, number) => {
        const c = engine.checkReply(text);
        return `${number}\t${c.verdict}\t${c.issues.map((i) => `${i.category}:${i.text}`).join(', ') || '-'}\t${truncate(text, 60)}`;
      },
      answer: (record, id) => {
        if (typeof record.text !== 'string') return { error: 'expected an object with a string "text"' };
        if (record.customer !== undefined && record.customer !== null && typeof record.customer !== 'string') return { error: '"customer" must be a string when given' };
        const customer = typeof record.customer === 'string' ? record.customer : undefined;
        return { result: presentCheck(id, engine.checkReply(record.text, customer)) };
      },
    },
    input,
    output,
    isJsonl,
  );
}
