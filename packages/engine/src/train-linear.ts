import { featureGram, featuresForEach } from './features.js';
import { bytesToBase64, type TLinearModelData } from './linear-model.js';

/**
 * Trains a multinomial logistic regression over character n-grams by plain SGD, with a
 * fixed-seed shuffle so the same data always gives the same model. Pure: no I/O, the
 * caller reads the data set and writes the result. Used by packages/engine/training and
 * by the bench's cross-validation, so what is measured is what ships.
 */
export type TTrainOptions = {
  name: string;
  labels: readonly string[];
  trainedOn: string;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Per-label loss weights, e.g. to lift rare classes for macro-F1. */
  classWeights?: readonly number[];
  /** n-grams seen in fewer samples are ignored (noise, and model size). */
  minCount?: number;
  /** Keep the n-grams with the largest weights, at most this many. */
  maxFeatures?: number;
  seed?: number;
  /** Longest n-gram the samples' features hold (recorded in the model for scoring). */
  maxOrder?: 2 | 3;
};

/** Every n-gram occurrence key of a (normalised) text, as the model scores it. */
export function trainFeatures(text: string, maxOrder: 2 | 3 = 3): number[] {
  const keys: number[] = [];
  featuresForEach(text, (key) => keys.push(key), maxOrder);
  return keys;
}

function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

/**
 * @param samples normalised texts with label indexes into `options.labels`
 * @returns model data ready to be written as JSON and loaded by linearModelCompile
 */
export function linearModelTrain(samples: readonly { features: readonly number[]; label: number; weight?: number }[], options: TTrainOptions): TLinearModelData {
  const classes = options.labels.length;
  const epochs = options.epochs ?? 8;
  const learningRate = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-6;
  const minCount = options.minCount ?? 2;
  const random = seededRandom(options.seed ?? 20261123);

  const counts = new Map<number, number>();
  for (const sample of samples) for (const key of sample.features) counts.set(key, (counts.get(key) ?? 0) + 1);
  const weights = new Map<number, Float64Array>();
  for (const [key, count] of counts) if (count >= minCount) weights.set(key, new Float64Array(classes));
  const bias = new Float64Array(classes);
  const order = samples.map((_, i) => i);
  const scores = new Float64Array(classes);

  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = learningRate / (1 + epoch);
    for (const index of order) {
      const sample = samples[index]!;
      const norm = sample.features.length > 0 ? 1 / Math.sqrt(sample.features.length) : 0;
      for (let k = 0; k < classes; k += 1) scores[k] = 0;
      for (const key of sample.features) {
        const w = weights.get(key);
        if (w) for (let k = 0; k < classes; k += 1) scores[k] = scores[k]! + w[k]!;
      }
      let max = -Infinity;
      for (let k = 0; k < classes; k += 1) {
        scores[k] = scores[k]! * norm + bias[k]!;
        max = Math.max(max, scores[k]!);
      }
      let sum = 0;
      for (let k = 0; k < classes; k += 1) {
        scores[k] = Math.exp(scores[k]! - max);
        sum += scores[k]!;
      }
      const classWeight = (options.classWeights?.[sample.label] ?? 1) * (sample.weight ?? 1);
      for (let k = 0; k < classes; k += 1) {
        const gradient = classWeight * (scores[k]! / sum - (sample.label === k ? 1 : 0));
        scores[k] = gradient;
        bias[k] = bias[k]! - rate * gradient * 0.1;
      }
      const step = rate * norm;
      for (const key of sample.features) {
        const w = weights.get(key);
        if (!w) continue;
        for (let k = 0; k < classes; k += 1) w[k] = w[k]! - step * (scores[k]! + l2 * w[k]!);
      }
    }
  }

  const ranked = [...weights.entries()]
    .map(([key, w]) => ({ key, w, size: w.reduce((a, b) => a + Math.abs(b), 0) }))
    .filter((f) => f.size > 1e-4)
    .sort((a, b) => b.size - a.size || a.key - b.key)
    .slice(0, options.maxFeatures ?? 80_000);
  let maxAbs = 0;
  for (const f of ranked) for (const v of f.w) maxAbs = Math.max(maxAbs, Math.abs(v));
  // int16 keeps 4–5 significant digits: the quantised model scores like the trained one.
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const grams: string[] = [];
  const quantised = new Int16Array(ranked.length * classes);
  let q = 0;
  for (const f of ranked) {
    grams.push(featureGram(f.key));
    for (const v of f.w) quantised[q++] = Math.round(v / scale);
  }
  const bytes = new Uint8Array(quantised.length * 2);
  for (let i = 0; i < quantised.length; i += 1) {
    bytes[2 * i] = quantised[i]! & 255;
    bytes[2 * i + 1] = (quantised[i]! >> 8) & 255;
  }
  return {
    format: 'calmdesk-linear-v1',
    name: options.name,
    labels: [...options.labels],
    bias: [...bias].map((b) => Math.round(b * 1e4) / 1e4),
    grams: grams.join('\n'),
    weights: bytesToBase64(bytes),
    scale,
    maxOrder: options.maxOrder ?? 3,
    trainedOn: options.trainedOn,
  };
}
