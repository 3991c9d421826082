import type { TDb } from '../db/client.js';
import { hashPassword } from '../lib/password.js';
import { deleteUserSessions } from '../repositories/session.repository.js';
import { findActiveMemberships, findUserByLogin, updateUser } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';

/**
 * Operator recovery from the command line (a locked-out or forgotten admin): sets a new
 * password, lifts the lockout, ends the person's sessions, and audits it in each of their
 * organisations as done by the console.
 * @returns false when no such login exists
 */
export async function resetPasswordByLogin(db: TDb, login: string, newPassword: string): Promise<boolean> {
  const user = await findUserByLogin(db, login);
  if (!user) return false;
  const passwordHash = await hashPassword(newPassword);
  const organisations = await findActiveMemberships(db, user.id);
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
    await deleteUserSessions(tx, user.id);
    for (const organisation of organisations) {
      await recordAudit({ db: tx }, { organisationId: organisation.id, actorUserId: null, action: 'user.password_reset', targetType: 'user', targetId: user.id, details: { via: 'cli' } });
    }
  });
  return true;
}
