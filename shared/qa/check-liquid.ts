/**
 * Liquid template code (`{{ … }}`, `{% … %}`). Jekyll runs a post's body
 * through Liquid before Markdown. What a person typed (text, code, captions,
 * image descriptions) is exported with Liquid's openers escaped
 * (shared/markdown/liquid.ts), so it reaches the reader as typed: a warning
 * says so, in case the translator meant the site to run it; link addresses
 * too. What is written into the post as it stands (raw markup kept from an
 * import) would run: that is an error. Markup wrapped in
 * `{% raw %}…{% endraw %}` is left alone by Liquid and is fine. In the front
 * matter Jekyll does not run Liquid, but themes print these values into
 * pages and feeds where they would show as code, so there it is a warning.
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

/** What a side writes into the published file as it stands: raw markup. */
function markupStrings(side: PMNode): string[] {
  const out: string[] = [];
  side.descendants((node) => {
    if (node.type === schema.nodes.raw_block || node.type === schema.nodes.raw_inline) out.push(node.attrs.text as string);
    return true;
  });
  return out;
}

/**
 * What a person typed, escaped for Liquid on export: text (joined per block,
 * so `{{` typed across a bold boundary is still found), image descriptions
 * and titles, link addresses and titles (a link holding Liquid is written as
 * `<a href>` with the braces as character references).
 */
function typedStrings(side: PMNode): string[] {
  const texts: string[] = [];
  side.descendants((node) => {
    if (node.type === schema.nodes.figure) texts.push(node.attrs.alt as string, (node.attrs.title as string | null) ?? '');
    for (const mark of node.marks) if (mark.type === schema.marks.link) texts.push((mark.attrs.title as string | null) ?? '');
    if (node.isTextblock) {
      let text = '';
      node.forEach((child) => {
        if (child.isText) text += child.text;
        for (const mark of child.marks) if (mark.type === schema.marks.link) texts.push(mark.attrs.href as string, (mark.attrs.title as string | null) ?? '');
      });
      texts.push(text);
      return false;
    }
    return true;
  });
  return texts;
}

/** Liquid-looking text, raw spans and all: typed, it is all shown as typed. */
const typedLiquid = (text: string): string[] => [...text.matchAll(LIQUID)].map((match) => match[0]);

export function checkLiquid(segment: QaSegment): QaIssue[] {
  const issues: QaIssue[] = [];
  const running = [...new Set(markupStrings(segment.target).flatMap(findLiquid))];
  if (running.length > 0) {
    issues.push(
      issue(
        'liquid-in-markup',
        `The translation's markup contains ${listed(running.slice(0, 2).map((code) => quote(code, 30)))}, which the site would run as Liquid template code; change it or wrap it in {% raw %}…{% endraw %}.`,
        { segmentId: segment.id },
      ),
    );
  }
  const shown = [...new Set(typedStrings(segment.target).flatMap(typedLiquid))];
  if (shown.length > 0) {
    issues.push(
      issue(
        'liquid-in-text',
        `The translation contains ${listed(shown.slice(0, 2).map((code) => quote(code, 30)))}, which looks like Liquid template code; it is published as typed, not run.`,
        { segmentId: segment.id },
      ),
    );
  }
  return issues;
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
    return [
      issue(
        'liquid-in-front-matter',
        `The ${field(key)} contains ${quote(found[0]!, 30)}, which looks like Liquid template code and may show as code on the site.`,
        { frontMatterKey: key },
      ),
    ];
  });
}
