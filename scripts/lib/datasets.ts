import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The reference data in ../shared/data (see its README): read from there, never copied
 * into the repository. Scripts that need it say so and stop when it is absent.
 */
export const SHARED_DATA_DIR = process.env.CALMDESK_SHARED_DATA ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));

export type TRow = { id: string; text: string; label?: string };

export function hasSharedData(): boolean {
  return fs.existsSync(path.join(SHARED_DATA_DIR, 'online_shopping_10_cats.jsonl'));
}

export function readJsonl(name: string): TRow[] {
  const file = path.join(SHARED_DATA_DIR, name);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as TRow);
}

/** Streams a JSONL file line by line (for the large ones in the speed bench). */
export async function* streamJsonl(name: string): AsyncGenerator<TRow> {
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(SHARED_DATA_DIR, name), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as TRow;
}

/** SMP2020-EWECT's six labels, the emotion model's classes. */
export const SMP_LABELS = ['happy', 'angry', 'sad', 'fear', 'surprise', 'neutral'] as const;

/** CLUEmotion2020 → SMP labels, as the data README suggests (like/happiness → happy, disgust → angry). */
export const CLUE_TO_SMP: Record<string, string> = { like: 'happy', happiness: 'happy', sadness: 'sad', anger: 'angry', disgust: 'angry', fear: 'fear', surprise: 'surprise' };

/** Our customer emotions → SMP labels, for measuring the engine on SMP2020-EWECT. */
export const PRODUCT_TO_SMP: Record<string, string> = {
  angry: 'angry',
  dissatisfied: 'angry',
  disappointed: 'sad',
  anxious: 'fear',
  positive: 'happy',
  calm: 'neutral',
  confused: 'surprise',
};

/** Macro-averaged F1 over the given labels. */
export function macroF1(truth: readonly string[], predicted: readonly string[], labels: readonly string[]): { macroF1: number; perLabel: Record<string, { precision: number; recall: number; f1: number }>; accuracy: number } {
  const perLabel: Record<string, { precision: number; recall: number; f1: number }> = {};
  let sum = 0;
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i += 1) {
      if (predicted[i] === label && truth[i] === label) tp += 1;
      else if (predicted[i] === label) fp += 1;
      else if (truth[i] === label) fn += 1;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[label] = { precision, recall, f1 };
    sum += f1;
  }
  const correct = truth.filter((t, i) => t === predicted[i]).length;
  return { macroF1: sum / labels.length, perLabel, accuracy: correct / truth.length };
}
