import { z } from 'zod';
import { LIMITS } from './limits.js';
import { ZRole } from './roles.js';

/** Request and response schemas of the HTTP API; the server validates with them, the web app types with them. */

export const ZLocale = z.enum(['zh-CN', 'en']);
export type TLocale = z.infer<typeof ZLocale>;

const ZLogin = z
  .string()
  .trim()
  .min(2)
  .max(LIMITS.loginMax)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only')
  .transform((v) => v.toLowerCase());
const ZPassword = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
const ZDisplayName = z.string().trim().min(1).max(LIMITS.displayNameMax);
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-01-31');

export const ZHealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'error']),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export const ZLoginRequest = z.object({
  login: z.string().trim().min(1).max(LIMITS.loginMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
  organisationId: z.uuid().optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZOrganisationRef = z.object({ id: z.uuid(), name: z.string() });

export const ZSessionResponse = z.object({
  user: z.object({ id: z.uuid(), login: z.string(), displayName: z.string(), locale: ZLocale }),
  organisation: ZOrganisationRef,
  roles: z.array(ZRole),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  organisations: z.array(ZOrganisationRef.extend({ roles: z.array(ZRole) })),
  csrfToken: z.string(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZSwitchOrganisationRequest = z.object({ organisationId: z.uuid() });

export const ZUpdateProfileRequest = z
  .object({ displayName: ZDisplayName.optional(), locale: ZLocale.optional() })
  .refine((v) => v.displayName !== undefined || v.locale !== undefined, 'give displayName or locale');

export const ZChangePasswordRequest = z.object({ currentPassword: z.string().min(1).max(LIMITS.passwordMax), newPassword: ZPassword });

export const ZTeam = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
});
export type TTeam = z.infer<typeof ZTeam>;
export const ZTeamListResponse = z.object({ teams: z.array(ZTeam) });

export const ZCreateTeamRequest = z.object({
  name: z.string().trim().min(1).max(LIMITS.teamNameMax),
  description: z.string().trim().max(500).default(''),
});
export const ZUpdateTeamRequest = z.object({
  name: z.string().trim().min(1).max(LIMITS.teamNameMax).optional(),
  description: z.string().trim().max(500).optional(),
});

export const ZUserSummary = z.object({
  id: z.uuid(),
  login: z.string(),
  displayName: z.string(),
  roles: z.array(ZRole),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  hireDate: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  createdAt: z.string(),
});
export type TUserSummary = z.infer<typeof ZUserSummary>;

export const ZUserListQuery = z.object({
  q: z.string().trim().max(80).optional(),
  role: ZRole.optional(),
  teamId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export const ZUserListResponse = z.object({ users: z.array(ZUserSummary), total: z.number().int() });

const ZRoleList = z.array(ZRole).min(1, 'give at least one role').max(7);

export const ZCreateUserRequest = z.object({
  login: ZLogin,
  displayName: ZDisplayName,
  password: ZPassword,
  roles: ZRoleList,
  teamIds: z.array(z.uuid()).max(20).default([]),
  hireDate: ZIsoDate.nullable().optional(),
});
export type TCreateUserRequest = z.input<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  displayName: ZDisplayName.optional(),
  roles: ZRoleList.optional(),
  teamIds: z.array(z.uuid()).max(20).optional(),
  hireDate: ZIsoDate.nullable().optional(),
  isActive: z.boolean().optional(),
});
export type TUpdateUserRequest = z.input<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.object({ newPassword: ZPassword });

export const ZAuditEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export const ZAuditListQuery = z.object({
  action: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export const ZAuditListResponse = z.object({ entries: z.array(ZAuditEntry), total: z.number().int() });

export const ZIdParams = z.object({ id: z.uuid() });
export const ZOkResponse = z.object({ ok: z.literal(true) });

/** The organisation's active people, for coaching roles that assign work to individuals. */
export const ZPeopleResponse = z.object({
  people: z.array(z.object({ id: z.uuid(), displayName: z.string(), login: z.string(), teams: z.array(z.object({ id: z.uuid(), name: z.string() })) })),
});
