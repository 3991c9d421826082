/** TanStack Query keys, in one place so invalidation cannot miss a spelling. */
export const queryKeys = {
  session: ['session'] as const,
  teams: ['teams'] as const,
  adminUsers: ['admin', 'users'] as const,
  adminUser: (id: string) => ['admin', 'users', 'one', id] as const,
  adminAudit: ['admin', 'audit'] as const,
};
