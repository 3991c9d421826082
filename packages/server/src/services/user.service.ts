import type { TCreateUserRequest, TRole, TUpdateUserRequest, TUserSummary } from '@calmdesk/shared';
import { ZCreateUserRequest, ZUpdateUserRequest } from '@calmdesk/shared';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { AppError, notFound } from '../errors.js';
import { hashPassword } from '../lib/password.js';
import { deleteUserSessions } from '../repositories/session.repository.js';
import { findTeamIdsInOrganisation, findTeamMemberIds } from '../repositories/team.repository.js';
import {
  countActiveAdmins,
  deleteMembership,
  findMember,
  findMembers,
  findUserByLogin,
  findUserTeams,
  insertMembership,
  insertUser,
  replaceUserTeams,
  updateMembership,
  updateUser,
  type TMemberRow,
} from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';

/** Serialises changes that could remove an organisation's last admin (two admins demoting each other at once). */
async function lockAdminSet(tx: TDb, organisationId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`admins:${organisationId}`}))`);
}

async function presentMembers(deps: TDeps, organisationId: string, rows: TMemberRow[]): Promise<TUserSummary[]> {
  const teamRows = await findUserTeams(deps.db, organisationId, rows.map((r) => r.id));
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    displayName: r.displayName,
    roles: r.roles as TRole[],
    teams: teamRows.filter((t) => t.userId === r.id).map((t) => ({ id: t.id, name: t.name })),
    hireDate: r.hireDate,
    isActive: r.isActive,
    isLocked: r.lockedUntil !== null && r.lockedUntil.getTime() > now,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listUsers(
  deps: TDeps,
  organisationId: string,
  query: { q?: string | undefined; role?: TRole | undefined; teamId?: string | undefined; page: number; pageSize: number },
) {
  const { rows, total } = await findMembers(deps.db, organisationId, {
    q: query.q,
    role: query.role,
    teamId: query.teamId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { users: await presentMembers(deps, organisationId, rows), total };
}

export async function getUser(deps: TDeps, organisationId: string, userId: string): Promise<TUserSummary> {
  const row = await findMember(deps.db, organisationId, userId);
  if (!row) throw notFound('User');
  return (await presentMembers(deps, organisationId, [row]))[0]!;
}

async function assertTeamsInOrganisation(deps: TDeps, organisationId: string, teamIds: string[]): Promise<void> {
  const found = await findTeamIdsInOrganisation(deps.db, organisationId, teamIds);
  const missing = teamIds.filter((id) => !found.includes(id));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Unknown team', [{ path: 'teamIds', message: `no such team: ${missing.join(', ')}` }]);
  }
}

/** Creates a person in the admin's organisation. Logins are unique across the install. */
export async function createUser(deps: TDeps, auth: TAuthContext, input: z.output<typeof ZCreateUserRequest>, ip: string): Promise<TUserSummary> {
  const teamIds = [...new Set(input.teamIds)];
  await assertTeamsInOrganisation(deps, auth.organisationId, teamIds);
  if (await findUserByLogin(deps.db, input.login)) {
    throw new AppError('CONFLICT', 'This login is already taken', [{ path: 'login', message: 'already taken' }]);
  }
  const passwordHash = await hashPassword(input.password);
  const roles = [...new Set(input.roles)];
  const userId = await deps.db.transaction(async (tx) => {
    const id = await insertUser(tx, { login: input.login, displayName: input.displayName, passwordHash });
    await insertMembership(tx, { userId: id, organisationId: auth.organisationId, roles, hireDate: input.hireDate ?? null });
    await replaceUserTeams(tx, auth.organisationId, id, teamIds);
    await recordAudit({ db: tx }, {
      organisationId: auth.organisationId,
      actorUserId: auth.userId,
      action: 'user.created',
      targetType: 'user',
      targetId: id,
      details: { login: input.login, roles },
      ip,
    });
    return id;
  });
  return getUser(deps, auth.organisationId, userId);
}

/** Edits a person's name, roles, teams, hire date or active state in this organisation. */
export async function updateUserInOrganisation(
  deps: TDeps,
  auth: TAuthContext,
  userId: string,
  input: z.output<typeof ZUpdateUserRequest>,
  ip: string,
): Promise<TUserSummary> {
  const before = await findMember(deps.db, auth.organisationId, userId);
  if (!before) throw notFound('User');
  const teamIds = input.teamIds ? [...new Set(input.teamIds)] : undefined;
  if (teamIds) await assertTeamsInOrganisation(deps, auth.organisationId, teamIds);
  const roles = input.roles ? [...new Set(input.roles)] : undefined;
  const wasAdmin = before.isActive && before.roles.includes('admin');
  const staysAdmin = (input.isActive ?? before.isActive) && (roles ?? (before.roles as TRole[])).includes('admin');
  await deps.db.transaction(async (tx) => {
    if (wasAdmin && !staysAdmin) {
      await lockAdminSet(tx, auth.organisationId);
      if ((await countActiveAdmins(tx, auth.organisationId)) <= 1) {
        throw new AppError('CONFLICT', 'An organisation needs at least one active admin');
      }
    }
    if (input.displayName !== undefined) await updateUser(tx, userId, { displayName: input.displayName });
    await updateMembership(tx, auth.organisationId, userId, {
      ...(roles ? { roles } : {}),
      ...(input.hireDate !== undefined ? { hireDate: input.hireDate } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    });
    if (teamIds) await replaceUserTeams(tx, auth.organisationId, userId, teamIds);
    if (input.isActive === false) await deleteUserSessions(tx, userId);
    const audit = { organisationId: auth.organisationId, actorUserId: auth.userId, targetType: 'user', targetId: userId, ip };
    if (roles && [...roles].sort().join() !== [...before.roles].sort().join()) {
      await recordAudit({ db: tx }, { ...audit, action: 'user.roles_changed', details: { before: before.roles, after: roles } });
    }
    const changed = Object.keys(input).filter((k) => k !== 'roles');
    if (changed.length > 0) await recordAudit({ db: tx }, { ...audit, action: 'user.updated', details: { fields: changed } });
  });
  return getUser(deps, auth.organisationId, userId);
}

/** Sets a new password for a member; their sessions end and any lockout is lifted. */
export async function resetUserPassword(deps: TDeps, auth: TAuthContext, userId: string, newPassword: string, ip: string): Promise<void> {
  if (!(await findMember(deps.db, auth.organisationId, userId))) throw notFound('User');
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, userId, { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
    await deleteUserSessions(tx, userId);
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'user.password_reset', targetType: 'user', targetId: userId, ip });
  });
}

/** Removes a person from this organisation (their account and other memberships stay). */
export async function removeUserFromOrganisation(deps: TDeps, auth: TAuthContext, userId: string, ip: string): Promise<void> {
  const member = await findMember(deps.db, auth.organisationId, userId);
  if (!member) throw notFound('User');
  await deps.db.transaction(async (tx) => {
    if (member.isActive && member.roles.includes('admin')) {
      await lockAdminSet(tx, auth.organisationId);
      if ((await countActiveAdmins(tx, auth.organisationId)) <= 1) throw new AppError('CONFLICT', 'An organisation needs at least one active admin');
    }
    await replaceUserTeams(tx, auth.organisationId, userId, []);
    await deleteMembership(tx, auth.organisationId, userId);
    await recordAudit({ db: tx }, {
      organisationId: auth.organisationId,
      actorUserId: auth.userId,
      action: 'user.removed',
      targetType: 'user',
      targetId: userId,
      details: { login: member.login },
      ip,
    });
  });
}

export type { TCreateUserRequest, TUpdateUserRequest };

/** Active members with their teams, sorted by name: who can be given an assignment. */
export async function listPeople(deps: TDeps, organisationId: string) {
  const { rows } = await findMembers(deps.db, organisationId, { limit: 10_000, offset: 0 });
  const active = rows.filter((r) => r.isActive);
  const teamRows = await findUserTeams(deps.db, organisationId, active.map((r) => r.id));
  return active
    .map((r) => ({ id: r.id, displayName: r.displayName, login: r.login, teams: teamRows.filter((t) => t.userId === r.id).map((t) => ({ id: t.id, name: t.name })) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}

/**
 * Checks that the teams and people of an assignment belong to the organisation, and
 * expands the teams to their members now.
 * @returns the distinct people to assign; VALIDATION_FAILED names teamIds or userIds otherwise
 */
export async function resolveAssignees(deps: TDeps, organisationId: string, input: { userIds: string[]; teamIds: string[] }): Promise<string[]> {
  const teamIds = await findTeamIdsInOrganisation(deps.db, organisationId, input.teamIds);
  if (teamIds.length !== new Set(input.teamIds).size) throw new AppError('VALIDATION_FAILED', 'Unknown team', [{ path: 'teamIds', message: 'a team is not in this organisation' }]);
  for (const userId of new Set(input.userIds)) {
    if (!(await findMember(deps.db, organisationId, userId))) throw new AppError('VALIDATION_FAILED', 'Unknown person', [{ path: 'userIds', message: `${userId} is not in this organisation` }]);
  }
  return [...new Set([...input.userIds, ...(await findTeamMemberIds(deps.db, organisationId, teamIds))])];
}
