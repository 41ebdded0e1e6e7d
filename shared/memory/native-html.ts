/**
 * The native codes inside TMX's `<bpt>`/`<ept>`: the markup a mark stands
 * for, as HTML (`<strong>`, `<a href="…">`). Duet writes them so other tools
 * show a tag a translator recognises, and reads back the tag a code holds,
 * whoever wrote it (`<b>`, `<em>`, `<a href='…' title=…>`).
 */
import type { Mark } from 'prosemirror-model';

const TAG: Record<string, string> = { strong: 'strong', em: 'em', code: 'code', link: 'a' };

const HTML_ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const escapeHtmlAttribute = (value: string) => value.replace(/[&"<>]/g, (char) => HTML_ATTRIBUTE_ESCAPES[char]!);

function tagName(mark: Mark): string {
  const name = TAG[mark.type.name];
  if (name === undefined) throw new Error(`no native code for the mark "${mark.type.name}"`);
  return name;
}

/** The start tag of `mark`'s markup. */
export function openingNative(mark: Mark): string {
  if (mark.type.name !== 'link') return `<${tagName(mark)}>`;
  const title = mark.attrs.title as string | null;
  return `<a href="${escapeHtmlAttribute(mark.attrs.href as string)}"${title === null ? '' : ` title="${escapeHtmlAttribute(title)}"`}>`;
}

export const closingNative = (mark: Mark): string => `</${tagName(mark)}>`;

export interface NativeTag {
  /** Lower case. */
  name: string;
  closing: boolean;
  /** Attribute values by lower-case name, character references decoded. */
  attrs: Map<string, string>;
}

const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_REFERENCES[name.toLowerCase()] ?? whole;
  });
}

const TAG_PATTERN = /^<(\/?)([a-z][a-z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>$/i;
const ATTRIBUTE_PATTERN = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** `text` read as one HTML start or end tag; null when it is anything else (RTF, a placeholder's name, several tags). */
export function parseNativeTag(text: string): NativeTag | null {
  const match = TAG_PATTERN.exec(text.trim());
  if (!match) return null;
  const attrs = new Map<string, string>();
  for (const attribute of match[3]!.matchAll(ATTRIBUTE_PATTERN)) {
    const name = attribute[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeReferences(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
  }
  return { name: match[2]!.toLowerCase(), closing: match[1] === '/', attrs };
}
