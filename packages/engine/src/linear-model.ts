import { featureKey } from './features.js';
import { numberInternerCreate, numberTableFromArrays } from './number-table.js';

/**
 * A linear classifier over character n-grams (1–3), as shipped in content/models/*.json by
 * scripts/train-models.ts. A text's score for a label is the bias plus the weights of its
 * n-gram occurrences, scaled by 1/sqrt(occurrences) as in training (long texts do not win
 * by length). Explainable: the n-grams that pushed a label hardest are reported.
 */
export type TLinearModelData = {
  format: 'calmdesk-linear-v1';
  name: string;
  labels: string[];
  bias: number[];
  /** The n-grams, joined by "\n" (an n-gram never holds whitespace). */
  grams: string;
  /** Base64 of little-endian int16 weights, labels.length per n-gram; value = q × scale. */
  weights: string;
  scale: number;
  /** Longest n-gram scored: 2 or 3 (default 3). Scoring must count n-grams as training did. */
  maxOrder?: 2 | 3;
  /** How the model was made, for the bench and the README. */
  trainedOn: string;
};

/**
 * The n-grams a text hit in the model table, recorded while scoring (three stores per hit,
 * no per-label work), so the strongest one for whichever label wins can be named after.
 */
export type THits = { rows: Int32Array; starts: Int32Array; lengths: Int32Array; count: number };

export function hitsCreate(capacity = 256): THits {
  return { rows: new Int32Array(capacity), starts: new Int32Array(capacity), lengths: new Int32Array(capacity), count: 0 };
}

/** Present in browsers and Node ≥ 16; typed here because the engine's lib has no DOM. */
declare const atob: ((data: string) => string) | undefined;

const TWO_16 = 65536;
const TWO_32 = 4294967296;

function decodeInt16(base64: string): Int16Array {
  const bytes = base64ToBytes(base64);
  const out = new Int16Array(bytes.length / 2);
  for (let i = 0; i < out.length; i += 1) {
    const v = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
    out[i] = v >= 32768 ? v - 65536 : v;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i += 1) B64_INDEX[B64.charCodeAt(i)] = i;

/** Base64 decoding without Node's Buffer (the engine also runs in browsers). */
function base64ToBytes(base64: string): Uint8Array {
  if (typeof atob === 'function') {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  const clean = base64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = B64_INDEX[clean.charCodeAt(i)]!;
    const b = B64_INDEX[clean.charCodeAt(i + 1)]!;
    const c = i + 2 < clean.length ? B64_INDEX[clean.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < clean.length ? B64_INDEX[clean.charCodeAt(i + 3)]! : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Pure base64 encoding, for the trainer. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Several models over one n-gram table, scored in one pass: each n-gram is hashed once for
 * all of them. Unigrams index a flat array; bigrams and trigrams go through hash tables.
 */
export type TModelBank = {
  /** In the order given, each with its first column in `out`. */
  models: { name: string; labels: readonly string[]; offset: number }[];
  /** Total labels over all models: the length of `out`. */
  width: number;
  /** Scores of every model's labels into `out`; records the n-grams hit into `hits` when given. */
  score: (text: string, out: Float64Array, hits?: THits) => void;
  /** The recorded n-gram that raised column `column` most in the last scored text. */
  strongest: (hits: THits, column: number) => { start: number; length: number; weight: number } | undefined;
};

export function modelBankCompile(list: readonly TLinearModelData[]): { success: true; data: TModelBank } | { success: false; error: string } {
  const models: TModelBank['models'] = [];
  let width = 0;
  const maxOrders = new Set(list.map((m) => m.maxOrder ?? 3));
  if (maxOrders.size > 1) return { success: false, error: 'models in one bank must use the same longest n-gram' };
  const useTrigrams = !maxOrders.has(2);
  const decoded: { grams: string[]; weights: Int16Array; scale: number; classes: number; offset: number }[] = [];
  for (const data of list) {
    const classes = data.labels.length;
    if (data.format !== 'calmdesk-linear-v1') return { success: false, error: `model ${data.name}: unknown format ${String(data.format)}` };
    if (data.bias.length !== classes) return { success: false, error: `model ${data.name}: ${data.bias.length} biases for ${classes} labels` };
    const grams = data.grams.length > 0 ? data.grams.split('\n') : [];
    const weights = decodeInt16(data.weights);
    if (weights.length !== grams.length * classes) return { success: false, error: `model ${data.name}: ${weights.length} weights for ${grams.length} n-grams × ${classes} labels` };
    for (const gram of grams) if (gram.length < 1 || gram.length > 3) return { success: false, error: `model ${data.name}: bad n-gram "${gram}"` };
    models.push({ name: data.name, labels: data.labels, offset: width });
    decoded.push({ grams, weights, scale: data.scale, classes, offset: width });
    width += classes;
  }
  const bias = new Float64Array(width);
  list.forEach((data, m) => data.bias.forEach((b, k) => (bias[decoded[m]!.offset + k] = b)));

  // Rows: the union of the models' n-grams, each model's weights in its own columns.
  const interner = numberInternerCreate(decoded.reduce((n, m) => n + m.grams.length, 0));
  const rowsOfModel = decoded.map((model) => {
    const rows = new Int32Array(model.grams.length);
    for (let g = 0; g < model.grams.length; g += 1) rows[g] = interner.intern(featureKey(model.grams[g]!));
    return rows;
  });
  const keys = interner.keys();
  // float32 halves the memory the hot loop walks; the models were quantised to int16 anyway.
  const weights = new Float32Array(keys.length * width);
  decoded.forEach((model, m) => {
    const rows = rowsOfModel[m]!;
    for (let g = 0; g < model.grams.length; g += 1) {
      const base = rows[g]! * width + model.offset;
      for (let k = 0; k < model.classes; k += 1) weights[base + k] = model.weights[g * model.classes + k]! * model.scale;
    }
  });
  const unigram = new Int32Array(65536).fill(-1);
  const longerKeys = new Float64Array(keys.length);
  const longerRows = new Int32Array(keys.length);
  let longerCount = 0;
  for (let row = 0; row < keys.length; row += 1) {
    const key = keys[row]!;
    if (key < TWO_16) unigram[key] = row;
    else {
      longerKeys[longerCount] = key;
      longerRows[longerCount] = row;
      longerCount += 1;
    }
  }
  const table = numberTableFromArrays(longerKeys.subarray(0, longerCount), longerRows.subarray(0, longerCount));

  let out: Float64Array = new Float64Array(width);
  let hits: THits | undefined;
  const add = (row: number, start: number, length: number): void => {
    const base = row * width;
    for (let k = 0; k < width; k += 1) out[k] = out[k]! + weights[base + k]!;
    if (hits === undefined) return;
    const i = hits.count;
    hits.rows[i] = row;
    hits.starts[i] = start;
    hits.lengths[i] = length;
    hits.count = i + 1;
  };
  const score = (text: string, target: Float64Array, hitsTarget?: THits): void => {
    out = target;
    hits = hitsTarget;
    for (let k = 0; k < width; k += 1) out[k] = 0;
    if (hits) {
      hits.count = 0;
      // At most three n-grams per character.
      if (hits.rows.length < text.length * 3) {
        const capacity = text.length * 3;
        hits.rows = new Int32Array(capacity);
        hits.starts = new Int32Array(capacity);
        hits.lengths = new Int32Array(capacity);
      }
    }
    let p1 = -1;
    let p2 = -1;
    let count = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        p1 = -1;
        p2 = -1;
        continue;
      }
      count += 1;
      let row = unigram[c]!;
      if (row >= 0) add(row, i, 1);
      if (p1 >= 0) {
        count += 1;
        row = table.get(p1 * TWO_16 + c);
        if (row >= 0) add(row, i - 1, 2);
        if (p2 >= 0 && useTrigrams) {
          count += 1;
          row = table.get(p2 * TWO_32 + p1 * TWO_16 + c);
          if (row >= 0) add(row, i - 2, 3);
        }
      }
      p2 = p1;
      p1 = c;
    }
    const norm = count > 0 ? 1 / Math.sqrt(count) : 0;
    for (let k = 0; k < width; k += 1) out[k] = out[k]! * norm + bias[k]!;
    lastNorm = norm;
  };
  let lastNorm = 0;
  const strongest = (from: THits, column: number): { start: number; length: number; weight: number } | undefined => {
    let best = -1;
    let bestWeight = 0;
    for (let i = 0; i < from.count; i += 1) {
      const w = weights[from.rows[i]! * width + column]!;
      if (w > bestWeight) {
        bestWeight = w;
        best = i;
      }
    }
    return best < 0 ? undefined : { start: from.starts[best]!, length: from.lengths[best]!, weight: bestWeight * lastNorm };
  };
  return { success: true, data: { models, width, score, strongest } };
}

