/** Escaping and URL checks for HTML that Duet writes itself (the bilingual copy, the preview's resolved images). */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/** Which URLs may be written into a page: one rule for the whole product (shared/schema/safe-url.ts). */
export { isSafeUrl } from '../schema/safe-url';
