/**
 * Which TMX variants are Duet's two sides, by their own language tag (TMX
 * 1.2–1.4's `xml:lang`, TMX 1.1's `lang`): the header's srclang is not
 * trusted, since translate-toolkit's po2tmx writes `en` there whatever its
 * units hold.
 */
import { attr, XML_NS, type XmlElement } from '../xliff/xml-tree';

/** Chinese in either script, for China, Singapore, Taiwan, Hong Kong or Macao: zh, zh-CN, zh-Hans, zh-Hant-TW… */
const CHINESE = /^zh(?:-(?:hans|hant))?(?:-(?:cn|sg|tw|hk|mo))?$/;
/** English of anywhere: en, en-US, en-GB… */
const ENGLISH = /^en(?:-[a-z0-9]{1,8})*$/;

const normal = (lang: string) => lang.trim().toLowerCase().replace(/_/g, '-');

export const isChinese = (lang: string): boolean => CHINESE.test(normal(lang));
export const isEnglish = (lang: string): boolean => ENGLISH.test(normal(lang));

/** A tuv's language tag, or null when it names none. */
export function variantLanguage(tuv: XmlElement): string | null {
  const lang = attr(tuv, 'lang', XML_NS) ?? attr(tuv, 'lang');
  return lang === undefined || lang.trim() === '' ? null : lang.trim();
}
