import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TEngineResources, TLinearModelData } from '@calmdesk/engine';
import type { TParsedContent } from './validate.js';

/** The repository's content/ folder (next to packages/). */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

/** A content problem: which file, where, and what is wrong. */
export type TContentError = { file: string; line?: number; path: string; message: string };

/** "file:line path: message", one per line, for logs and the CLI. */
export function formatContentErrors(errors: readonly TContentError[]): string {
  return errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}${e.path ? ` ${e.path}` : ''}: ${e.message}`).join('\n');
}

/** The YAML sources the engine reads, with what identifies their version. */
function sourceFingerprint(contentDir: string): string {
  const files = ['lexicons/customer.yaml', 'lexicons/reply.yaml', 'lexicons/t2s.yaml'];
  const phraseDir = path.join(contentDir, 'phrases');
  if (fs.existsSync(phraseDir)) for (const name of fs.readdirSync(phraseDir).sort()) if (name.endsWith('.yaml')) files.push(`phrases/${name}`);
  return files
    .map((file) => {
      try {
        const stat = fs.statSync(path.join(contentDir, file));
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${file}:missing`;
      }
    })
    .join('|');
}

function t2sPairs(source: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const item of source.split(/\s+/).filter(Boolean)) {
    const chars = [...item];
    if (chars.length === 2) pairs.set(chars[0]!, chars[1]!);
  }
  return pairs;
}

function readModel(file: string): TLinearModelData | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TLinearModelData;
}

/**
 * Loads everything the engine needs from a content folder. Validating the YAML costs a
 * few hundred milliseconds, so the validated result is kept in content/.cache/ and reused
 * while no source file changed (size and modification time); any change revalidates.
 * @param contentDir defaults to the repository's content/
 * @returns the resources, or every problem found (file, line, field)
 */
export async function loadEngineResources(contentDir = DEFAULT_CONTENT_DIR): Promise<{ success: true; data: TEngineResources } | { success: false; errors: TContentError[] }> {
  const cacheFile = path.join(contentDir, '.cache/engine-resources.json');
  const fingerprint = sourceFingerprint(contentDir);
  let parsed: TParsedContent | undefined;
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { fingerprint: string; content: TParsedContent };
    if (cached.fingerprint === fingerprint) parsed = cached.content;
  } catch {
    // no cache yet, or unreadable: validate below
  }
  if (!parsed) {
    const { parseContent } = await import('./validate.js');
    const result = parseContent(contentDir);
    if (!result.success) return result;
    parsed = result.data;
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(temporary, JSON.stringify({ fingerprint, content: parsed }));
      fs.renameSync(temporary, cacheFile);
    } catch {
      // a read-only install validates at every start; nothing else changes
    }
  }
  const models: TEngineResources['models'] = {};
  const polarity = readModel(path.join(contentDir, 'models/polarity.json'));
  const emotion = readModel(path.join(contentDir, 'models/emotion.json'));
  if (polarity) models.polarity = polarity;
  if (emotion) models.emotion = emotion;
  const replyIssuesFile = path.join(contentDir, 'models/reply-issues.json');
  if (fs.existsSync(replyIssuesFile)) models.replyIssues = JSON.parse(fs.readFileSync(replyIssuesFile, 'utf8')) as TLinearModelData[];
  return { success: true, data: { customer: parsed.customer, reply: parsed.reply, phrases: parsed.phrases, t2s: t2sPairs(parsed.t2s), models } };
}

/** The Traditional → Simplified folding table alone (model training needs only this). */
export async function loadT2s(contentDir = DEFAULT_CONTENT_DIR): Promise<{ success: true; data: Map<string, string> } | { success: false; errors: TContentError[] }> {
  const { parseT2s } = await import('./validate.js');
  const result = parseT2s(contentDir);
  return result.success ? { success: true, data: t2sPairs(result.data) } : result;
}
