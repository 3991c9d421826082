import type { TLocale, TSessionResponse } from '@calmdesk/shared';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError } from '../errors.js';
import { getDummyHash, hashPassword, verifyPassword } from '../lib/password.js';
import { createToken, hashToken } from '../lib/tokens.js';
import {
  countLoginAttempt,
  deleteSession,
  deleteUserSessions,
  insertSession,
  updateSessionOrganisation,
} from '../repositories/session.repository.js';
import {
  findActiveMemberships,
  findOrganisation,
  findUserById,
  findUserByLogin,
  findUserTeams,
  recordFailedLogin,
  updateUser,
} from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';

export type TClientInfo = { ip: string; userAgent: string | undefined };

/**
 * Checks a login and opens a session.
 * Order matters: the per-address limit first (cheap, stops password spraying), then the
 * per-account lock (no password check while locked, so guessing does not continue).
 * @returns the new session token (for the cookie) and the session view
 */
export async function login(
  deps: TDeps,
  input: { login: string; password: string; organisationId?: string | undefined },
  client: TClientInfo,
): Promise<{ token: string; session: TSessionResponse }> {
  const attempts = await countLoginAttempt(deps.db, `ip:${client.ip}`);
  if (attempts > deps.config.loginRatePerMinute) {
    throw new AppError('RATE_LIMITED', 'Too many login attempts from this address; wait a minute', undefined, 60);
  }
  const user = await findUserByLogin(deps.db, input.login);
  if (!user) {
    await verifyPassword(await getDummyHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong login or password');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    throw new AppError('ACCOUNT_LOCKED', `Account locked until ${user.lockedUntil.toISOString()} after repeated failed logins`, undefined, (user.lockedUntil.getTime() - Date.now()) / 1000);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const isLocked = await recordFailedLogin(deps.db, user.id, deps.config.loginMaxFailures, deps.config.lockoutMinutes);
    const organisationId = (await findActiveMemberships(deps.db, user.id))[0]?.id ?? null;
    await recordAudit(deps, { organisationId, actorUserId: user.id, action: isLocked ? 'auth.account_locked' : 'auth.login_failed', ip: client.ip });
    if (isLocked) throw new AppError('ACCOUNT_LOCKED', 'Too many failed logins; the account is locked for a while', undefined, deps.config.lockoutMinutes * 60);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong login or password');
  }
  const organisations = await findActiveMemberships(deps.db, user.id);
  const chosen = input.organisationId ? organisations.find((o) => o.id === input.organisationId) : organisations[0];
  if (!chosen) throw new AppError('NO_ORGANISATION', 'This account belongs to no active organisation');

  await updateUser(deps.db, user.id, { failedLogins: 0, lockedUntil: null });
  const token = createToken();
  const tokenHash = hashToken(token);
  const csrfToken = createToken();
  await insertSession(deps.db, {
    tokenHash,
    userId: user.id,
    organisationId: chosen.id,
    csrfToken,
    expiresAt: new Date(Date.now() + deps.config.sessionTtlHours * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await recordAudit(deps, { organisationId: chosen.id, actorUserId: user.id, action: 'auth.login', ip: client.ip });
  const session = await describeSession(deps, { userId: user.id, organisationId: chosen.id, csrfToken });
  return { token, session };
}

/**
 * Builds the session view the web app starts from.
 * @param who user, organisation and the session's CSRF token
 */
export async function describeSession(
  deps: TDeps,
  who: { userId: string; organisationId: string; csrfToken: string },
): Promise<TSessionResponse> {
  const [user, organisations, organisation, teams] = await Promise.all([
    findUserById(deps.db, who.userId),
    findActiveMemberships(deps.db, who.userId),
    findOrganisation(deps.db, who.organisationId),
    findUserTeams(deps.db, who.organisationId, [who.userId]),
  ]);
  const current = organisations.find((o) => o.id === who.organisationId);
  if (!user || !organisation || !current) throw new AppError('UNAUTHENTICATED', 'Session no longer valid');
  return {
    user: { id: user.id, login: user.login, displayName: user.displayName, locale: user.locale as TLocale },
    organisation: { id: organisation.id, name: organisation.name },
    roles: current.roles,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    organisations,
    csrfToken: who.csrfToken,
  };
}

export async function logout(deps: TDeps, auth: TAuthContext, ip: string): Promise<void> {
  await deleteSession(deps.db, auth.tokenHash);
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'auth.logout', ip });
}

/** Moves the session to another organisation the person belongs to. */
export async function switchOrganisation(deps: TDeps, auth: TAuthContext, organisationId: string): Promise<TSessionResponse> {
  const organisations = await findActiveMemberships(deps.db, auth.userId);
  if (!organisations.some((o) => o.id === organisationId)) throw new AppError('NOT_FOUND', 'Organisation not found');
  await updateSessionOrganisation(deps.db, auth.tokenHash, organisationId);
  return describeSession(deps, { userId: auth.userId, organisationId, csrfToken: auth.csrfToken });
}

export async function updateProfile(
  deps: TDeps,
  auth: TAuthContext,
  input: { displayName?: string | undefined; locale?: TLocale | undefined },
): Promise<TSessionResponse> {
  await updateUser(deps.db, auth.userId, {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  });
  return describeSession(deps, auth);
}

/** Changes one's own password; every other session of the person ends. */
export async function changePassword(
  deps: TDeps,
  auth: TAuthContext,
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<void> {
  const user = await findUserById(deps.db, auth.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', 'The current password is wrong');
  }
  await updateUser(deps.db, auth.userId, { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() });
  await deleteUserSessions(deps.db, auth.userId, auth.tokenHash);
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'password.changed', targetType: 'user', targetId: auth.userId, ip });
}
