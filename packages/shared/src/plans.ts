/** Yearly plans with approval, sessions, enrolment, sign-in, attendance, make-up tasks (SPEC §2.7): /api/ops/plans/*, /api/ops/sessions/*. */
export {};
