import { NEW_HIRE_DAYS } from '@calmdesk/shared';
import { scorecardCompute, simulatorCreate, type TSession } from '@calmdesk/simulator';
import type { TDb } from '../db/client.js';
import { mentorshipNotes, mentorships, mentorshipTasks, personRecords, pointEntries, roleplayAssignments, roleplayAssignmentTargets, roleplayAttempts, suggestions } from '../db/schema.js';
import { getEngine } from '../lib/engine.js';
import { getScenarios } from '../lib/scenarios.js';
import { recordAudit } from '../services/audit.service.js';
import { DEFAULT_MENTORSHIP_TASKS } from '../services/mentoring.service.js';
import { ensurePointRules } from '../services/points.service.js';
import { todayInChina } from '../services/record.service.js';
import type { TDemoPeople } from './demo.js';

/**
 * Demo data of the people area, so a fresh install shows it alive: mentors for most new hires
 * (the last two are left without one, so 导师带教 has someone to assign), notes and a ticked
 * checklist, role-play practice played through the real simulator, the default point rules with
 * a few manual entries, two suggestions (one adopted), and a warning and a re-training record.
 */

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
/** A Beijing-time moment on a day: 10:30 by default. */
const at = (date: string, time = '10:30') => new Date(`${date}T${time}:00+08:00`);

/** What the mentor (王晓雯) wrote after their meetings, in order; {name} is the mentee. */
const NOTES = [
  '第一次见面：{name}说话很有礼貌，但顾客一催就容易连发好几条解释。约定先用一句话回应情绪，再说处理方案和时间。',
  '旁听复盘：一起看了一通催发货的对话。{name}能主动查物流，但“请耐心等待”用了三次。给了三句替换说法，明天接待时试用。',
  '角色扮演复盘：第一次没有给出明确时间，顾客越聊越急；第二次把“今天 18 点前回复您”说出来了，顾客明显缓和。下次练售后投诉场景。',
  '质检抽查：有一通顾客提到“12315”时没有及时转主管。讲了需要升级的几个信号词，下周再抽查三通。',
];

/** Agent replies of three qualities, to play role-plays through the simulator. */
const REPLIES = {
  good: ['非常抱歉让您着急了，我理解您的心情，我马上帮您查。', '我已经查到原因了，现在就帮您处理，今天18点前给您回复，您看可以吗？', '为了表示歉意，我给您申请一张10元无门槛券，您看这样处理可以吗？', '好的，您放心，有任何问题随时找我。'],
  mixed: ['亲，您好，请问有什么可以帮您？', '这个情况我帮您看一下，请稍等。', '我已经帮您登记了，会尽快处理的。', '抱歉给您带来不便，今天之内给您答复。'],
  poor: ['亲，请耐心等待。', '这个不归我们管，您问快递吧。', '没办法的。', '好的。'],
} as const;

/** Plays a scenario to its end with replies of one quality and stores it as a finished attempt. */
async function seedRoleplay(tx: TDb, organisationId: string, userId: string, scenarioId: string, quality: keyof typeof REPLIES, seed: number, finishedOn: string) {
  const scenario = getScenarios().get(scenarioId);
  if (!scenario) return;
  const simulator = simulatorCreate(await getEngine());
  const lines = REPLIES[quality];
  let session: TSession = simulator.start(scenario, seed);
  for (let turn = 0; session.outcome === null && turn < scenario.max_turns + 2; turn += 1) session = simulator.reply(scenario, session, lines[Math.min(turn, lines.length - 1)]!);
  if (session.outcome === null) return;
  const card = scorecardCompute(scenario, session);
  const finishedAt = at(finishedOn, '15:20');
  await tx.insert(roleplayAttempts).values({
    organisationId,
    userId,
    scenarioId,
    seed,
    scenario,
    session,
    outcome: session.outcome,
    total: card.total,
    scores: card.scores,
    startedAt: new Date(finishedAt.getTime() - 12 * 60_000),
    finishedAt,
  });
}

export async function seedPeopleDemo(tx: TDb, organisationId: string, people: TDemoPeople): Promise<void> {
  const id = (login: string) => people.byLogin.get(login)!;
  const today = todayInChina();
  const mentorId = id('mentor');
  const trainerId = id('trainer');
  const supervisorId = id('supervisor');
  const scenarioIds = [...getScenarios().keys()];
  const pickScenario = (prefix: string, fallback: number) => scenarioIds.find((s) => s.startsWith(prefix)) ?? scenarioIds[fallback % scenarioIds.length]!;
  const lateParcel = pickScenario('complaint-late-gift', 0);
  const refund = pickScenario('followup-refund-missing', 1);
  const damaged = pickScenario('complaint-sofa-damaged', 2);
  const names = new Map<string, string>([
    [id('agent03'), '黄文博'],
    [id('agent08'), '罗子涵'],
    [id('agent13'), '许梓萱'],
    [id('agent18'), '林婉清'],
  ]);

  await ensurePointRules(tx, organisationId);

  // Mentoring: agents hired in the last NEW_HIRE_DAYS days, by login; all but the last two get 王晓雯.
  const since = addDays(today, -NEW_HIRE_DAYS);
  const newHires = [...people.byLogin.entries()]
    .filter(([login, userId]) => /^agent\d\d$/.test(login) && (people.hireDates.get(userId) ?? '') >= since)
    .sort(([a], [b]) => a.localeCompare(b));
  const mentored = newHires.slice(0, Math.max(0, newHires.length - 2));
  for (const [index, [, menteeId]] of mentored.entries()) {
    const hired = people.hireDates.get(menteeId)!;
    const startedOn = addDays(hired, 1) <= today ? addDays(hired, 1) : today;
    const created = (await tx.insert(mentorships).values({ organisationId, mentorUserId: mentorId, menteeUserId: menteeId, startedOn, createdBy: supervisorId, createdAt: at(startedOn, '09:00') }).returning())[0]!;
    await tx.insert(mentorshipTasks).values(
      DEFAULT_MENTORSHIP_TASKS.map((task, position) => {
        const dueOn = addDays(startedOn, task.days);
        // Done when due, except one item the second mentee is behind on.
        const isDone = dueOn < today && !(index === 1 && position === 4);
        return { mentorshipId: created.id, kind: task.kind, title: task.title, dueOn, position, doneAt: isDone ? at(addDays(dueOn, -1), '18:10') : null, doneBy: isDone ? mentorId : null };
      }),
    );
    const name = names.get(menteeId) ?? '新同事';
    const meetings = NOTES.map((note, n) => ({ note, on: addDays(startedOn, 1 + n * 6) })).filter((m) => m.on < today);
    for (const meeting of meetings) {
      await tx.insert(mentorshipNotes).values({ mentorshipId: created.id, authorId: mentorId, body: meeting.note.replaceAll('{name}', name), createdAt: at(meeting.on, '17:40') });
    }
    // The mentee's practice: the late-parcel complaint twice (better the second time), then a refund follow-up.
    const practiceDay = (days: number) => (addDays(startedOn, days) < today ? addDays(startedOn, days) : addDays(today, -1));
    await seedRoleplay(tx, organisationId, menteeId, lateParcel, 'mixed', 11 + index, practiceDay(8));
    await seedRoleplay(tx, organisationId, menteeId, lateParcel, 'good', 21 + index, practiceDay(10));
    if (index % 2 === 0) await seedRoleplay(tx, organisationId, menteeId, refund, index === 0 ? 'good' : 'poor', 31 + index, practiceDay(15));
  }

  // Experienced agents practise too, so the ranking and role-play points have something to show.
  for (const [n, login] of ['agent', 'agent01', 'agent05', 'agent11', 'agent02', 'agent10'].entries()) {
    const done = addDays(today, -(5 + n * 4));
    await seedRoleplay(tx, organisationId, id(login), damaged, n % 3 === 2 ? 'mixed' : 'good', 41 + n, done);
    await seedRoleplay(tx, organisationId, id(login), refund, n % 2 === 0 ? 'good' : 'mixed', 51 + n, addDays(done, 1));
  }

  // Suggestions: one adopted (with its points), one waiting for review.
  const adoptedOn = addDays(today, -12);
  const adopted = (
    await tx
      .insert(suggestions)
      .values({
        organisationId,
        authorId: id('agent01'),
        title: '安抚类快捷短语按情绪强度分三档',
        body: '现在的快捷短语都堆在一个列表里，顾客很生气的时候新人常常选到太轻的那句。建议按“有点着急 / 明显不满 / 非常愤怒”分三档，每档 5 句，并标出哪些情况要转主管。',
        status: 'adopted',
        reviewNote: '很实用。下月起先在售后组试行，由导师王晓雯整理第一版。',
        reviewedBy: trainerId,
        reviewedAt: at(adoptedOn, '16:00'),
        createdAt: at(addDays(adoptedOn, -5), '11:20'),
      })
      .returning()
  )[0]!;
  await tx.insert(suggestions).values({
    organisationId,
    authorId: id('agent04'),
    title: '大促前增加一次“高峰情绪急救”演练',
    body: '双十一期间每人每天接待量翻倍，情绪最容易失控。建议大促前一周安排一次 30 分钟的演练：连续接三位急躁顾客，练习深呼吸和标准开场，再做一次互相点评。',
    createdAt: at(addDays(today, -3), '20:05'),
  });

  // Points: the adopted suggestion's award and a few manual entries by the trainer, each audited.
  const entries = [
    { userId: id('agent01'), points: 30, reason: `创新建议被采纳：${adopted.title}`, ruleKey: 'suggestion_adopted', sourceType: 'suggestion', sourceId: adopted.id, createdBy: null, createdAt: at(adoptedOn, '16:00') },
    { userId: mentorId, points: 15, reason: '带教两名新人按期完成第一个月的里程碑', ruleKey: null, sourceType: null, sourceId: null, createdBy: trainerId, createdAt: at(addDays(today, -9), '10:00') },
    { userId: id('agent05'), points: 10, reason: '在班组分享会上示范如何安抚差评顾客', ruleKey: null, sourceType: null, sourceId: null, createdBy: trainerId, createdAt: at(addDays(today, -20), '15:30') },
    { userId: id('agent11'), points: 5, reason: '主动帮新人复盘一通投诉对话', ruleKey: null, sourceType: null, sourceId: null, createdBy: trainerId, createdAt: at(addDays(today, -6), '18:00') },
    { userId: id('agent06'), points: -2, reason: '培训课堂两次迟到超过 15 分钟', ruleKey: null, sourceType: null, sourceId: null, createdBy: trainerId, createdAt: at(addDays(today, -15), '09:30') },
  ];
  for (const entry of entries) {
    const inserted = (await tx.insert(pointEntries).values({ organisationId, ...entry }).returning({ id: pointEntries.id }))[0]!;
    await recordAudit({ db: tx }, {
      organisationId,
      actorUserId: entry.createdBy,
      action: entry.ruleKey ? 'points.awarded' : 'points.manual_entry',
      targetType: 'point_entry',
      targetId: inserted.id,
      details: entry.ruleKey ? { userId: entry.userId, ruleKey: entry.ruleKey, points: entry.points, sourceId: entry.sourceId } : { userId: entry.userId, points: entry.points, reason: entry.reason },
    });
  }

  // Records: a warning after a complaint (the demo agent 李思琪) and re-training with a scenario (张俊杰).
  const warnedOn = addDays(today, -18);
  const warning = (
    await tx
      .insert(personRecords)
      .values({
        organisationId,
        userId: id('agent'),
        kind: 'warning',
        reason: '顾客投诉：催发货时回复“这个不归我们管”，顾客情绪升级并给出差评。已与本人沟通，先回应情绪再说明处理办法。',
        sourceType: 'complaint',
        sourceId: 'TB2026110388',
        createdBy: supervisorId,
        createdAt: at(warnedOn, '17:00'),
      })
      .returning()
  )[0]!;
  await recordAudit({ db: tx }, { organisationId, actorUserId: supervisorId, action: 'record.created', targetType: 'person_record', targetId: warning.id, details: { userId: id('agent'), kind: 'warning', sourceType: 'complaint', sourceRef: 'TB2026110388', points: null, courseId: null, scenarioId: null, dueDate: null } });
  const retrainedOn = addDays(today, -7);
  const dueDate = addDays(today, 14);
  const assignment = (await tx.insert(roleplayAssignments).values({ organisationId, scenarioId: refund, assignedBy: trainerId, dueDate, createdAt: at(retrainedOn, '14:00') }).returning())[0]!;
  await tx.insert(roleplayAssignmentTargets).values({ assignmentId: assignment.id, userId: id('agent04') });
  const retraining = (
    await tx
      .insert(personRecords)
      .values({
        organisationId,
        userId: id('agent04'),
        kind: 'retraining',
        reason: '退款投诉处理不当：三次承诺“马上处理”却没有给出时间，顾客升级到平台客服。需完成退款纠纷场景的角色扮演复训，达到 80 分。',
        sourceType: 'complaint',
        sourceId: 'JD2026111502',
        createdBy: trainerId,
        createdAt: at(retrainedOn, '14:00'),
      })
      .returning()
  )[0]!;
  await recordAudit({ db: tx }, { organisationId, actorUserId: trainerId, action: 'record.created', targetType: 'person_record', targetId: retraining.id, details: { userId: id('agent04'), kind: 'retraining', sourceType: 'complaint', sourceRef: 'JD2026111502', points: null, courseId: null, scenarioId: refund, dueDate } });
}
