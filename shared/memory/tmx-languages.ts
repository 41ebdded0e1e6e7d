/**
 * A TMX variant's own language tag (TMX 1.2–1.4's `xml:lang`, TMX 1.1's
 * `lang`), which tells Duet's two sides apart (shared/text/language-tags.ts):
 * the header's srclang is not trusted, since translate-toolkit's po2tmx
 * writes `en` there whatever its units hold.
 */
import { attr, XML_NS, type XmlElement } from '../xliff/xml-tree';

/** A tuv's language tag, or null when it names none. */
export function variantLanguage(tuv: XmlElement): string | null {
  const lang = attr(tuv, 'lang', XML_NS) ?? attr(tuv, 'lang');
  return lang === undefined || lang.trim() === '' ? null : lang.trim();
}
