/**
 * Which kind of source a file is: a Word document, HTML, Markdown or plain
 * text. Detection looks at the bytes first (a .docx is a zip archive), then the
 * file name, then the text itself; the user's choice always overrides it.
 */
import { DuetError } from '../protocol/errors';
import { SOURCE_FORMATS, type SourceFormat } from '../protocol/article-api';
import { decodeTextFile } from './text-file';

// The list is part of the wire contract (the import request's `format`), so it lives there.
export { SOURCE_FORMATS, type SourceFormat };

export const isSourceFormat = (value: unknown): value is SourceFormat => typeof value === 'string' && (SOURCE_FORMATS as readonly string[]).includes(value);

const EXTENSIONS: Record<string, SourceFormat> = {
  docx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

export const extensionOf = (filename: string | undefined): string => /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase() ?? '';

/** A zip archive's first local file header: `PK\x03\x04`. */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The compound-file header of Word 97–2003 `.doc` files. */
const isOleDocument = (bytes: Uint8Array): boolean => [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => bytes[i] === byte);

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const codes = [...needle].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i <= bytes.length - codes.length; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return true;
  }
  return false;
}

/** Zip entry names are stored uncompressed, so a Word document shows its main part's name in its bytes. */
const isWordZip = (bytes: Uint8Array): boolean => containsAscii(bytes, 'word/document.xml');

export function detectFormat(bytes: Uint8Array, filename?: string): SourceFormat {
  const name = filename ?? 'the file';
  const extension = extensionOf(filename);
  if (isZip(bytes)) {
    if (extension === 'docx' || isWordZip(bytes)) return 'docx';
    throw new DuetError('invalid_input', `${name} is a zip archive, not a Word (.docx) document`);
  }
  if (isOleDocument(bytes)) throw new DuetError('invalid_input', `${name} is an old Word (.doc) or Office file: save it as .docx and import that`);
  const byName = EXTENSIONS[extension];
  if (byName) return byName;
  return detectTextFormat(decodeTextFile(bytes, name));
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n/;
export const hasFrontMatter = (text: string): boolean => FRONT_MATTER.test(text);

/** A page or a browser paste: it starts with markup and closes some of it. */
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>])/i;
const TAG_START = /^\s*<([a-z][a-z0-9-]*)[\s/>]/i;
const CLOSING_OR_VOID = /<\/[a-z][a-z0-9-]*\s*>|<(?:br|img|hr)[\s/>]/i;

const MARKDOWN_STRONG = [
  /^#{1,6}[ \t]+\S/m, // heading
  /!\[[^\]\n]*\]\([^)\s]+[^)]*\)/, // image
  /\[[^\]\n]+\]\((?:https?:\/\/|\/|\.\.?\/|#|mailto:)[^)\s]*[^)]*\)/, // link
  /^(?:```|~~~)/m, // fenced code
  /(?:\*\*|__)\S[^\n]*?\S?(?:\*\*|__)/, // bold
];
const MARKDOWN_LINES = [/^[ \t]{0,3}[-*+][ \t]+\S/gm, /^[ \t]{0,3}\d{1,9}[.)][ \t]+\S/gm, /^[ \t]{0,3}>[ \t]?\S/gm];

export function detectTextFormat(text: string): Exclude<SourceFormat, 'docx'> {
  if (hasFrontMatter(text)) return 'markdown';
  if (HTML_START.test(text) || (TAG_START.test(text) && CLOSING_OR_VOID.test(text))) return 'html';
  if (MARKDOWN_STRONG.some((pattern) => pattern.test(text))) return 'markdown';
  // One line that looks like a list item is a sentence starting "1. "; two are a list.
  if (MARKDOWN_LINES.some((pattern) => (text.match(pattern) ?? []).length >= 2)) return 'markdown';
  return 'text';
}
