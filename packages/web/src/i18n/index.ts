import type { TLocale } from '@calmdesk/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import learnEn from './learn.en.json';
import learnZhCN from './learn.zh-CN.json';
import evaluationEn from './evaluation.en.json';
import evaluationZhCN from './evaluation.zh-CN.json';
import opsEn from './ops.en.json';
import opsZhCN from './ops.zh-CN.json';
import peopleEn from './people.en.json';
import peopleZhCN from './people.zh-CN.json';
import plansEn from './plans.en.json';
import plansZhCN from './plans.zh-CN.json';
import surveysEn from './surveys.en.json';
import surveysZhCN from './surveys.zh-CN.json';
import qaEn from './qa.en.json';
import qaZhCN from './qa.zh-CN.json';
import teachEn from './teach.en.json';
import teachZhCN from './teach.zh-CN.json';
import zhCN from './zh-CN.json';
import selfcareEn from './selfcare.en.json';
import selfcareZhCN from './selfcare.zh-CN.json';
import assistEn from './assist.en.json';
import assistZhCN from './assist.zh-CN.json';

/**
 * UI language. zh-CN is the default; a choice made with the language switch is kept in this
 * browser and wins over the account's saved locale. Without such a choice, the account's
 * locale becomes the UI language when a session loads.
 */

export const LOCALES: readonly TLocale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: TLocale = 'zh-CN';
const STORAGE_KEY = 'calmdesk.locale';

/**
 * The learning pages keep their texts in files of their own: `learn.*` for learners, `teach.*` for trainers;
 * so does 对话质检: `qa.*`; 培训运营 and 我的培训: `ops.*` (shared), `surveys.*`, `plans.*`, `people.*`; 效果评估: `evaluation.*`; 自我关怀: `selfcare.*`; 实时辅助: `assist.*`.
 */
export const resources = {
  'zh-CN': { translation: { ...zhCN, learn: learnZhCN, teach: teachZhCN, qa: qaZhCN, ops: opsZhCN, surveys: surveysZhCN, plans: plansZhCN, people: peopleZhCN, evaluation: evaluationZhCN, selfcare: selfcareZhCN, assist: assistZhCN } },
  en: { translation: { ...en, learn: learnEn, teach: teachEn, qa: qaEn, ops: opsEn, surveys: surveysEn, plans: plansEn, people: peopleEn, evaluation: evaluationEn, selfcare: selfcareEn, assist: assistEn } },
} as const;

function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language picked in this browser, if any.
 * @returns the stored locale, or null when none was picked (or storage is unavailable)
 */
export function getStoredLocale(): TLocale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: TLocale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/**
 * The current UI language as a locale the API understands.
 * @returns 'zh-CN' or 'en'
 */
export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

function applyDocumentLocale(locale: TLocale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/**
 * Switches the UI language.
 * @param locale the language to show
 * @param options.remember keep it in this browser (true when the person chose it)
 */
export async function setLocale(locale: TLocale, options: { remember: boolean }): Promise<void> {
  if (options.remember) storeLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/**
 * Adopts the account's locale when nobody picked a language in this browser.
 * @param accountLocale `user.locale` from the session
 */
export function adoptAccountLocale(accountLocale: TLocale): void {
  if (getStoredLocale() === null && i18n.language !== accountLocale) void i18n.changeLanguage(accountLocale);
}

i18n.on('languageChanged', (lng) => applyDocumentLocale(isLocale(lng) ? lng : DEFAULT_LOCALE));

void i18n.use(initReactI18next).init({
  resources,
  lng: getStoredLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyDocumentLocale(currentLocale());

export default i18n;
