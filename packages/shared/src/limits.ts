/** Limits shared by server validation and web forms, so both reject the same input. */
export const LIMITS = {
  /** argon2id makes long passwords expensive to hash; 128 is far above any real passphrase. */
  passwordMin: 10,
  passwordMax: 128,
  loginMax: 64,
  displayNameMax: 80,
  teamNameMax: 80,
  orgNameMax: 120,
  /** Request bodies above this are refused with 413 (imports use their own upload route). */
  bodyLimitBytes: 1_048_576,
  pageSizeMax: 200,
} as const;
