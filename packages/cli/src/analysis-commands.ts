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

/**
 * `calmdesk analyze`: JSON lines {"id", "text"} in, one result line out per input line, in
 * order. A bad line gets {"id" | "line", "error"} and the rest goes on.
 * @returns the number of error lines
 */
export async function runAnalyze(engine: TEngine, input: Readable, output: Writable, isJsonl: boolean): Promise<number> {
  const out = createOutput(output);
  let errors = 0;
  if (!isJsonl) await out.write('#\temotion\tintensity\trisk\tneeds\tthreats\ttext\n');
  for await (const line of readLines(input)) {
    if ('error' in line) {
      errors += 1;
      await out.write(isJsonl ? errorLine(line.number, null, line.error) : `${line.number}\terror: ${line.error}\n`);
      continue;
    }
    if (!isJsonl) {
      if (line.text.trim() === '') continue;
      const a = engine.analyzeMessage(line.text);
      await out.write(`${line.number}\t${a.emotion}\t${a.intensity.toFixed(2)}\t${a.risk}\t${a.needs.join(',') || '-'}\t${a.threats.join(',') || '-'}\t${truncate(line.text, 60)}\n`);
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      errors += 1;
      await out.write(errorLine(line.number, null, describeJsonError(error)));
      continue;
    }
    const id = idOf(value);
    const text = value && typeof value === 'object' ? (value as { text?: unknown }).text : undefined;
    if (typeof text !== 'string') {
      errors += 1;
      await out.write(errorLine(line.number, id, 'expected an object with a string "text"'));
      continue;
    }
    await out.write(`${JSON.stringify(presentAnalysis(id, engine.analyzeMessage(text)))}\n`);
  }
  return errors;
}

/**
 * `calmdesk check-reply`: JSON lines {"id", "text", "customer"?} in, {"id", "verdict",
 * "issues", "missing", "suggestions"} out, in order; bad lines as for analyze.
 * @returns the number of error lines
 */
export async function runCheckReply(engine: TEngine, input: Readable, output: Writable, isJsonl: boolean): Promise<number> {
  const out = createOutput(output);
  let errors = 0;
  if (!isJsonl) await out.write('#\tverdict\tissues\ttext\n');
  for await (const line of readLines(input)) {
    if ('error' in line) {
      errors += 1;
      await out.write(isJsonl ? errorLine(line.number, null, line.error) : `${line.number}\terror: ${line.error}\n`);
      continue;
    }
    if (line.text.trim() === '') continue;
    if (!isJsonl) {
      const c = engine.checkReply(line.text);
      await out.write(`${line.number}\t${c.verdict}\t${c.issues.map((i) => `${i.category}:${i.text}`).join(', ') || '-'}\t${truncate(line.text, 60)}\n`);
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
    const record = value && typeof value === 'object' ? (value as { text?: unknown; customer?: unknown }) : {};
    if (typeof record.text !== 'string') {
      errors += 1;
      await out.write(errorLine(line.number, id, 'expected an object with a string "text"'));
      continue;
    }
    if (record.customer !== undefined && record.customer !== null && typeof record.customer !== 'string') {
      errors += 1;
      await out.write(errorLine(line.number, id, '"customer" must be a string when given'));
      continue;
    }
    const customer = typeof record.customer === 'string' ? record.customer : undefined;
    await out.write(`${JSON.stringify(presentCheck(id, engine.checkReply(record.text, customer)))}\n`);
  }
  return errors;
}
