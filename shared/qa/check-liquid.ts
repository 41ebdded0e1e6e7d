/**
 * Liquid template code (`{{ … }}`, `{% … %}`). Jekyll runs a post's body
 * through Liquid before Markdown, so such text in a translation would be
 * executed: it vanishes, shows something else, or stops the site's build.
 * That is an error. Text wrapped in `{% raw %}…{% endraw %}` is left alone by
 * Liquid and is fine. In the front matter Jekyll does not run Liquid, but
 * themes print these values into pages and feeds where they would show as
 * code, so there it is a warning.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { FrontMatterEntry } from '../article/article';
import type { JsonValue } from '../article/layout';
import { schema } from '../schema/schema';
import { field, issue, listed, quote, type QaIssue, type QaSegment } from './model';

const RAW_SPAN = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g;
const LIQUID = /\{\{[\s\S]*?(?:\}\}|$)|\{%[\s\S]*?(?:%\}|$)/g;

/** The Liquid in `text`, outside `{% raw %}` spans. */
export function findLiquid(text: string): string[] {
  return [...text.replace(RAW_SPAN, ' ').matchAll(LIQUID)].map((match) => match[0]);
}

/** What a side writes into the published file besides its text: raw markup, addresses, image descriptions. */
function attributeStrings(side: PMNode): string[] {
  const out: string[] = [];
  side.descendants((node) => {
    if (node.type === schema.nodes.raw_block || node.type === schema.nodes.raw_inline) out.push(node.attrs.text as string);
    if (node.type === schema.nodes.figure) out.push(node.attrs.src as string, node.attrs.alt as string, (node.attrs.title as string | null) ?? '');
    for (const mark of node.marks) if (mark.type === schema.marks.link) out.push(mark.attrs.href as string, (mark.attrs.title as string | null) ?? '');
    return true;
  });
  return out;
}

/** Text nodes split by marks are joined per block, so `{{` typed across a bold boundary is still found. */
function blockTexts(side: PMNode): string[] {
  const texts: string[] = [];
  side.descendants((node) => {
    if (node.isTextblock) {
      texts.push(node.textContent);
      return false;
    }
    return true;
  });
  return texts;
}

export function checkLiquid(segment: QaSegment): QaIssue[] {
  const found = [...new Set([...blockTexts(segment.target), ...attributeStrings(segment.target)].flatMap(findLiquid))];
  if (found.length === 0) return [];
  const named = listed(found.slice(0, 2).map((code) => quote(code, 30)));
  return [
    issue(
      'liquid-in-text',
      `The translation contains ${named}, which the site would run as Liquid template code; reword it or wrap it in {% raw %}…{% endraw %}.`,
      { segmentId: segment.id },
    ),
  ];
}

function strings(value: JsonValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value != null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

export function checkFrontMatterLiquid(frontMatter: readonly FrontMatterEntry[]): QaIssue[] {
  return frontMatter.flatMap(({ key, value }) => {
    const found = strings(value).flatMap(findLiquid);
    if (found.length === 0) return [];
    return [issue('liquid-in-front-matter', `The ${field(key)} contains ${quote(found[0]!, 30)}, which looks like Liquid template code and may show as code on the site.`, { frontMatterKey: key })];
  });
}
