import { linearModelTrain, trainFeatures, type TLinearModelData, type TNormalizer } from '@calmdesk/engine';
import { CLUE_TO_SMP, readJsonl, SMP_LABELS, type TRow } from './datasets.js';

/**
 * How the shipped models are trained. scripts/train-models.ts writes them to content/models;
 * scripts/bench.ts calls the same functions on cross-validation folds, so the figures it
 * prints are for exactly this recipe.
 */
export const POLARITY_RECIPE = { epochs: 5, learningRate: 0.5, l2: 1e-6, minCount: 2, maxFeatures: 60_000 } as const;
export const EMOTION_RECIPE = { epochs: 10, learningRate: 0.4, l2: 1e-6, minCount: 1, maxFeatures: 80_000 } as const;

export function trainPolarity(rows: readonly TRow[], normalize: TNormalizer, trainedOn: string): TLinearModelData {
  const labels = ['neg', 'pos'];
  const samples = rows.map((r) => ({ features: trainFeatures(normalize(r.text)), label: labels.indexOf(r.label!) }));
  return linearModelTrain(samples, { name: 'polarity', labels, trainedOn, ...POLARITY_RECIPE });
}

/**
 * Class weights lift the rare classes (fear, surprise: under 5% of the data) so the model
 * does not simply never predict them; capped so they do not swamp the rest.
 */
export function trainEmotion(rows: readonly TRow[], normalize: TNormalizer, trainedOn: string): TLinearModelData {
  const labels = [...SMP_LABELS];
  const samples = rows.map((r) => ({ features: trainFeatures(normalize(r.text)), label: labels.indexOf(r.label as (typeof SMP_LABELS)[number]) }));
  const counts = labels.map((_, k) => samples.filter((s) => s.label === k).length);
  const classWeights = counts.map((c) => Math.min(4, samples.length / (labels.length * Math.max(1, c))));
  return linearModelTrain(samples, { name: 'emotion', labels, trainedOn, classWeights, ...EMOTION_RECIPE });
}

export function readPolarityRows(): TRow[] {
  return readJsonl('online_shopping_10_cats.jsonl');
}

export function readSmpRows(): TRow[] {
  return [...readJsonl('smp2020_ewect_usual_eval.jsonl'), ...readJsonl('smp2020_ewect_virus_eval.jsonl')];
}

export function readClueRowsAsSmp(): TRow[] {
  return readJsonl('clue_emotion2020_valid.jsonl').map((r) => ({ ...r, label: CLUE_TO_SMP[r.label!] ?? 'neutral' }));
}

/** Fold k of n by row position: deterministic, and each label spread over all folds. */
export function foldSplit<T>(rows: readonly T[], fold: number, folds: number): { train: T[]; test: T[] } {
  return { train: rows.filter((_, i) => i % folds !== fold), test: rows.filter((_, i) => i % folds === fold) };
}
