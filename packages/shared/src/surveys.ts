/** Needs analysis and reaction questionnaires (SPEC §2.7, §2.8 level 1): /api/ops/surveys/*. */
export {};
