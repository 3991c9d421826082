import { STRESS_QUESTIONNAIRE, scoreStressCheck, type TAbcBody, type TDiaryBody, type TEmotionRating, type TGratitudeBody, type TSuccessBody } from '@calmdesk/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { roleplayAttempts, selfcareEntries, stressChecks } from '../db/schema.js';
import { chinaWeekStart } from '../services/selfcare-aggregates.service.js';
import type { TDemoPeople } from './demo.js';

/**
 * Self-care for the demo organisation. The demo login `agent` (李思琪, pre-sales) has a few weeks
 * of diary entries, two ABC worksheets (one finished, one left at the belief step), gratitude
 * notes, a success case and eight weekly stress checks whose last two are high, so the gentle
 * suggestion shows. Pre-sales has ten people checking in every week, so its supervisor sees
 * every aggregate cell; after-sales has three to six, so some of its weeks show "fewer than 5".
 */

const DAY = 86_400_000;
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const addDays = (day: string, days: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
const chinaDay = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A small deterministic generator, so every demo install looks the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Answers around a strain level 0..4 (reverse-scored items answered the other way), scored like a real check. */
function answersAround(level: number, next: () => number): { answers: Record<string, number>; score: number; band: 'low' | 'moderate' | 'high' } {
  const answers: Record<string, number> = {};
  for (const item of STRESS_QUESTIONNAIRE.items) {
    const strain = Math.max(0, Math.min(4, Math.round(level + (next() - 0.5) * 1.6)));
    answers[item.id] = item.isReversed ? 4 - strain : strain;
  }
  return { answers, ...scoreStressCheck(answers) };
}

const diary = (event: string, emotions: TEmotionRating[], rest: Partial<Omit<TDiaryBody, 'event' | 'emotions'>> = {}): TDiaryBody => ({ event, emotions, bodySignals: [], bodySignalsOther: '', thoughts: '', helped: '', ...rest });

/** 李思琪's diary, days ago and time: a pre-sales agent through a busy promotion. */
const AGENT_DIARY: [number, string, TDiaryBody][] = [
  [27, '10:40', diary('顾客问了八遍“能不能再便宜点”，我解释了满减规则还是不满意。', [{ emotion: 'irritated', intensity: 5 }], { bodySignals: ['jaw_clenched'], thoughts: '为什么说了这么多遍还听不懂', helped: '回复前先喝了口水，深呼吸三次' })],
  [24, '15:20', diary('', [{ emotion: 'calm', intensity: 6 }], { helped: '午休时出去走了十分钟' })],
  [20, '21:10', diary('大促预热第一天，咨询量是平时的三倍，一整天几乎没离开座位。', [{ emotion: 'exhausted', intensity: 7 }, { emotion: 'anxious', intensity: 5 }], { bodySignals: ['shoulders_tense', 'eyes_tired'], thoughts: '明天只会更多，我怕自己撑不住', helped: '下班后泡了脚，早点睡' })],
  [17, '11:05', diary('顾客说我“跟机器人一样只会复制粘贴”。', [{ emotion: 'wronged', intensity: 8 }], { bodySignals: ['face_hot', 'chest_tight'], thoughts: '我明明每条都认真看了', helped: '用了工位呼吸法 3-4-2-6，做了两轮' })],
  [14, '16:45', diary('顾客下单后发现赠品没了，要我“必须给个说法”。', [{ emotion: 'nervous', intensity: 6 }, { emotion: 'helpless', intensity: 5 }], { bodySignals: ['heart_racing'], thoughts: '赠品规则不是我定的', helped: '请组长确认了补发方案，心里有底了' })],
  [10, '20:30', diary('一位顾客连着问了十几个尺码问题，最后说“算了不买了”。', [{ emotion: 'irritated', intensity: 6 }], { bodySignals: ['shoulders_tense'], bodySignalsOther: '后背发僵', thoughts: '白忙一场', helped: '和同事吐槽了两句，笑了出来' })],
  [7, '13:15', diary('大促当天，有顾客骂我“骗子”，说价格第二天就降了。', [{ emotion: 'angry', intensity: 7 }, { emotion: 'wronged', intensity: 7 }], { bodySignals: ['chest_tight', 'shallow_breath'], thoughts: '价保规则写得清清楚楚，为什么要骂人', helped: '离开座位去接了杯水，回来先共情再解释价保' })],
  [3, '22:00', diary('下班了，脑子里还在回放白天被骂的那段对话。', [{ emotion: 'exhausted', intensity: 8 }, { emotion: 'sad', intensity: 6 }], { bodySignals: ['drained', 'headache'], thoughts: '是不是我不适合做客服', helped: '写下来之后好像轻了一点' })],
  [2, '12:30', diary('', [{ emotion: 'anxious', intensity: 7 }], { bodySignals: ['stomach'], helped: '' })],
  [1, '18:10', diary('一位老顾客专门回来说上次推荐的尺码很合适，还给了好评。', [{ emotion: 'happy', intensity: 7 }, { emotion: 'proud', intensity: 6 }], { thoughts: '原来认真推荐是有人记得的', helped: '截图存下来了，难过时翻出来看' })],
];

const AGENT_ABC: [number, string, TAbcBody][] = [
  [
    16,
    '21:00',
    {
      step: 'effect',
      isFinished: true,
      activatingEvent: '顾客说我“跟机器人一样只会复制粘贴”，还说要给差评。',
      belief: '他觉得我敷衍，组长看到差评也会觉得我不行。',
      consequence: { emotions: [{ emotion: 'wronged', intensity: 8 }, { emotion: 'anxious', intensity: 6 }], behaviour: '后面几条回复越来越短，差点直接不回了。' },
      disputation: '顾客着急才会这么说，他针对的是等待，不是我这个人。我确实用了快捷短语，但内容是对的；可以换成自己的话再说一遍。一条差评也不代表组长对我的全部看法。',
      newEffect: { emotions: [{ emotion: 'wronged', intensity: 4 }, { emotion: 'anxious', intensity: 3 }], behaviour: '用自己的话重新解释了一遍，顾客语气缓和了，最后没有差评。' },
    },
  ],
  [
    4,
    '21:40',
    {
      step: 'belief',
      isFinished: false,
      activatingEvent: '大促当天被顾客骂“骗子”，说价格第二天就降了。',
      belief: '我什么都做不好，连解释个价保都会被骂。',
      consequence: { emotions: [], behaviour: '' },
      disputation: '',
      newEffect: { emotions: [], behaviour: '' },
    },
  ],
];

const AGENT_GRATITUDE: [number, string, TGratitudeBody][] = [
  [19, '21:20', { text: '大促预热那天，晓雯姐主动帮我接了两个难缠的顾客，让我喘了口气。' }],
  [12, '19:05', { text: '组长郑哥请全组喝了奶茶，还说“这周辛苦了”。' }],
  [6, '22:15', { text: '妈妈打电话来没问工作，只问我有没有按时吃饭。' }],
  [1, '18:20', { text: '老顾客回来给了好评，专门提到我的名字。' }],
];

/** Quick diary entries of the other agents: what a busy week in customer service brings. */
const QUICK_EVENTS = ['顾客催发货', '被问了很多遍同样的问题', '顾客说要投诉', '顺利帮顾客换了货', '顾客夸我耐心', '连续接待没空喝水', '退款流程卡住了', '顾客发语音骂人', ''];
const QUICK_EMOTIONS = ['irritated', 'wronged', 'anxious', 'exhausted', 'calm', 'relieved', 'angry', 'happy'] as const;

/** Seeds self-care data for the demo organisation. */
export async function seedSelfcareDemo(tx: TDb, organisationId: string, people: TDemoPeople): Promise<void> {
  const agentId = people.byLogin.get('agent');
  if (!agentId) return;
  const now = new Date();
  const today = chinaDay(now);
  const thisMonday = chinaWeekStart(now);
  const next = random(20_260_806);
  const entries: (typeof selfcareEntries.$inferInsert)[] = [];
  const checks: (typeof stressChecks.$inferInsert)[] = [];
  const entry = (ownerId: string, kind: string, body: unknown, when: Date) => entries.push({ organisationId, ownerId, kind, body, occurredAt: when, createdAt: new Date(when.getTime() + 3 * 60_000), updatedAt: new Date(when.getTime() + 3 * 60_000) });

  // 李思琪's own entries.
  for (const [daysAgo, time, body] of AGENT_DIARY) entry(agentId, 'diary', body, at(addDays(today, -daysAgo), time));
  for (const [daysAgo, time, body] of AGENT_ABC) entry(agentId, 'abc', body, at(addDays(today, -daysAgo), time));
  for (const [daysAgo, time, body] of AGENT_GRATITUDE) entry(agentId, 'gratitude', body, at(addDays(today, -daysAgo), time));
  const [attempt] = await tx
    .select({ id: roleplayAttempts.id, title: sql<{ zh: string; en: string }>`${roleplayAttempts.scenario}->'title'`, startedAt: roleplayAttempts.startedAt })
    .from(roleplayAttempts)
    .where(and(eq(roleplayAttempts.organisationId, organisationId), eq(roleplayAttempts.userId, agentId)))
    .orderBy(desc(roleplayAttempts.startedAt))
    .limit(1);
  const link = attempt
    ? { kind: 'roleplay_attempt' as const, id: attempt.id, title: { zh: `角色扮演：${attempt.title.zh}（${chinaDay(attempt.startedAt)}）`, en: `Role-play: ${attempt.title.en} (${chinaDay(attempt.startedAt)})` } }
    : null;
  const success: TSuccessBody = {
    title: '把要差评的顾客变成了回头客',
    whatHappened: '大促后顾客收到的衣服有线头，一上来就说“质量这么差，马上给差评”。我先道歉，再请她拍照，当场给了补偿券和免费退换两个选择。',
    whatIDidWell: '没有急着解释“这是正常现象”，先接住了她的情绪；给了两个可选方案，让她自己决定。她选了换货，后来又来买了一件。',
    link,
  };
  entry(agentId, 'success', success, at(addDays(today, -9), '17:50'));

  // 李思琪's weekly checks for eight weeks: calm, the promotion building up, the last two high.
  const agentLevels = [1.2, 1.4, 1.6, 2.0, 2.2, 2.5, 3.2, 3.4];
  agentLevels.forEach((level, i) => {
    const week = addDays(thisMonday, -7 * (agentLevels.length - i));
    let checked = answersAround(level, next);
    // The last two must read high for the demo's suggestion; draw again a little higher if the noise said otherwise.
    while (i >= agentLevels.length - 2 && checked.band !== 'high') checked = answersAround(level + 0.4, next);
    checks.push({ organisationId, ownerId: agentId, questionnaire: STRESS_QUESTIONNAIRE.version, answers: checked.answers, score: checked.score, band: checked.band, takenAt: at(addDays(week, 4), '18:30') });
  });

  // Team figures for the last twelve complete weeks. Pre-sales: ten people every week (the
  // supervisor sees every cell). After-sales: three to six people (some weeks hidden).
  const teamAgents = (team: 0 | 1) =>
    Array.from({ length: 30 }, (_, i) => ({ login: `agent${String(i + 1).padStart(2, '0')}`, team: i % 2 }))
      .filter((a) => a.team === team)
      .map((a) => people.byLogin.get(a.login))
      .filter((id): id is string => id !== undefined);
  const preSales = [people.byLogin.get('mentor'), ...teamAgents(0)].filter((id): id is string => id !== undefined).slice(0, 9);
  const afterSales = teamAgents(1).slice(0, 6);
  const afterSalesWeekly = [3, 5, 4, 6, 3, 5, 5, 4, 6, 3, 5, 4];
  for (let w = 0; w < 12; w += 1) {
    const week = addDays(thisMonday, -7 * (12 - w));
    // A promotion four to two weeks ago raises everyone's strain a little.
    const rush = w >= 8 && w <= 10 ? 0.8 : 0;
    const groups: [string[], number][] = [
      [preSales, 1.6],
      [afterSales.slice(0, afterSalesWeekly[w]), 2.0],
    ];
    for (const [members, base] of groups) {
      members.forEach((ownerId, m) => {
        const checked = answersAround(base + rush + ((m % 4) - 1.5) * 0.4, next);
        checks.push({ organisationId, ownerId, questionnaire: STRESS_QUESTIONNAIRE.version, answers: checked.answers, score: checked.score, band: checked.band, takenAt: at(addDays(week, m % 5), `${String(10 + (m % 8)).padStart(2, '0')}:15`) });
        // Most also write a quick diary entry or two that week.
        const count = members === preSales && m % 3 === 2 ? 0 : 1 + (m % 2);
        for (let k = 0; k < count; k += 1) {
          const emotion = QUICK_EMOTIONS[Math.floor(next() * QUICK_EMOTIONS.length)]!;
          const intensity = Math.max(1, Math.min(10, Math.round(4 + rush * 2 + (next() - 0.5) * 6)));
          const event = QUICK_EVENTS[Math.floor(next() * QUICK_EVENTS.length)]!;
          entry(ownerId, 'diary', diary(event, [{ emotion, intensity }]), at(addDays(week, (m + k * 2) % 6), `${String(12 + k * 5).padStart(2, '0')}:40`));
        }
      });
    }
  }

  await tx.insert(selfcareEntries).values(entries.filter((e) => e.occurredAt! <= now));
  await tx.insert(stressChecks).values(checks);
}
