export { movesRead, simulatorCreate, type TSimulator } from './simulator.js';
export { RUBRIC, scorecardCompute } from './scorecard.js';
export * from './types.js';
