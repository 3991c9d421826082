import { surveyTemplate, type TRole, type TSurveyAnswers } from '@calmdesk/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { memberships, surveyRecipients, surveyResponses, surveys } from '../db/schema.js';
import { findUserTeams } from '../repositories/user.repository.js';
import { notify } from '../services/notification.service.js';
import { surveyLevelOf, tenureMonthsAt } from '../services/survey-answers.js';
import { chinaDay, chinaQuarter, dueAtOf } from '../services/survey.service.js';
import type { TDemoPeople } from './demo.js';

/**
 * The surveys area of the demo: last quarter's needs analysis, closed, with 25 anonymous answers
 * from agents, the mentor and the deputy (so the report, its breakdowns and its hidden cells
 * show something), and this quarter's, open, sent to every agent, a dozen answered. The answers
 * are drawn from a fixed seed with tendencies a real team shows: new hires struggle to calm down
 * and to read emotions, veterans to say no and to leave work at work; after-sales feels the
 * pressure more.
 */

const DAY_MS = 86_400_000;

/** Mulberry32: a tiny deterministic generator, so every fresh install shows the same demo. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type TRandom = () => number;
type TProfile = { isNew: boolean; isAfterSales: boolean };

const likert = (random: TRandom, mean: number) => Math.max(1, Math.min(5, Math.round(mean + (random() - 0.5) * 2.4)));
/** Each option with its chance; at least the likeliest one, at most `max`. */
function someOf(random: TRandom, options: readonly string[], chances: readonly number[], max: number): string[] {
  const picked = options.filter((_, i) => random() < chances[i]!);
  if (picked.length === 0) picked.push(options[chances.indexOf(Math.max(...chances))]!);
  return options.filter((option) => picked.slice(0, max).includes(option));
}
function oneOf(random: TRandom, options: readonly string[], weights: readonly number[]): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = random() * total;
  for (const [i, weight] of weights.entries()) {
    roll -= weight;
    if (roll < 0) return options[i]!;
  }
  return options[options.length - 1]!;
}

const COMPLAINT_STORIES = [
  '顾客收到的羽绒服有线头，一上来就说我们卖假货、要去平台投诉。我一开始解释了质检流程，她更生气了。后来先道歉、说理解她的心情，再给了换新加运费险的方案，她才平静下来。现在会先接住情绪再解释。',
  '快递显示签收但顾客说没收到，连发了十几条消息骂人。我当时有点慌，只会说“亲请耐心等待”。回头看应该先说清楚我会怎么查、几点前给答复。',
  '大促期间一个顾客第三次来问退款进度，说再不到账就打 12315。我把情况报给主管，主管帮忙加急，当天就到账了。那次学到了什么时候该请主管介入。',
  '顾客因为优惠券没用上要求补差价，规则确实不支持。我直接说“规则就是这样”，结果被打了差评。其实可以先认同她的失望，再给一个小的补偿方案。',
  '有位老顾客说我们的客服态度越来越差，之前的问题一直没人跟进。我翻了聊天记录，确实之前漏了回复，就诚恳道歉并留了我的工号，承诺每天同步进度，最后她追加了好评。',
  '晚上十点多接到一个顾客破口大骂，我下班后一直想着这件事，第二天状态也不好。希望能学一些下班后调整自己的方法。',
  '顾客坚持要我们承担她自己选错尺码的退货运费，反复纠缠了一个小时。我不知道怎么拒绝又不把关系搞僵。',
  '商品描述写的是“约 500ml”，顾客量出来 480ml，说我们虚假宣传要三倍赔偿。我请示主管后按规则处理，但沟通过程很吃力。',
  '顾客一句话不说先发了一个差评截图，我一开始以为是挑衅，后来发现是物流把东西压坏了，她只是太着急。读懂情绪真的很重要。',
  '仓库发错了颜色，顾客要求当天必须补发。我答应了“今天一定发”，结果仓库来不及，顾客更生气了。以后不再承诺做不到的事。',
];
const SUGGESTIONS = [
  '希望多一些真实案例复盘，最好用我们店自己的聊天记录（打码）。',
  '角色扮演很有用，希望每个月都能练一次难缠顾客。',
  '培训尽量安排在咨询低峰期，不要占用下班时间。',
  '新人刚上线时最怕被骂，希望导师能在旁边带几天。',
  '想学一下怎么写道歉的话，不要每次都是“非常抱歉给您带来不便”。',
  '可以做一些 5 分钟的小视频，排队不多的时候就能看。',
  '希望主管也参加，一起讨论哪些情况可以直接给补偿。',
  '大促前做一次专门的压力疏导。',
];

/** One needs-analysis answer from a person with this profile (texts from the template's Chinese options). */
function needsAnswer(random: TRandom, profile: TProfile): TSurveyAnswers {
  const { questions } = surveyTemplate('needs', 'zh-CN');
  const options = Object.fromEntries(questions.map((q) => [q.id, q.options]));
  const answers: TSurveyAnswers = {
    stressors: someOf(random, options.stressors!, profile.isAfterSales ? [0.7, 0.45, 0.55, 0.3, 0.35, 0.35, 0.45, 0.12] : [0.45, 0.55, 0.2, 0.4, 0.55, 0.2, 0.1, 0.12], 3),
    stress_level: likert(random, profile.isAfterSales ? 4 : 3.4),
    weak_points: someOf(random, options.weak_points!, profile.isNew ? [0.7, 0.5, 0.4, 0.25, 0.35, 0.35, 0.2, 0.3] : [0.35, 0.15, 0.2, 0.45, 0.55, 0.1, 0.45, 0.15], 3),
    confidence: likert(random, profile.isNew ? 2.6 : 3.6),
    complaint_cause: oneOf(random, options.complaint_cause!, profile.isAfterSales ? [5, 3, 6, 1, 2, 1] : [2, 2, 1, 4, 3, 5]),
    past_satisfaction: likert(random, 3.8),
    past_usefulness: likert(random, 3.1),
    formats: someOf(random, options.formats!, [0.2, 0.7, 0.6, 0.45, profile.isNew ? 0.6 : 0.2, 0.3], 3),
  };
  if (random() < 0.8) answers.preferred_time = oneOf(random, options.preferred_time!, [4, 1, 0.5, 5]);
  if (random() < 0.45) answers.complaint_story = COMPLAINT_STORIES[Math.floor(random() * COMPLAINT_STORIES.length)]!;
  if (random() < 0.35) answers.suggestions = SUGGESTIONS[Math.floor(random() * SUGGESTIONS.length)]!;
  return answers;
}

/** The first day (China time) of the quarter a moment falls in. */
function quarterStart(at: Date): Date {
  const quarter = chinaQuarter(at);
  const month = (Number(quarter.slice(-1)) - 1) * 3 + 1;
  return new Date(`${quarter.slice(0, 4)}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`);
}

/** Demo data of the surveys area, added when the demo organisation is created. */
export async function seedSurveyDemo(tx: TDb, organisationId: string, people: TDemoPeople): Promise<void> {
  const trainerId = people.byLogin.get('trainer') ?? null;
  const afterSalesTeamId = people.teamIds[1];
  const now = new Date();
  const thisQuarter = quarterStart(now);
  const lastQuarter = quarterStart(new Date(thisQuarter.getTime() - DAY_MS));
  const template = surveyTemplate('needs', 'zh-CN');

  const memberRows = await tx.select({ userId: memberships.userId, roles: memberships.roles, hireDate: memberships.hireDate }).from(memberships).where(eq(memberships.organisationId, organisationId));
  const teams = await findUserTeams(tx, organisationId, memberRows.map((m) => m.userId));
  const teamOf = (userId: string) => teams.find((t) => t.userId === userId)?.id ?? null;
  const profile = (userId: string, at: Date): TProfile => {
    const months = tenureMonthsAt(people.hireDates.get(userId) ?? null, at);
    return { isNew: months !== null && months < 6, isAfterSales: teamOf(userId) === afterSalesTeamId };
  };
  const hiredBy = (userId: string, at: Date) => (people.hireDates.get(userId) ?? '9999') <= chinaDay(at);
  const agents = memberRows.filter((m) => (m.roles as TRole[]).includes('agent'));
  const random = generator(20_261_004);

  // Last quarter: closed, sent to the agents, the mentor and the deputy who had joined by then.
  const lastOpened = new Date(lastQuarter.getTime() + 70 * DAY_MS);
  const lastClosed = new Date(lastOpened.getTime() + 14 * DAY_MS);
  const deputyId = people.byLogin.get('deputy');
  const lastRecipients = memberRows.filter((m) => (agents.includes(m) || m.userId === deputyId) && hiredBy(m.userId, lastOpened));
  const [last] = await tx
    .insert(surveys)
    .values({
      organisationId,
      kind: 'needs',
      title: `${chinaQuarter(lastQuarter)} 季度培训需求调研`,
      description: template.description,
      questions: template.questions,
      isAnonymous: true,
      status: 'closed',
      period: chinaQuarter(lastQuarter),
      dueAt: dueAtOf(chinaDay(new Date(lastOpened.getTime() + 10 * DAY_MS))),
      openedAt: lastOpened,
      closedAt: lastClosed,
      createdBy: trainerId,
      createdAt: new Date(lastOpened.getTime() - 2 * DAY_MS),
    })
    .returning({ id: surveys.id });
  // Everyone but two answered; the deputy and the mentor did, so their levels show as hidden cells of one.
  const silent = new Set(lastRecipients.filter((m) => !(m.roles as TRole[]).includes('mentor') && m.userId !== deputyId && m.userId !== people.byLogin.get('agent')).slice(-2).map((m) => m.userId));
  await seedRound(tx, organisationId, last!.id, lastRecipients, silent, lastOpened, 12, random, profile, teamOf);

  // This quarter: open, sent to every agent, about a dozen have answered; the demo "agent" has not yet.
  const opened = new Date(now.getTime() - 5 * DAY_MS);
  const [current] = await tx
    .insert(surveys)
    .values({
      organisationId,
      kind: 'needs',
      title: `${chinaQuarter(now)} 季度培训需求调研`,
      description: template.description,
      questions: template.questions,
      isAnonymous: true,
      status: 'open',
      period: chinaQuarter(now),
      dueAt: dueAtOf(chinaDay(new Date(now.getTime() + 9 * DAY_MS))),
      openedAt: opened,
      createdBy: trainerId,
      createdAt: new Date(opened.getTime() - DAY_MS),
    })
    .returning({ id: surveys.id, title: surveys.title, dueAt: surveys.dueAt });
  const answeredNow = new Set(agents.filter((m, i) => i % 8 < 3 && m.userId !== people.byLogin.get('agent')).map((m) => m.userId));
  answeredNow.add(people.byLogin.get('mentor')!);
  const pending = new Set(agents.map((m) => m.userId).filter((id) => !answeredNow.has(id)));
  await seedRound(tx, organisationId, current!.id, agents, pending, opened, 4, random, profile, teamOf);
  await notify(tx, organisationId, [...pending], {
    kind: 'survey_invite',
    title: { zh: `请填写问卷：${current!.title}`, en: `A survey for you: ${current!.title}` },
    body: { zh: `请在 ${chinaDay(current!.dueAt!)} 前完成，大约需要几分钟。`, en: `Please answer by ${chinaDay(current!.dueAt!)}; it takes a few minutes.` },
    link: `/my/surveys/${current!.id}`,
  });
}

/** Recipients of one survey and the answers of those not in `silent`, spread over `spreadDays` after opening. */
async function seedRound(
  tx: TDb,
  organisationId: string,
  surveyId: string,
  recipients: { userId: string; roles: string[]; hireDate: string | null }[],
  silent: Set<string>,
  opened: Date,
  spreadDays: number,
  random: TRandom,
  profile: (userId: string, at: Date) => TProfile,
  teamOf: (userId: string) => string | null,
): Promise<void> {
  for (const member of recipients) {
    const respondedAt = silent.has(member.userId) ? null : new Date(opened.getTime() + Math.floor(random() * spreadDays * 24) * 3_600_000 + 3_600_000);
    await tx.insert(surveyRecipients).values({ surveyId, userId: member.userId, invitedAt: opened, respondedAt });
    if (!respondedAt) continue;
    await tx.insert(surveyResponses).values({
      surveyId,
      organisationId,
      userId: null,
      answers: needsAnswer(random, profile(member.userId, respondedAt)),
      level: surveyLevelOf(member.roles as TRole[]),
      tenureMonths: tenureMonthsAt(member.hireDate, respondedAt),
      teamId: teamOf(member.userId),
      submittedAt: new Date(`${chinaDay(respondedAt)}T00:00:00+08:00`),
    });
  }
  // Reminders went to those still silent halfway through.
  if (silent.size > 0) {
    await tx
      .update(surveyRecipients)
      .set({ remindedAt: new Date(opened.getTime() + 3 * DAY_MS) })
      .where(and(eq(surveyRecipients.surveyId, surveyId), inArray(surveyRecipients.userId, [...silent])));
  }
}
