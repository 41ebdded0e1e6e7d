/**
 * The few HTML shapes the house style writes inside Markdown, read back into
 * the model: `<a href target>` links, `<strong>`/`<em>`/`<code>` runs, `<br>`,
 * and the four-line `<figure>`. Parsed with a real HTML parser (hast), never
 * with regular expressions over markup.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root } from 'hast';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { neutralizeLiquid } from './liquid';
import { isSafeUrl } from '../schema/safe-url';

/** Tags that become marks when they wrap inline Markdown, and the mark they become. */
const MARK_TAGS: Record<string, string> = { a: 'link', strong: 'strong', b: 'strong', em: 'em', i: 'em', code: 'code' };

/** The attributes each mark tag may carry and still be read as that mark (anything else stays verbatim). */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ['href', 'title', 'target', 'rel'] };

export interface OpeningTag {
  tagName: string;
  /** Null for a link to a refused address (shared/schema/safe-url.ts): what it wraps is read as plain text. */
  mark: Mark | null;
}

const OPENING = /^<([a-zA-Z]+)(\s[^>]*)?>$/;
const CLOSING = /^<\/([a-zA-Z]+)\s*>$/;
const BREAK = /^<br\s*\/?>$/i;

function parseElement(html: string): Element | null {
  const root = fromHtml(html, { fragment: true });
  const element = root.children.find((child): child is Element => child.type === 'element');
  return element ?? null;
}

/** `<a href="..." target="_blank">` → the link mark it opens; null for any other tag. */
export function openingTag(html: string): OpeningTag | null {
  const match = OPENING.exec(html.trim());
  if (!match) return null;
  const tagName = match[1]!.toLowerCase();
  const markName = MARK_TAGS[tagName];
  if (!markName) return null;
  const element = parseElement(`${html.trim()}</${tagName}>`);
  if (!element || element.tagName !== tagName) return null;
  const allowed = ALLOWED_ATTRIBUTES[tagName] ?? [];
  if (Object.keys(element.properties).some((name) => !allowed.includes(name))) return null;
  if (markName === 'link') {
    const href = element.properties.href;
    if (typeof href !== 'string') return null;
    if (!isSafeUrl(href)) return { tagName, mark: null };
    const title = element.properties.title;
    return { tagName, mark: schema.marks.link!.create({ href, title: typeof title === 'string' ? title : null }) };
  }
  return { tagName, mark: schema.marks[markName]!.create() };
}

export function closingTagName(html: string): string | null {
  const match = CLOSING.exec(html.trim());
  return match ? match[1]!.toLowerCase() : null;
}

export const isBreakTag = (html: string): boolean => BREAK.test(html.trim());

/** Inline content of a hast element (a figcaption) as ProseMirror inline nodes, or null if it holds anything else. */
function hastInline(children: ElementContent[], marks: readonly Mark[]): PMNode[] | null {
  const out: PMNode[] = [];
  for (const child of children) {
    if (child.type === 'comment') continue;
    if (child.type === 'text') {
      // Whitespace holding a line break → one space. Not /\s*\n\s*/g: it retries from every space of a long run without one (quadratic).
      const text = child.value.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
      if (text) out.push(schema.text(text, marks));
      continue;
    }
    if (child.type !== 'element') return null;
    if (child.tagName === 'br') {
      out.push(schema.nodes.hard_break!.create());
      continue;
    }
    const opening = openingTag(`<${child.tagName}${attributesHtml(child)}>`);
    if (!opening) return null;
    const inner = hastInline(child.children, opening.mark ? opening.mark.addToSet(marks) : marks);
    if (!inner) return null;
    out.push(...inner);
  }
  return out;
}

function attributesHtml(element: Element): string {
  return Object.entries(element.properties)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

/** An attribute value as Duet writes it into a post: HTML-escaped, and no Liquid (see liquid.ts). */
export function escapeAttribute(value: string): string {
  return neutralizeLiquid(value.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
}

/** Text inside HTML (a caption, `<code>`) as Duet writes it into a post: HTML-escaped, and no Liquid. */
export function escapeHtmlText(value: string): string {
  return neutralizeLiquid(value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

const isBlank = (node: ElementContent | Root['children'][number]): boolean => node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');

/**
 * A `<figure>` holding one `<img>` (src, alt, optional title) and at most one
 * `<figcaption>` of simple inline markup, as a figure node; null for any other
 * HTML, which then stays a verbatim block.
 */
export function figureFromHtml(html: string): PMNode | null {
  const root = fromHtml(html, { fragment: true });
  const top = root.children.filter((child) => !isBlank(child));
  const figure = top[0];
  if (top.length !== 1 || figure?.type !== 'element' || figure.tagName !== 'figure') return null;
  if (Object.keys(figure.properties).length > 0) return null;
  const parts = figure.children.filter((child) => !isBlank(child));
  const [img, caption, ...rest] = parts;
  if (rest.length > 0 || img?.type !== 'element' || img.tagName !== 'img') return null;
  const { src, alt, title, ...otherAttributes } = img.properties;
  if (typeof src !== 'string' || Object.keys(otherAttributes).length > 0) return null;
  let content: PMNode[] = [];
  if (caption) {
    if (caption.type !== 'element' || caption.tagName !== 'figcaption' || Object.keys(caption.properties).length > 0) return null;
    const inline = hastInline(caption.children, []);
    if (!inline) return null;
    content = inline;
  }
  return schema.nodes.figure!.create({ src, alt: typeof alt === 'string' ? alt : '', title: typeof title === 'string' ? title : null }, content);
}
