import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError } from '../errors.js';
import { getScenarios } from '../lib/scenarios.js';
import { practiseScenarioBuild, type TPractiseReading } from '../qa/practise-scenario.js';
import { findCustomScenarios } from '../repositories/roleplay.repository.js';
import { recordAudit } from './audit.service.js';
import { getConversation } from './qa-conversation.service.js';
import { saveScenario } from './roleplay.service.js';

/** Attempts at a free id when two clicks on the same conversation race each other. */
const SAVE_ATTEMPTS = 3;

/**
 * "Practise this": turns a conversation the caller may read into a draft role-play scenario
 * of the organisation (practise-scenario.ts builds it), saved like one a trainer wrote, so it
 * opens in the authoring page. Each click makes a new draft (qa-<id>, qa-<id>-2 …).
 * @param conversationId the analysed conversation
 * @param ip the caller's address, for the audit log
 * @returns the draft's summary (status draft)
 * @throws NOT_FOUND when the conversation is not the caller's to read (another team's, another organisation's);
 *   VALIDATION_FAILED when it has no customer message to practise from
 */
export async function practiseConversation(deps: TDeps, auth: TAuthContext, conversationId: string, ip: string) {
  const conversation = await getConversation(deps, auth, conversationId);
  const messages = conversation.messages.map((m) => ({ role: m.role, text: m.text, reading: m.role === 'customer' ? (m.reading as TPractiseReading | null) : null }));
  for (let attempt = 1; ; attempt += 1) {
    const taken = new Set([...getScenarios().keys(), ...(await findCustomScenarios(deps.db, auth.organisationId)).map((row) => row.scenarioId)]);
    const built = practiseScenarioBuild({ externalId: conversation.externalId, shop: conversation.shop, messages }, taken);
    if (!built.success) {
      if (built.reason === 'no_customer_message') {
        throw new AppError('VALIDATION_FAILED', 'This conversation has no customer message to practise from', [{ path: 'conversation', message: 'no customer message' }]);
      }
      // A generated scenario that fails the validator is our bug, not the caller's input.
      throw new Error(`calmdesk: practise scenario for ${conversation.id} is invalid: ${built.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
    try {
      const summary = await saveScenario(deps, auth, { yaml: built.data.yaml, status: 'draft' }, ip);
      await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'qa.conversation_practised', targetType: 'qa_conversation', targetId: conversation.id, details: { scenarioId: summary.id }, ip });
      return summary;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT' && attempt < SAVE_ATTEMPTS)) throw error;
    }
  }
}
