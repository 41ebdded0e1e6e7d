/** Escaping and URL checks for HTML that Duet writes itself (the bilingual copy, the preview's resolved images). */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/**
 * Only http(s), mailto and relative URLs may be written into a page: a colon
 * before the first `/`, `?` or `#` names a scheme, and `javascript:`, `data:`
 * and their like are refused.
 */
export function isSafeUrl(url: string): boolean {
  const colon = url.indexOf(':');
  const delimiter = url.search(/[/?#]/);
  if (colon === -1 || (delimiter !== -1 && delimiter < colon)) return true;
  return /^(?:https?|mailto):/i.test(url);
}
