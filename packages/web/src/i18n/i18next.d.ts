import 'i18next';
import type evaluationZhCN from './evaluation.zh-CN.json';
import type learnZhCN from './learn.zh-CN.json';
import type opsZhCN from './ops.zh-CN.json';
import type peopleZhCN from './people.zh-CN.json';
import type plansZhCN from './plans.zh-CN.json';
import type surveysZhCN from './surveys.zh-CN.json';
import type qaZhCN from './qa.zh-CN.json';
import type selfcareZhCN from './selfcare.zh-CN.json';
import type assistZhCN from './assist.zh-CN.json';
import type teachZhCN from './teach.zh-CN.json';
import type zhCN from './zh-CN.json';

// Type-checks translation keys against the Chinese resource file (the reference language).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & { learn: typeof learnZhCN; teach: typeof teachZhCN; qa: typeof qaZhCN; ops: typeof opsZhCN; surveys: typeof surveysZhCN; plans: typeof plansZhCN; people: typeof peopleZhCN; evaluation: typeof evaluationZhCN; selfcare: typeof selfcareZhCN; assist: typeof assistZhCN } };
  }
}
