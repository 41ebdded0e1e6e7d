/**
 * Which language tags are Duet's two languages: the TMX and TBX readers (and
 * the CSV reader's column headers) ask here, so `zh-Hans-CN` or `en_GB` is
 * read as Chinese or English alike everywhere.
 */

/** Chinese in either script, for China, Singapore, Taiwan, Hong Kong or Macao: zh, zh-CN, zh-Hans, zh-Hant-TW… */
const CHINESE = /^zh(?:-(?:hans|hant))?(?:-(?:cn|sg|tw|hk|mo))?$/;
/** English of anywhere: en, en-US, en-GB… */
const ENGLISH = /^en(?:-[a-z0-9]{1,8})*$/;

const normal = (lang: string) => lang.trim().toLowerCase().replace(/_/g, '-');

export const isChinese = (lang: string): boolean => CHINESE.test(normal(lang));
export const isEnglish = (lang: string): boolean => ENGLISH.test(normal(lang));

const HAN = /\p{sc=Han}/u;
const LATIN = /\p{sc=Latin}/u;

/**
 * Which of Duet's languages `texts` are written in, by their script alone:
 * Chinese when any holds a Han character, English when none does and some
 * hold Latin letters, else null. For files whose language tags are missing
 * or wrong (translate-toolkit's csv2tbx labels the Chinese column `en`).
 */
export function languageByScript(texts: readonly string[]): 'chinese' | 'english' | null {
  if (texts.some((text) => HAN.test(text))) return 'chinese';
  if (texts.some((text) => LATIN.test(text))) return 'english';
  return null;
}
