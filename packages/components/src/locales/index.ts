export { en, type Translation } from './en.ts';
export { zhCN } from './zh-CN.ts';
export {
  SUPPORTED_LOCALES,
  DEFAULT_LOCALE,
  type LoyaltyLocale,
  type StringTable,
  getTranslation,
  normalizeLocale,
  closestLang,
  resolveLocale,
  formatNumber,
  formatDate,
  pickLocalized,
} from './locales.ts';
export { zhAmount } from './chinese.ts';
