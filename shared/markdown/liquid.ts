/**
 * Jekyll runs Liquid over every post before kramdown reads it: `{{ … }}`
 * prints a variable (`site.secret_api_key`), `{% … %}` runs a tag
 * (`include`, `raw`), and an unclosed one fails the whole site's build.
 * Front-matter values are not run (checked against Jekyll 4.3). Text a person
 * typed must reach the reader as that text, so wherever Duet writes it into
 * a post, the `{` that would open Liquid is written as the character
 * reference `&#123;`: Liquid no longer sees an opener, and kramdown and the
 * browser turn it back into `{`. Files that never held `{{` or `{%` come out
 * byte for byte as before.
 */

/** A `{` that, with the character after it, opens Liquid. */
export const LIQUID_OPENER = /\{(?=[{%])/g;

export const LIQUID_BRACE = '&#123;';

/** Whether the text holds anything Liquid would run. */
export const hasLiquid = (text: string): boolean => /\{[{%]/.test(text);

/** For HTML text and attribute values, already escaped for HTML: the Liquid openers as character references. */
export const neutralizeLiquid = (html: string): string => html.replace(LIQUID_OPENER, LIQUID_BRACE);
