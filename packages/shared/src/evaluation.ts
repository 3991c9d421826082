/** KPI import and the four-level dashboard (SPEC §2.8): /api/eval/*. */
export {};
