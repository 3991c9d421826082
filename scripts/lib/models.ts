import { linearModelTrain, trainFeatures, type TLinearModelData, type TNormalizer } from '@calmdesk/engine';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLUE_TO_SMP, readJsonl, type TRow } from './datasets.js';

/**
 * How the shipped models are trained. scripts/train-models.ts writes them to content/models;
 * scripts/bench.ts calls the same functions on cross-validation folds, so the figures it
 * prints are for exactly this recipe.
 */
/**
 * Unigrams and bigrams only: trigrams added nothing measurable on the fixtures or in
 * cross-validation and cost a third of the lookups on the hot path.
 */
export const MAX_ORDER = 2 as const;
export const POLARITY_RECIPE = { maxOrder: MAX_ORDER, epochs: 5, learningRate: 0.5, l2: 1e-6, minCount: 2, maxFeatures: 25_000 } as const;
export const EMOTION_RECIPE = { maxOrder: MAX_ORDER, epochs: 10, learningRate: 0.4, l2: 1e-6, minCount: 1, maxFeatures: 30_000 } as const;

export function trainPolarity(rows: readonly TRow[], normalize: TNormalizer, trainedOn: string): TLinearModelData {
  const labels = ['neg', 'pos'];
  const samples = rows.map((r) => ({ features: trainFeatures(normalize(r.text), MAX_ORDER), label: labels.indexOf(r.label!) }));
  return linearModelTrain(samples, { name: 'polarity', labels, trainedOn, ...POLARITY_RECIPE });
}

/** Our seven customer emotions, the emotion model's classes. */
export const EMOTION_LABELS = ['calm', 'confused', 'anxious', 'disappointed', 'dissatisfied', 'angry', 'positive'] as const;

/** SMP2020-EWECT labels → our emotions, for training on Weibo data. */
export const SMP_TO_PRODUCT: Record<string, string> = { angry: 'angry', sad: 'disappointed', fear: 'anxious', happy: 'positive', neutral: 'calm', surprise: 'confused' };

/**
 * The emotion model learns our seven emotions from the team's customer-service training
 * messages (content/training, weighted ×3: they are the target domain) and from Weibo posts
 * mapped onto them (general emotional language). Class weights lift the rare classes so
 * the model does not simply never predict them; capped so they do not swamp the rest.
 */
export function trainEmotion(rows: readonly (TRow & { weight?: number })[], normalize: TNormalizer, trainedOn: string): TLinearModelData {
  const labels = [...EMOTION_LABELS];
  const samples = rows.map((r) => ({ features: trainFeatures(normalize(r.text), MAX_ORDER), label: labels.indexOf(r.label as (typeof EMOTION_LABELS)[number]), weight: r.weight ?? 1 }));
  const bad = samples.findIndex((s) => s.label < 0);
  if (bad >= 0) throw new Error(`trainEmotion: unknown label "${rows[bad]!.label}" in ${rows[bad]!.id}`);
  const counts = labels.map((_, k) => samples.filter((s) => s.label === k).reduce((n, s) => n + s.weight, 0));
  const total = counts.reduce((a, b) => a + b, 0);
  const classWeights = counts.map((c) => Math.min(4, total / (labels.length * Math.max(1, c))));
  return linearModelTrain(samples, { name: 'emotion', labels, trainedOn, classWeights, ...EMOTION_RECIPE });
}

/** The team's customer-service training messages (never the test fixtures). */
export function readTrainingMessages(): (TRow & { weight: number })[] {
  const dir = fileURLToPath(new URL('../../content/training', import.meta.url));
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('customer-messages-') && f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => ({ ...(JSON.parse(l) as { id: string; text: string; emotion: string }), weight: 3 })))
    .map((r) => ({ id: r.id, text: r.text, label: r.emotion, weight: r.weight }));
}

export function readPolarityRows(): TRow[] {
  return readJsonl('online_shopping_10_cats.jsonl');
}

export function readSmpRows(): TRow[] {
  return [...readJsonl('smp2020_ewect_usual_eval.jsonl'), ...readJsonl('smp2020_ewect_virus_eval.jsonl')];
}

/** Weibo rows with our emotion labels. */
export function asProductLabels(rows: readonly TRow[]): TRow[] {
  return rows.map((r) => ({ ...r, label: SMP_TO_PRODUCT[r.label!] ?? 'calm' }));
}

export function readClueRowsAsSmp(): TRow[] {
  return readJsonl('clue_emotion2020_valid.jsonl').map((r) => ({ ...r, label: CLUE_TO_SMP[r.label!] ?? 'neutral' }));
}

/** Fold k of n by row position: deterministic, and each label spread over all folds. */
export function foldSplit<T>(rows: readonly T[], fold: number, folds: number): { train: T[]; test: T[] } {
  return { train: rows.filter((_, i) => i % folds !== fold), test: rows.filter((_, i) => i % folds === fold) };
}

/** The reply-issue categories, one yes/no model each. */
export const REPLY_ISSUE_LABELS = ['denial', 'excuse', 'blame_shift', 'command', 'rhetorical', 'contempt', 'over_promise', 'cold_stock', 'privacy_leak'] as const;
export const REPLY_RECIPE = { maxOrder: MAX_ORDER, epochs: 12, learningRate: 0.4, l2: 1e-6, minCount: 1, maxFeatures: 6_000 } as const;

export type TReplyRow = { id: string; text: string; categories: string[] };

/** The team's labelled agent replies for training (never the test fixtures). */
export function readTrainingReplies(): TReplyRow[] {
  const file = fileURLToPath(new URL('../../content/training/agent-replies.jsonl', import.meta.url));
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TReplyRow);
}

/**
 * One logistic model per category ("does this reply do X?"), balanced so the rarer "yes"
 * is learnt. They catch wordings the reply lexicon has no pattern for.
 */
export function trainReplyIssues(rows: readonly TReplyRow[], normalize: TNormalizer): TLinearModelData[] {
  const features = rows.map((r) => trainFeatures(normalize(r.text), MAX_ORDER));
  return REPLY_ISSUE_LABELS.map((category) => {
    const samples = rows.map((r, i) => ({ features: features[i]!, label: r.categories.includes(category) ? 1 : 0 }));
    const yes = samples.filter((s) => s.label === 1).length;
    const classWeights = [1, Math.min(4, (samples.length - yes) / Math.max(1, yes))];
    return linearModelTrain(samples, { name: `reply_${category}`, labels: ['no', 'yes'], trainedOn: `content/training/agent-replies.jsonl (${rows.length} replies written by the team)`, classWeights, ...REPLY_RECIPE });
  });
}
