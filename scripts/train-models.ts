// Retrains the engine's statistical models from ../shared/data and writes them to
// content/models/. Deterministic: the same data gives byte-identical files.
//   npx tsx scripts/train-models.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatContentErrors, loadT2s } from '@calmdesk/content';
import { normalizerCreate } from '@calmdesk/engine';
import { hasSharedData } from './lib/datasets.js';
import { asProductLabels, readClueRowsAsSmp, readPolarityRows, readSmpRows, readTrainingMessages, readTrainingReplies, trainEmotion, trainPolarity, trainReplyIssues } from './lib/models.js';

if (!hasSharedData()) {
  console.error('train-models: ../shared/data is not here; nothing to train from.');
  process.exit(1);
}
const outDir = fileURLToPath(new URL('../content/models', import.meta.url));
fs.mkdirSync(outDir, { recursive: true });
const t2s = await loadT2s();
if (!t2s.success) {
  console.error(`train-models: content/lexicons/t2s.yaml is invalid:\n${formatContentErrors(t2s.errors)}`);
  process.exit(1);
}
const normalize = normalizerCreate(t2s.data);

let started = Date.now();
const polarity = trainPolarity(readPolarityRows(), normalize, 'online_shopping_10_cats (62,773 reviews, all rows)');
fs.writeFileSync(path.join(outDir, 'polarity.json'), JSON.stringify(polarity));
console.log(`polarity: ${polarity.grams.length} n-grams in ${((Date.now() - started) / 1000).toFixed(1)} s`);

started = Date.now();
const training = readTrainingMessages();
const emotion = trainEmotion([...training, ...asProductLabels([...readSmpRows(), ...readClueRowsAsSmp()])], normalize, `content/training (${training.length} customer-service messages written by the team, weight 3) + SMP2020-EWECT usual+virus eval (4,000) + CLUEmotion2020 valid (3,966), Weibo labels mapped to ours`);
fs.writeFileSync(path.join(outDir, 'emotion.json'), JSON.stringify(emotion));
console.log(`emotion: ${emotion.grams.length} n-grams in ${((Date.now() - started) / 1000).toFixed(1)} s`);

started = Date.now();
const replyModels = trainReplyIssues(readTrainingReplies(), normalize);
fs.writeFileSync(path.join(outDir, 'reply-issues.json'), JSON.stringify(replyModels));
console.log(`reply issues: ${replyModels.length} models in ${((Date.now() - started) / 1000).toFixed(1)} s`);
