export { engineCreate, type TEngine } from './engine.js';
export { MAX_ANALYSED_CHARS, type TMessageAnalyzer } from './analyze-message.js';
export type { TReplyChecker } from './check-reply.js';
export type { TCustomerLexicon, TEngineResources, TPhrase, TReplyLexicon, TWeightedTerm } from './lexicon.js';
export { modelBankCompile, type TLinearModelData, type TModelBank } from './linear-model.js';
export { linearModelTrain, trainFeatures, type TTrainOptions } from './train-linear.js';
export { normalizerCreate, type TNormalizer } from './normalize.js';
export * from './conversation.js';
export * from './types.js';
