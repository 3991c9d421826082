import { createHash, randomBytes } from 'node:crypto';
import { maskPersonalData } from '@calmdesk/engine';
import { eq } from 'drizzle-orm';
import { assistEscalationLink } from '@calmdesk/shared';
import type { TDb } from '../db/client.js';
import { assistConversations, assistEscalations, assistPauses, organisationApiTokens } from '../db/schema.js';
import { notify } from '../services/notification.service.js';
import type { TDemoPeople } from './demo.js';

/**
 * Today's live-assist load for several agents of both demo teams (counts and risk levels only,
 * as the app keeps them), with runs of high-risk chats for agent01 and agent04 (the pause
 * suggestion shows on the supervisor's and the deputy's load views), two in a row for `agent`
 * (one more high-risk chat on the assist page brings the pause suggestion), one open
 * escalation from `agent` to `supervisor`, and an API token for a demo chat tool (its secret
 * was thrown away: make a new one under 对接与令牌 to try the stream).
 */

type TRisk = 'low' | 'medium' | 'high';

/** Peak risk per conversation, oldest first; the last entries form the current run. */
const DAY: Record<string, TRisk[]> = {
  agent: ['low', 'medium', 'low', 'high', 'high'],
  mentor: ['low', 'low', 'medium'],
  agent01: ['medium', 'low', 'high', 'high', 'high', 'high'],
  agent02: ['low', 'low', 'medium', 'low'],
  agent03: ['low', 'high', 'low', 'medium'],
  agent04: ['low', 'medium', 'high', 'high', 'high'],
  agent05: ['low', 'low'],
  agent06: ['medium', 'high', 'low'],
};

/** The escalated chat, as the excerpt keeps it (the phone number is masked on the way in). */
const EXCERPT = [
  { role: 'customer', text: '我上周买的扫地机器人，用了三天就不转了，申请退货一直没人处理' },
  { role: 'agent', text: '非常抱歉给您添麻烦了，我马上帮您查一下售后进度' },
  { role: 'customer', text: '第三次找你们了！！！今天再不给我退款我就投诉到12315，我电话13812345678' },
  { role: 'agent', text: '理解您的着急，这件事我现在就请主管介入' },
] as const;

export async function seedAssistDemo(tx: TDb, organisationId: string, people: TDemoPeople): Promise<void> {
  const now = Date.now();
  let escalatedConversation: string | undefined;
  for (const [login, peaks] of Object.entries(DAY)) {
    const agentId = people.byLogin.get(login);
    if (!agentId) continue;
    // Conversations spread over the last hours, 18 minutes apart, the last one 10 minutes ago.
    for (const [i, peak] of peaks.entries()) {
      const startedAt = new Date(now - (10 + (peaks.length - 1 - i) * 18) * 60_000);
      const customerMessageCount = 3 + ((i * 5 + login.length) % 6);
      const isLast = i === peaks.length - 1;
      const [row] = await tx
        .insert(assistConversations)
        .values({
          organisationId,
          agentId,
          source: i % 3 === 2 ? 'stream' : 'page',
          externalRef: i % 3 === 2 ? `demo-${login}-${i}` : null,
          customerMessageCount,
          agentMessageCount: customerMessageCount,
          peakRisk: peak,
          lastRisk: peak === 'high' && !isLast ? 'medium' : peak,
          startedAt,
          lastMessageAt: new Date(startedAt.getTime() + 9 * 60_000),
          closedAt: isLast ? null : new Date(startedAt.getTime() + 10 * 60_000),
        })
        .returning({ id: assistConversations.id });
      if (login === 'agent' && isLast) escalatedConversation = row!.id;
    }
  }
  // agent03 took a pause after the high-risk chat this morning: their run starts again after it.
  const agent03 = people.byLogin.get('agent03');
  if (agent03) await tx.insert(assistPauses).values({ organisationId, agentId: agent03, seconds: 60, takenAt: new Date(now - 40 * 60_000) });

  const agentId = people.byLogin.get('agent');
  const supervisorId = people.byLogin.get('supervisor');
  if (agentId && supervisorId && escalatedConversation) {
    const createdAt = new Date(now - 8 * 60_000);
    await tx.update(assistConversations).set({ escalatedAt: createdAt }).where(eq(assistConversations.id, escalatedConversation));
    const [escalation] = await tx
      .insert(assistEscalations)
      .values({
        organisationId,
        conversationId: escalatedConversation,
        agentId,
        risk: 'high',
        emotion: 'angry',
        excerpt: EXCERPT.map((m) => ({ role: m.role, text: maskPersonalData(m.text).text })),
        note: '顾客第三次来问退货，要求今天退款，提到12315',
        createdAt,
      })
      .returning({ id: assistEscalations.id });
    await notify(tx, organisationId, [supervisorId], {
      kind: 'assist.escalation',
      title: { zh: '李思琪 请您介入一个高风险会话', en: '李思琪 asks you to step in on a high-risk conversation' },
      body: { zh: '顾客第三次来问退货，要求今天退款，提到12315', en: 'Third contact about a return; wants a refund today; mentioned 12315.' },
      link: assistEscalationLink(escalation!.id),
    });
  }

  // A token for the demo shop's chat tool; its secret is not kept anywhere.
  const secret = `cdk_${randomBytes(32).toString('base64url')}`;
  await tx.insert(organisationApiTokens).values({
    organisationId,
    name: '千牛接待台插件 Qianniu plug-in',
    tokenHash: createHash('sha256').update(secret).digest('hex'),
    prefix: secret.slice(0, 12),
    createdBy: people.byLogin.get('admin') ?? null,
    createdAt: new Date(now - 7 * 86_400_000),
    lastUsedAt: new Date(now - 2 * 3_600_000),
  });
}
