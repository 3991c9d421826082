import { PassThrough, Readable } from 'node:stream';
import { loadEngineResources } from '@calmdesk/content';
import { engineCreate } from '@calmdesk/engine';
import { describe, expect, it } from 'vitest';
import { runAnalyze, runCheckReply } from './analysis-commands.js';
import { MAX_LINE_BYTES } from './lines.js';

const loaded = await loadEngineResources();
if (!loaded.success) throw new Error('content invalid');
const engine = engineCreate(loaded.data);

async function run(command: typeof runAnalyze, input: Buffer | string, isJsonl = true): Promise<{ lines: string[]; errors: number }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  // Split the input in odd places: a line must survive being cut across chunks.
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
  const pieces = [bytes.subarray(0, 7), bytes.subarray(7, 20), bytes.subarray(20)];
  const errors = await command(engine, Readable.from(pieces), output, isJsonl);
  output.end();
  return { lines: Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean), errors };
}

describe('calmdesk analyze --jsonl', () => {
  it('answers each line in order with exactly the contract fields', async () => {
    const { lines, errors } = await run(runAnalyze, '{"id":"a","text":"还没发货吗？我很着急"}\n{"id":2,"text":"谢谢，很满意"}\n');
    expect(errors).toBe(0);
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(Object.keys(first)).toEqual(['id', 'emotion', 'intensity', 'polarity', 'polarityScore', 'risk', 'needs', 'threats', 'cues']);
    expect(first.id).toBe('a');
    expect(second.id).toBe(2);
    expect(second.emotion).toBe('positive');
  });

  it('writes an error line for a bad line and goes on', async () => {
    const input = Buffer.concat([
      Buffer.from('not json\n{"id":"x","text":5}\n{"text":"ok then"}\n'),
      Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), // invalid UTF-8
      Buffer.from('{"id":"last","text":"好的"}\n'),
    ]);
    const { lines, errors } = await run(runAnalyze, input);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(errors).toBe(3);
    expect(parsed[0]).toEqual({ line: 1, error: expect.stringMatching(/not valid JSON/) });
    expect(parsed[1]).toEqual({ id: 'x', error: expect.stringMatching(/string "text"/) });
    expect(parsed[2].id).toBeNull();
    expect(parsed[2].emotion).toBeTruthy();
    expect(parsed[3]).toEqual({ line: 4, error: 'invalid UTF-8' });
    expect(parsed[4].id).toBe('last');
  });

  it('skips a line over 1 MiB with an error line, without holding it', async () => {
    const huge = `{"id":"big","text":"${'啊'.repeat(MAX_LINE_BYTES / 3 + 10)}"}`;
    const { lines } = await run(runAnalyze, `${huge}\n{"id":"after","text":"在吗"}\n`);
    expect(JSON.parse(lines[0]!)).toEqual({ line: 1, error: expect.stringMatching(/longer than 1048576 bytes/) });
    expect(JSON.parse(lines[1]!).id).toBe('after');
  });

  it('reads emoji-only, control characters and CRLF line ends', async () => {
    const { lines, errors } = await run(runAnalyze, '{"id":1,"text":"😡😡😡"}\r\n{"id":2,"text":"\\u0000\\u0007"}\r\n');
    expect(errors).toBe(0);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual([1, 2]);
  });

  it('prints a readable table without --jsonl', async () => {
    const { lines } = await run(runAnalyze, '你们这些骗子！！！我要投诉到12315\n请问有货吗\n', false);
    expect(lines[0]).toBe('#\temotion\tintensity\trisk\tneeds\tthreats\ttext');
    expect(lines[1]).toMatch(/^1\tangry\t[\d.]+\thigh\t.*regulator/);
    expect(lines[2]).toMatch(/^2\t\w+\t[\d.]+\tlow\t/);
  });
});

describe('calmdesk check-reply --jsonl', () => {
  it('checks a reply against its customer message', async () => {
    const { lines } = await run(runCheckReply, '{"id":"r1","text":"这是快递的问题，你自己去问快递","customer":"还没到货！！！"}\n');
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result)).toEqual(['id', 'verdict', 'issues', 'missing', 'suggestions']);
    expect(result.verdict).toBe('avoid');
    expect(result.issues.map((i: { category: string }) => i.category)).toContain('blame_shift');
  });

  it('rejects a non-string customer with an error line', async () => {
    const { lines, errors } = await run(runCheckReply, '{"id":"r2","text":"好的","customer":{"x":1}}\n');
    expect(errors).toBe(1);
    expect(JSON.parse(lines[0]!)).toEqual({ id: 'r2', error: '"customer" must be a string when given' });
  });
});
