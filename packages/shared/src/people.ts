/** Mentoring, person records, points, suggestions, excellent-trainee selection (SPEC §2.7, §2.10): /api/ops/mentoring/*, /api/ops/records/*, /api/ops/points/*, /api/ops/suggestions/*, /api/ops/selections/*. */
export {};
