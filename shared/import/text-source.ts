/**
 * Plain text → paragraphs. A blank line separates paragraphs; a single line
 * break does not (text copied from a PDF or an e-mail is wrapped), except before
 * an indented line, which Chinese typesetting uses to open a paragraph.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { ZERO_WIDTH } from './clean-html';

const BLANK_LINES = /\n(?:[ \t\u00A0\u3000]*\n)+/;
/** An indented line: an ideographic space, two or more spaces (or no-break spaces), or a tab. */
const INDENTED = /^(?:\u3000|[ \u00A0]{2,}|\t)/;
/** Characters written without spaces between them: a wrapped line joins them directly. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

export function textToBlocks(text: string): PMNode[] {
  const normalized = text
    .replace(/^\uFEFF/, '')
    .replace(ZERO_WIDTH, '')
    .replace(/\r\n?/g, '\n');
  const paragraphs: string[] = [];
  for (const chunk of normalized.split(BLANK_LINES)) {
    let current: string[] = [];
    for (const line of chunk.split('\n')) {
      if (INDENTED.test(line) && current.length > 0) {
        paragraphs.push(joinLines(current));
        current = [];
      }
      current.push(line);
    }
    paragraphs.push(joinLines(current));
  }
  return paragraphs.filter((paragraph) => paragraph !== '').map((paragraph) => schema.nodes.paragraph!.create(null, schema.text(paragraph)));
}

function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw
      .replace(/^[\s\u00A0\u3000]+/, '')
      .replace(/[\s\u00A0\u3000]+$/, '')
      .replace(/[ \t]+/g, ' ');
    if (line === '') continue;
    if (out === '') out = line;
    else out += CJK.test(out.slice(-1)) || CJK.test(line[0]!) ? line : ` ${line}`;
  }
  return out;
}
