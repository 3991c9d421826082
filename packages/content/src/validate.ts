/**
 * Validation of content/ files: zod schemas over YAML, with file, line and field in every
 * error. Loaded only when content changed since the last compile (see index.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { EMOTIONS, NEEDS, REPLY_ISSUES, THREAT_CHANNELS, type TEngineResources, type TPhrase } from '@calmdesk/engine';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';

import type { TContentError } from './index.js';

const ZTerm = z.string().min(1).refine((t) => !t.startsWith('re:') || isValidRegex(t.slice(3)), 'invalid regular expression');
function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
const ZWeighted = z.object({ term: ZTerm, weight: z.number().min(0).max(2) });
const ZEmotion = z.enum(EMOTIONS);

export const ZCustomerLexicon = z.object({
  emotions: z.partialRecord(ZEmotion, z.array(ZWeighted)),
  intensifiers: z.array(z.object({ term: ZTerm, factor: z.number().min(1).max(3) })),
  diminishers: z.array(z.object({ term: ZTerm, factor: z.number().min(0).max(1) })),
  negators: z.array(ZTerm),
  need_cancellers: z.array(ZTerm).optional(),
  insults: z.array(ZWeighted),
  threats: z.partialRecord(z.enum(THREAT_CHANNELS), z.array(ZTerm)),
  needs: z.partialRecord(z.enum(NEEDS), z.array(ZTerm)),
  urgency: z.array(ZTerm),
  repeat_contact: z.array(ZTerm),
  unresolved: z.array(ZTerm),
  rhetorical: z.array(ZTerm),
  sarcasm: z.array(ZTerm),
  emoji: z.array(z.object({ term: ZTerm, emotion: ZEmotion, weight: z.number().min(0).max(2) })),
});

const ZLocalised = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * A zh/en pair that refuses stray keys: in a one-line `{ zh: …, en: … }` an unquoted English
 * value with a comma is cut there and the rest becomes a stray key; this catches it.
 * Used by the scenario and curriculum formats.
 */
export const ZLocalisedStrict = ZLocalised.strict();
export const ZReplyLexicon = z.object({
  issues: z.record(z.enum(REPLY_ISSUES), z.object({ explanation: ZLocalised, severity: z.enum(['avoid', 'revise']), terms: z.array(ZTerm).min(1) })),
  signals: z.object({
    acknowledge: z.array(ZTerm),
    apology: z.array(ZTerm),
    next_step: z.array(ZTerm),
    time: z.array(ZTerm),
    paraphrase: z.array(ZTerm),
    pause: z.array(ZTerm),
    escalation: z.array(ZTerm),
    compensation: z.array(ZTerm),
  }),
});

export const ZPhraseFile = z.object({
  purpose: z.string().min(1),
  title: ZLocalised,
  description: ZLocalised,
  entries: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_-]+$/),
      situations: z.array(z.string().min(1)).min(1),
      emotions: z.array(ZEmotion),
      zh: z.string().min(1),
      en: z.string().min(1),
      replaces: z.array(z.enum(REPLY_ISSUES)).optional(),
      slots: z.array(z.string()).optional(),
    }),
  ),
});

const ZT2s = z.object({ pairs: z.string().min(1) });

/** Reads a YAML file and validates it; errors carry the file, the line and the field path. */
export function readYamlFile<T>(file: string, schema: z.ZodType<T>): { success: true; data: T } | { success: false; errors: TContentError[] } {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { success: false, errors: [{ file, path: '', message: `cannot read: ${(error as Error).message}` }] };
  }
  return parseYamlSource(source, schema, file);
}

/**
 * Validates YAML text (a file's content, or a scenario pasted in the app).
 * @param label what to call the source in errors (a file name)
 */
export function parseYamlSource<T>(source: string, schema: z.ZodType<T>, label: string): { success: true; data: T } | { success: false; errors: TContentError[] } {
  const file = label;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      success: false,
      errors: doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, path: '', message: e.message.split('\n')[0]! })),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    errors: parsed.error.issues.map((issue) => {
      const node = doc.getIn(issue.path as (string | number)[], true) as Node | undefined;
      const parentNode = doc.getIn(issue.path.slice(0, -1) as (string | number)[], true) as Node | undefined;
      const range = node?.range ?? ((isMap(parentNode) || isSeq(parentNode)) ? parentNode.range : undefined);
      return { file, ...(range ? { line: lineCounter.linePos(range[0]).line } : {}), path: issue.path.join('.'), message: issue.message };
    }),
  };
}

/** What content/ holds, parsed and validated (models are read separately). */
export type TParsedContent = Omit<TEngineResources, 'models' | 't2s'> & { t2s: string };

/**
 * Parses and validates every YAML file the engine needs.
 * @returns the content, or every problem found (file, line, field)
 */
export function parseContent(contentDir: string): { success: true; data: TParsedContent } | { success: false; errors: TContentError[] } {
  const errors: TContentError[] = [];
  const customer = readYamlFile(path.join(contentDir, 'lexicons/customer.yaml'), ZCustomerLexicon);
  const reply = readYamlFile(path.join(contentDir, 'lexicons/reply.yaml'), ZReplyLexicon);
  const t2s = readYamlFile(path.join(contentDir, 'lexicons/t2s.yaml'), ZT2s);
  for (const r of [customer, reply, t2s]) if (!r.success) errors.push(...r.errors);

  const phrases: TPhrase[] = [];
  const phraseDir = path.join(contentDir, 'phrases');
  const phraseFiles = fs.existsSync(phraseDir) ? fs.readdirSync(phraseDir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const ids = new Set<string>();
  for (const name of phraseFiles) {
    const file = path.join(phraseDir, name);
    const result = readYamlFile(file, ZPhraseFile);
    if (!result.success) {
      errors.push(...result.errors);
      continue;
    }
    for (const entry of result.data.entries) {
      if (ids.has(entry.id)) errors.push({ file, path: `entries.${entry.id}`, message: 'duplicate phrase id' });
      ids.add(entry.id);
      phrases.push({ ...entry, purpose: result.data.purpose });
    }
  }
  if (!customer.success || !reply.success || !t2s.success || errors.length > 0) return { success: false, errors };
  return { success: true, data: { customer: customer.data, reply: reply.data, t2s: t2s.data.pairs, phrases } };
}

/** Validates only the folding table (model training needs nothing else). */
export function parseT2s(contentDir: string): { success: true; data: string } | { success: false; errors: TContentError[] } {
  const result = readYamlFile(path.join(contentDir, 'lexicons/t2s.yaml'), ZT2s);
  return result.success ? { success: true, data: result.data.pairs } : result;
}
