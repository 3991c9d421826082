/** TanStack Query keys, in one place so invalidation cannot miss a spelling. */
export const queryKeys = {
  session: ['session'] as const,
  teams: ['teams'] as const,
  people: ['people'] as const,
  adminUsers: ['admin', 'users'] as const,
  adminUser: (id: string) => ['admin', 'users', 'one', id] as const,
  adminAudit: ['admin', 'audit'] as const,
  roleplay: ['roleplay'] as const,
  roleplayScenarios: ['roleplay', 'scenarios'] as const,
  roleplayScenario: (id: string) => ['roleplay', 'scenarios', 'one', id] as const,
  roleplayScenarioSource: (id: string) => ['roleplay', 'scenarios', 'source', id] as const,
  roleplayAttempts: ['roleplay', 'attempts'] as const,
  roleplayAttempt: (id: string) => ['roleplay', 'attempts', 'one', id] as const,
  roleplayAssignments: ['roleplay', 'assignments'] as const,
};
