import type { TTeam } from '@calmdesk/shared';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { deleteTeam, findTeam, findTeamByName, findTeams, insertTeam, updateTeam } from '../repositories/team.repository.js';
import { recordAudit } from './audit.service.js';

export async function listTeams(deps: TDeps, organisationId: string): Promise<TTeam[]> {
  return findTeams(deps.db, organisationId);
}

async function assertNameFree(deps: TDeps, organisationId: string, name: string, exceptId?: string): Promise<void> {
  const existing = await findTeamByName(deps.db, organisationId, name);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CONFLICT', 'A team with this name exists', [{ path: 'name', message: 'already used' }]);
  }
}

export async function createTeam(deps: TDeps, auth: TAuthContext, input: { name: string; description: string }, ip: string): Promise<TTeam> {
  await assertNameFree(deps, auth.organisationId, input.name);
  const id = await insertTeam(deps.db, { organisationId: auth.organisationId, ...input });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'team.created', targetType: 'team', targetId: id, details: { name: input.name }, ip });
  return (await findTeam(deps.db, auth.organisationId, id))!;
}

export async function renameTeam(
  deps: TDeps,
  auth: TAuthContext,
  teamId: string,
  input: { name?: string | undefined; description?: string | undefined },
  ip: string,
): Promise<TTeam> {
  if (!(await findTeam(deps.db, auth.organisationId, teamId))) throw notFound('Team');
  if (input.name !== undefined) await assertNameFree(deps, auth.organisationId, input.name, teamId);
  await updateTeam(deps.db, auth.organisationId, teamId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'team.updated', targetType: 'team', targetId: teamId, details: input, ip });
  return (await findTeam(deps.db, auth.organisationId, teamId))!;
}

export async function removeTeam(deps: TDeps, auth: TAuthContext, teamId: string, ip: string): Promise<void> {
  const team = await findTeam(deps.db, auth.organisationId, teamId);
  if (!team) throw notFound('Team');
  await deleteTeam(deps.db, auth.organisationId, teamId);
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'team.deleted', targetType: 'team', targetId: teamId, details: { name: team.name }, ip });
}
