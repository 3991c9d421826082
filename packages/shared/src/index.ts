export * from './api.js';
export * from './errors.js';
export * from './limits.js';
export * from './roles.js';
export * from './analysis.js';
export * from './roleplay.js';
export * from './learning.js';
export * from './qa.js';
