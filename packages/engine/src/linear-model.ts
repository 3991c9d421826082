import { featureGram, featureKey, featuresForEach } from './features.js';

/**
 * A linear classifier over character n-grams, as shipped in content/models/*.json by
 * scripts/train-models.ts. Each class has a bias and a weight per n-gram; a text's score
 * for a class is the bias plus the weights of the distinct n-grams it contains, scaled by
 * 1/sqrt(n) as in training. Explainable: the n-grams that pushed hardest are returned.
 */
export type TLinearModelData = {
  format: 'calmdesk-linear-v1';
  name: string;
  labels: string[];
  bias: number[];
  /** n-grams in the order of `weights` rows. */
  grams: string[];
  /** Row-major weights, labels.length per gram, quantised: value = q * scale (q in -2047..2047). */
  weights: number[];
  scale: number;
  /** How the model was made, for the bench and the README. */
  trainedOn: string;
};

export type TLinearModel = {
  name: string;
  labels: readonly string[];
  /** Scores per label for normalised text; writes into `out` (length = labels.length). */
  score: (text: string, out: Float64Array, explain?: TContribution[]) => void;
};

export type TContribution = { gram: string; start: number; length: number; label: number; weight: number };

/**
 * Validates and compiles shipped model data.
 * @returns `{ success, data | error }`: content errors are data, not exceptions
 */
export function linearModelCompile(data: TLinearModelData): { success: true; data: TLinearModel } | { success: false; error: string } {
  const classes = data.labels.length;
  if (data.format !== 'calmdesk-linear-v1') return { success: false, error: `model ${data.name}: unknown format ${String(data.format)}` };
  if (data.bias.length !== classes) return { success: false, error: `model ${data.name}: ${data.bias.length} biases for ${classes} labels` };
  if (data.weights.length !== data.grams.length * classes) return { success: false, error: `model ${data.name}: weights do not match grams × labels` };
  const rows = new Map<number, number>();
  for (let i = 0; i < data.grams.length; i += 1) {
    const gram = data.grams[i]!;
    if (gram.length < 1 || gram.length > 3) return { success: false, error: `model ${data.name}: bad n-gram "${gram}" at ${i}` };
    rows.set(featureKey(gram), i);
  }
  const weights = Float64Array.from(data.weights, (q) => q * data.scale);
  const bias = Float64Array.from(data.bias);
  const seen = new Set<number>();

  const score = (text: string, out: Float64Array, explain?: TContribution[]): void => {
    for (let k = 0; k < classes; k += 1) out[k] = 0;
    seen.clear();
    let count = 0;
    featuresForEach(text, (key, start, length) => {
      if (seen.has(key)) return;
      seen.add(key);
      count += 1;
      const row = rows.get(key);
      if (row === undefined) return;
      const base = row * classes;
      for (let k = 0; k < classes; k += 1) out[k] = out[k]! + weights[base + k]!;
      if (explain) {
        for (let k = 0; k < classes; k += 1) {
          const weight = weights[base + k]!;
          if (weight !== 0) explain.push({ gram: featureGram(key), start, length, label: k, weight });
        }
      }
    });
    const norm = count > 0 ? 1 / Math.sqrt(count) : 0;
    for (let k = 0; k < classes; k += 1) out[k] = out[k]! * norm + bias[k]!;
    if (explain) for (const c of explain) c.weight *= norm;
  };
  return { success: true, data: { name: data.name, labels: data.labels, score } };
}

/** Softmax in place. */
export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let k = 0; k < scores.length; k += 1) {
    scores[k] = Math.exp(scores[k]! - max);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k += 1) scores[k] = scores[k]! / sum;
}
