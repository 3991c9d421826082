import type { TPlanContent, TPlanItem } from '@calmdesk/shared';
import { ZPlanContent } from '@calmdesk/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { sessionEnrolments, trainingPlans, trainingPlanVersions, trainingSessions } from '../db/schema.js';
import { getScenarios } from '../lib/scenarios.js';
import { settleAbsences, settleMakeUpTasks } from '../services/attendance.service.js';
import { generatePlanSessions } from '../services/plan.service.js';
import { sendReactionSurvey } from '../services/survey.service.js';
import type { TDemoPeople } from './demo.js';

/**
 * Demo data of the plans area: this year's approved plan (monthly topic sessions, an online
 * module, a role-play day and a new-hire block), its past sessions held with attendance (a
 * few excused, two people absent: warnings, make-up tasks, one repeated absence, one make-up
 * already attended), one session today with sign-in open, a make-up session next week, and
 * next year's plan submitted as version 2 after the leader returned version 1.
 */

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;
/** A date in China time (YYYY-MM-DD) of an instant. */
const chinaDate = (at: Date) => new Date(at.getTime() + CHINA_MS).toISOString().slice(0, 10);

/** The second Thursday of a month (in-service topics are held then, in the afternoon). */
function secondThursday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (4 - first.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, month - 1, 1 + offset + 7)).toISOString().slice(0, 10);
}

const MONTHLY_THEMES: { theme: string; goal: string; instructor?: string }[] = [
  { theme: '情绪认知：识别自己的情绪信号', goal: '能说出自己在高压接待时的三种身体和情绪信号，并用情绪日记记录一周。' },
  { theme: 'ABC 情绪理论与认知调整', goal: '用 ABC 模型复盘一次被顾客指责的经历，找出不合理信念并改写。', instructor: '陈静（外聘心理咨询师）' },
  { theme: '投诉安抚话术：先处理心情，再处理事情', goal: '掌握“共情—确认—方案—跟进”四步，质检共情得分提升。' },
  { theme: '共情与积极倾听', goal: '练习复述确认与情绪标注，减少“您先别急”“这不是我们的问题”等禁忌表达。' },
  { theme: '“618”大促前的压力管理', goal: '大促前制定个人减压计划：呼吸放松、轮休安排、求助渠道。', instructor: '陈静（外聘心理咨询师）' },
  { theme: '差评回访与挽回', goal: '学会差评回访的开场、致歉与补偿边界，挽回率作为效果指标。' },
  { theme: '高温季节的情绪急救：呼吸与放松', goal: '掌握 4-7-8 呼吸和渐进式肌肉放松，能在两次接待之间做一分钟放松。' },
  { theme: '12315 与平台投诉的升级判断', goal: '识别升级信号（12315、曝光、律师函），按流程及时转交主管。' },
  { theme: '语言禁忌与替代说法', goal: '整理本店常见的 20 句禁忌表达及替代说法，纳入话术库。' },
  { theme: '团队支持与互助：情绪垃圾不过夜', goal: '建立班后十分钟互助分享，主管学会识别情绪耗竭的早期信号。' },
  { theme: '“双 11”复盘：高峰期典型案例', goal: '复盘三个真实高峰期案例，提炼可复用的安抚话术。' },
  { theme: '年度复盘与优秀学员经验分享', goal: '回顾全年培训效果，由优秀学员分享情绪管理方法。' },
];

/** Excuses people give, used for the few excused absences. */
const EXCUSES = ['病假（已提交假条）', '调休', '大促值班，主管批准', '家中有事，提前请假'];

/** A stable number in [0, 1) from two strings: the same demo every time. */
function unit(a: string, b: string): number {
  let hash = 2166136261;
  for (const char of `${a}|${b}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 10_000) / 10_000;
}

/** This year's plan: what the trainer wrote in January and the leader approved. */
function thisYearsContent(year: number, today: string, todayStart: string, todayMinutes: number, people: TDemoPeople): TPlanContent {
  const id = (login: string) => people.byLogin.get(login)!;
  const [preSales, afterSales] = people.teamIds as [string, string];
  const yearStart = `${year}-01-01`;
  // The first half's topics are for staff of more than a year (the backbone who coach the others); from July, everyone.
  const isFrontLine = (login: string) => login.startsWith('agent') || ['mentor', 'supervisor', 'deputy'].includes(login);
  const seniors = [...people.byLogin].filter(([login, userId]) => isFrontLine(login) && (people.hireDates.get(userId) ?? yearStart) < `${year - 1}-07-01`).map(([, userId]) => userId);
  const currentMonth = Number(today.slice(5, 7));
  const items: TPlanItem[] = MONTHLY_THEMES.map((topic, index) => {
    const month = index + 1;
    const isThisMonth = month === currentMonth && today.startsWith(`${year}-`);
    return {
      id: `monthly-${String(month).padStart(2, '0')}`,
      theme: `${month} 月专题：${topic.theme}`,
      goal: topic.goal,
      kind: 'classroom',
      date: isThisMonth ? today : secondThursday(year, month),
      startTime: isThisMonth ? todayStart : '14:00',
      durationMinutes: isThisMonth ? todayMinutes : 120,
      repeat: 1,
      everyDays: 7,
      location: '三楼培训室',
      instructorUserId: topic.instructor ? null : id('trainer'),
      instructorName: topic.instructor ?? null,
      courseId: null,
      scenarioIds: [],
      teamIds: month >= 7 ? [preSales, afterSales] : [],
      userIds: month >= 7 ? [] : seniors,
      budget: topic.instructor ? 2500 : 600,
      sourceSurveyId: null,
    };
  });
  const scenarioIds = [...getScenarios().keys()].slice(0, 3);
  // The latest new-hire block began on the Monday three to four weeks ago, for those hired in the two months before it.
  const weeksAgo = new Date(Date.now() + CHINA_MS - 24 * DAY_MS);
  const blockStart = chinaDate(new Date(weeksAgo.getTime() - CHINA_MS - ((weeksAgo.getUTCDay() + 6) % 7) * DAY_MS));
  const agents = new Set([...people.byLogin].filter(([login]) => login.startsWith('agent')).map(([, userId]) => userId));
  const newHires = [...people.hireDates].filter(([userId, hired]) => agents.has(userId) && hired <= blockStart && hired >= chinaDate(new Date(Date.parse(blockStart) - 60 * DAY_MS))).map(([userId]) => userId);
  items.push(
    {
      id: 'online-basics',
      theme: '线上课程：情绪管理基础（自学 + 随堂测验）',
      goal: '全员完成“认识情绪”“调节自身情绪”两门线上课程，测验 80 分以上。',
      kind: 'online',
      date: `${year}-03-02`,
      startTime: '10:00',
      durationMinutes: 60,
      repeat: 1,
      everyDays: 7,
      location: '学习中心（线上）',
      instructorUserId: id('trainer'),
      instructorName: null,
      courseId: null,
      scenarioIds: [],
      teamIds: [],
      userIds: seniors,
      budget: null,
      sourceSurveyId: null,
    },
    {
      id: 'roleplay-day',
      theme: '角色扮演日：难缠顾客情景演练',
      goal: '每人完成三个情景演练，得分 85 分以上；主管现场点评。',
      kind: 'roleplay_day',
      date: `${year}-09-18`,
      startTime: '09:30',
      durationMinutes: 360,
      repeat: 1,
      everyDays: 7,
      location: '三楼培训室 + 演练室',
      instructorUserId: id('supervisor'),
      instructorName: null,
      courseId: null,
      scenarioIds,
      teamIds: [preSales, afterSales],
      userIds: [],
      budget: 3000,
      sourceSurveyId: null,
    },
    {
      id: 'new-hire-block',
      theme: '新员工集中培训：服务规范与情绪管理入门',
      goal: '新员工五天集中学习：平台规则、服务话术、情绪识别与自我调节，结业考试通过后进入导师带教。',
      kind: 'classroom',
      date: blockStart.startsWith(`${year}-`) ? blockStart : `${year}-11-02`,
      startTime: '09:00',
      durationMinutes: 420,
      repeat: 5,
      everyDays: 1,
      location: '二楼新员工教室',
      instructorUserId: id('trainer'),
      instructorName: null,
      courseId: null,
      scenarioIds: [],
      teamIds: [],
      userIds: newHires,
      budget: 6000,
      sourceSurveyId: null,
    },
  );
  return ZPlanContent.parse({
    goals: ['客户投诉升级率较去年下降 20%', '质检共情得分达到 75 分以上的客服占比超过 80%', '新员工入职三个月内全部通过情绪管理考试', '培训出勤率保持在 95% 以上，缺勤当月补课'],
    methods: '月度专题课（每月第二个周四下午，两小时）+ 线上自学与随堂测验 + 角色扮演演练日 + 新员工五天集中培训后导师带教；每次课后发放反应层问卷，季度结合质检和 KPI 评估效果。',
    items,
    budget: 30000,
  });
}

/** Next year's plan as version 1 (returned) and version 2 (submitted, waiting for the leader). */
function nextYearsVersions(year: number, people: TDemoPeople): { v1: TPlanContent; v2: TPlanContent } {
  const [preSales, afterSales] = people.teamIds as [string, string];
  const trainer = people.byLogin.get('trainer')!;
  const item = (fields: Partial<TPlanItem> & Pick<TPlanItem, 'id' | 'theme' | 'date'>): TPlanItem =>
    ({ goal: '', kind: 'classroom', startTime: '14:00', durationMinutes: 120, repeat: 1, everyDays: 7, location: '三楼培训室', instructorUserId: trainer, instructorName: null, courseId: null, scenarioIds: [], teamIds: [preSales, afterSales], userIds: [], budget: null, sourceSurveyId: null, ...fields }) as TPlanItem;
  const v1Items = [
    item({ id: 'q1-topics', theme: '季度专题：投诉处理中的情绪急救', goal: '每季度一次，结合上季度质检问题。', date: `${year}-01-14`, repeat: 4, everyDays: 91 }),
    item({ id: 'stress-618', theme: '“618”大促前的压力管理', goal: '大促前一个月完成个人减压计划。', date: `${year}-05-28`, instructorUserId: null, instructorName: '陈静（外聘心理咨询师）' }),
    item({ id: 'new-hire', theme: '新员工集中培训（春季批次）', goal: '五天集中培训后进入导师带教。', date: `${year}-03-02`, startTime: '09:00', durationMinutes: 420, repeat: 5, everyDays: 1, location: '二楼新员工教室', teamIds: [] }),
    item({ id: 'roleplay', theme: '角色扮演日：差评与退款纠纷', goal: '每人完成三个情景，得分 85 以上。', date: `${year}-09-17`, kind: 'roleplay_day', startTime: '09:30', durationMinutes: 360 }),
  ];
  const v1 = ZPlanContent.parse({
    goals: ['投诉升级率再降 15%', '新员工三个月内全部通过考试'],
    methods: '季度专题 + 集中培训 + 演练日 + 导师带教。',
    items: v1Items,
    budget: 36000,
  });
  const v2Items = [
    { ...v1Items[0]!, budget: 4000 },
    { ...v1Items[1]!, date: `${year}-05-07`, budget: 2500 },
    { ...v1Items[2]!, budget: 8000 },
    { ...v1Items[3]!, budget: 3000 },
    item({ id: 'mentor-checkpoints', theme: '导师带教考核节点（入职第 2、4、8 周）', goal: '导师按清单考核新员工，结果记入带教记录；第 8 周未通过者安排补训。', date: `${year}-03-16`, kind: 'drill', durationMinutes: 60, repeat: 3, everyDays: 14, location: '各组工位', teamIds: [], instructorUserId: people.byLogin.get('mentor')!, budget: 1200 }),
  ];
  const v2 = ZPlanContent.parse({
    goals: ['投诉升级率再降 15%', '新员工三个月内全部通过考试', '导师带教覆盖全部新员工，第 8 周考核通过率 90%'],
    methods: '季度专题 + 春季新员工集中培训 + 导师带教（三个考核节点）+ 演练日；大促前一个月做压力管理。',
    items: v2Items,
    budget: 36000,
  });
  return { v1, v2 };
}

/** Marks a held session's attendance: mostly present, some late, a few excused, the given people absent. */
async function holdSession(tx: TDb, session: { id: string; title: string; startsAt: Date; endsAt: Date }, absentUserIds: string[], organisationId: string, trainerId: string, options: { isEveryonePresent?: boolean } = {}) {
  const enrolled = (await tx.select({ userId: sessionEnrolments.userId }).from(sessionEnrolments).where(eq(sessionEnrolments.sessionId, session.id))).map((row) => row.userId);
  const absent = enrolled.filter((userId) => absentUserIds.includes(userId));
  for (const userId of enrolled) {
    if (absent.includes(userId)) {
      await tx.update(sessionEnrolments).set({ attendance: 'absent', markedAt: session.endsAt }).where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.userId, userId)));
      continue;
    }
    const roll = options.isEveryonePresent ? 0.5 : unit(session.id, userId);
    if (roll < 0.04) {
      await tx
        .update(sessionEnrolments)
        .set({ attendance: 'excused', excuseReason: EXCUSES[Math.floor(roll * 100) % EXCUSES.length]!, markedBy: trainerId, markedAt: new Date(session.startsAt.getTime() - DAY_MS) })
        .where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.userId, userId)));
      continue;
    }
    const isLate = roll > 0.93;
    const minutes = isLate ? 12 + Math.floor(roll * 100) % 15 : -25 + Math.floor(roll * 1000) % 30;
    await tx
      .update(sessionEnrolments)
      .set({ attendance: isLate ? 'late' : 'present', signedInAt: new Date(session.startsAt.getTime() + minutes * 60_000), signInMethod: roll > 0.5 ? 'qr' : 'code' })
      .where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.userId, userId)));
  }
  await tx.update(trainingSessions).set({ status: 'held', closedAt: new Date(session.endsAt.getTime() + 10 * 60_000) }).where(eq(trainingSessions.id, session.id));
  if (absent.length > 0) await settleAbsences(tx, { organisationId, userId: trainerId }, session, absent, { kind: 'session', makeUpSessionId: null }, null);
}

/** Demo data of the plans area, added when the demo organisation is created. */
export async function seedPlanDemo(tx: TDb, organisationId: string, people: TDemoPeople): Promise<void> {
  const now = new Date();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const trainerId = people.byLogin.get('trainer')!;
  const leaderId = people.byLogin.get('leader')!;
  // Today's topic: at 14:00 if the morning is not over, else already running (started on the last half hour) so sign-in is open.
  const chinaMinutes = Math.floor(((now.getTime() + CHINA_MS) % DAY_MS) / 60_000);
  const startMinutes = chinaMinutes < 13 * 60 + 30 ? 14 * 60 : Math.min(Math.floor(chinaMinutes / 30) * 30, 21 * 60 + 30);
  const todayStart = `${String(Math.floor(startMinutes / 60)).padStart(2, '0')}:${String(startMinutes % 60).padStart(2, '0')}`;
  // Two hours, or longer late in the evening so that it still runs for an hour after the demo is made.
  const todayMinutes = Math.min(8 * 60, Math.max(120, chinaMinutes - startMinutes + 60));

  // This year's plan, approved in January; approval generates its sessions.
  const content = thisYearsContent(year, today, todayStart, todayMinutes, people);
  const [plan] = await tx
    .insert(trainingPlans)
    .values({ organisationId, year, title: `${year} 年度客服情绪管理培训计划`, status: 'approved', content, version: 1, createdBy: trainerId, createdAt: new Date(`${year}-01-04T09:00:00+08:00`), updatedAt: new Date(`${year}-01-08T16:20:00+08:00`) })
    .returning({ id: trainingPlans.id });
  await tx.insert(trainingPlanVersions).values({
    planId: plan!.id,
    version: 1,
    title: `${year} 年度客服情绪管理培训计划`,
    content,
    submittedBy: trainerId,
    submittedAt: new Date(`${year}-01-05T10:00:00+08:00`),
    decision: 'approved',
    decisionComment: '同意。大促前的压力管理课请提前通知主管排班，保证出勤。',
    decidedBy: leaderId,
    decidedAt: new Date(`${year}-01-08T16:20:00+08:00`),
  });
  await generatePlanSessions(tx, organisationId, plan!.id, content, trainerId);

  // Sessions that have ended are held: attendance settled. Two people missed the October and November topics.
  const sessions = await tx.select().from(trainingSessions).where(eq(trainingSessions.planId, plan!.id));
  const absences: Record<string, string[]> = {
    'monthly-10': [people.byLogin.get('agent07')!],
    'monthly-11': [people.byLogin.get('agent07')!, people.byLogin.get('agent12')!],
  };
  const past = sessions.filter((s) => s.endsAt < now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const session of past) await holdSession(tx, session, absences[session.planItemId ?? ''] ?? [], organisationId, trainerId);

  // October's absentee attended the make-up a week later (task done); November's make-up is next week.
  const october = past.find((s) => s.planItemId === 'monthly-10');
  if (october) {
    const startsAt = new Date(october.startsAt.getTime() + 7 * DAY_MS);
    if (startsAt < now) {
      const [makeUp] = await tx
        .insert(trainingSessions)
        .values({ organisationId, title: `补课：${october.title}`, description: '缺勤补课，内容与原课次相同。', kind: 'classroom', startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), location: '培训室（小）', instructorUserId: trainerId, makeUpForSessionId: october.id, createdBy: trainerId })
        .returning();
      await tx.insert(sessionEnrolments).values(absences['monthly-10']!.map((userId) => ({ sessionId: makeUp!.id, userId })));
      await holdSession(tx, makeUp!, [], organisationId, trainerId, { isEveryonePresent: true });
    }
  }
  const november = past.find((s) => s.planItemId === 'monthly-11');
  if (november) {
    const day = chinaDate(new Date(now.getTime() + 5 * DAY_MS));
    const startsAt = new Date(`${day}T18:30:00+08:00`);
    const [makeUp] = await tx
      .insert(trainingSessions)
      .values({ organisationId, title: `补课：${november.title}`, description: '缺勤补课，内容与原课次相同；完成后补课任务自动关闭。', kind: 'classroom', startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), location: '培训室（小）', instructorUserId: trainerId, makeUpForSessionId: november.id, createdBy: trainerId })
      .returning({ id: trainingSessions.id });
    await tx.insert(sessionEnrolments).values(absences['monthly-11']!.map((userId) => ({ sessionId: makeUp!.id, userId })));
    await tx.execute(sql`UPDATE make_up_tasks SET make_up_session_id = ${makeUp!.id}, due_date = ${day} WHERE missed_session_id = ${november.id}`);
  }
  await settleMakeUpTasks(tx, organisationId);
  // A make-up attended in the past was done when that session ended, not when the demo was made.
  await tx.execute(sql`UPDATE make_up_tasks t SET done_at = s.ends_at FROM training_sessions s WHERE t.organisation_id = ${organisationId} AND t.status = 'done' AND s.make_up_for_session_id = t.missed_session_id AND s.closed_at IS NOT NULL`);

  // Today's session has sign-in running (the code the instructor shows).
  const todays = sessions.find((s) => chinaDate(s.startsAt) === today && s.endsAt >= now);
  if (todays) await tx.update(trainingSessions).set({ signInCode: 'K7P2QX' }).where(eq(trainingSessions.id, todays.id));

  // The most recent held topic sent its reaction questionnaire when it was closed.
  const lastTopic = [...past].reverse().find((s) => s.planItemId?.startsWith('monthly-'));
  if (lastTopic) await sendReactionSurvey(tx, organisationId, lastTopic.id);

  // Next year's plan: version 1 returned with the leader's comment, version 2 submitted and waiting.
  const next = nextYearsVersions(year + 1, people);
  const title = `${year + 1} 年度客服情绪管理培训计划`;
  const [draft] = await tx
    .insert(trainingPlans)
    .values({ organisationId, year: year + 1, title, status: 'submitted', content: next.v2, version: 2, createdBy: trainerId, createdAt: new Date(now.getTime() - 12 * DAY_MS), updatedAt: new Date(now.getTime() - 2 * DAY_MS) })
    .returning({ id: trainingPlans.id });
  await tx.insert(trainingPlanVersions).values([
    {
      planId: draft!.id,
      version: 1,
      title,
      content: next.v1,
      submittedBy: trainerId,
      submittedAt: new Date(now.getTime() - 10 * DAY_MS),
      decision: 'returned',
      decisionComment: '请补充新员工带教的考核节点；“618”压力管理提前到 5 月初；预算拆到每个项目。',
      decidedBy: leaderId,
      decidedAt: new Date(now.getTime() - 8 * DAY_MS),
    },
    { planId: draft!.id, version: 2, title, content: next.v2, submittedBy: trainerId, submittedAt: new Date(now.getTime() - 2 * DAY_MS) },
  ]);
}
