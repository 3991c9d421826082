import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The team's labelled fixtures (see fixtures/LABELS.md). */
export type TMessageFixture = { id: string; text: string; emotion: string; risk: string; needs: string[]; threats: string[]; lang: string };
export type TReplyFixture = { id: string; text: string; customer?: string; verdict: string; categories: string[]; missing: string[]; lang: string };

function readJsonl<T>(name: string): T[] {
  const file = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export const messageFixtures = (): TMessageFixture[] => [...readJsonl<TMessageFixture>('messages-a.jsonl'), ...readJsonl<TMessageFixture>('messages-b.jsonl')];
export const replyFixtures = (): TReplyFixture[] => readJsonl<TReplyFixture>('replies.jsonl');

/** Precision and recall of one label over paired truth/prediction lists. */
export function precisionRecall(truth: readonly string[], predicted: readonly string[], label: string): { precision: number; recall: number; support: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i += 1) {
    if (predicted[i] === label && truth[i] === label) tp += 1;
    else if (predicted[i] === label) fp += 1;
    else if (truth[i] === label) fn += 1;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0, support: tp + fn };
}

/** Precision and recall of a multi-label field (needs, threats, categories) for one value. */
export function setPrecisionRecall(truth: readonly string[][], predicted: readonly string[][], value: string): { precision: number; recall: number; support: number } {
  return precisionRecall(
    truth.map((t) => (t.includes(value) ? value : '')),
    predicted.map((p) => (p.includes(value) ? value : '-')),
    value,
  );
}
