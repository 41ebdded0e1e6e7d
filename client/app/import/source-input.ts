/**
 * The new-article dialog's source, as the person gave it (typed, pasted from
 * a web page, or a file), and how it becomes a request to the import API.
 * Pure functions: the dialog's hook holds the state, these shape it.
 */
import type { PreviewSegment, SourceFormat } from '../../../shared/import/import-source';
import { MAX_IMPORT_BYTES } from '../../../shared/import/text-file';
import type { ImportSourceRequest } from '../../api/api';
import { ApiError } from '../../api/http';
import { describeError } from '../../ui/messages';

export type FormatChoice = 'auto' | SourceFormat;

export const FORMAT_CHOICES: readonly { value: FormatChoice; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'html', label: 'HTML' },
  { value: 'markdown', label: 'Markdown' },
  { value: 'text', label: 'Plain text' },
  { value: 'docx', label: 'Word (.docx)' },
];

export const FORMAT_NAMES: Record<SourceFormat, string> = { html: 'HTML', markdown: 'Markdown', text: 'Plain text', docx: 'Word' };

/** What the file picker offers; a dropped file of another kind still goes to the server, which says what is wrong with it. */
export const ACCEPTED_FILES = '.html,.htm,.xhtml,.md,.markdown,.txt,.docx';

export type SourceInput =
  /** Typed (or pasted as plain text) into the paste area. */
  | { kind: 'typed'; text: string }
  /** Pasted or dropped from a web page: the clipboard's HTML, and its plain-text flavour for Markdown and text. */
  | { kind: 'pasted'; html: string; text: string; size: number }
  /** A chosen or dropped file, its bytes in base64; `refused` when it is not sent at all. */
  | { kind: 'file'; name: string; size: number; base64: string; refused?: string };

/** The request that imports (or previews) this source, or null when there is nothing to send. */
export function importRequest(source: SourceInput | null, format: FormatChoice, sourceUrl: string): ImportSourceRequest | null {
  if (!source) return null;
  let request: ImportSourceRequest;
  switch (source.kind) {
    case 'typed':
      if (source.text.trim() === '') return null;
      // Not a file, but the name is how the server's messages refer to it.
      request = { content: source.text, filename: 'the text' };
      break;
    case 'pasted':
      // Markdown and plain text live in the clipboard's text flavour; the HTML flavour would bury them in markup.
      request = { content: (format === 'markdown' || format === 'text') && source.text.trim() !== '' ? source.text : source.html, filename: 'the pasted page' };
      break;
    case 'file':
      // Every file goes as bytes, not decoded here, so the server's checks (binary, not UTF-8, too large) see what the person chose.
      if (source.refused) return null;
      request = { contentBase64: source.base64, filename: source.name };
      break;
  }
  if (format !== 'auto') request.format = format;
  if (sourceUrl.trim() !== '') request.sourceUrl = sourceUrl.trim();
  return request;
}

/** Why a file is not even sent: over the import limit, it would only be refused after a long upload. */
export function fileRefusal(file: { name: string; size: number }): string | null {
  return file.size > MAX_IMPORT_BYTES ? `${file.name} is ${formatSize(file.size)}; the limit is ${formatSize(MAX_IMPORT_BYTES)}` : null;
}

/** Base64 of any size: btoa takes a binary string, built in chunks so a large file does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Sizes as the server's messages give them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

export const segmentCount = (n: number): string => `${n} ${n === 1 ? 'segment' : 'segments'}`;

/** A segment's kind in a person's words: "Heading 1", "List item 2", "Figure". */
export function segmentKind(segment: PreviewSegment): string {
  const attrs = (segment.block.attrs ?? {}) as Record<string, unknown>;
  switch (segment.type) {
    case 'heading':
      return typeof attrs.level === 'number' ? `Heading ${attrs.level}` : 'Heading';
    case 'list_item':
      return attrs.ordered === true && typeof attrs.number === 'number' ? `List item ${attrs.number}` : 'List item';
    case 'paragraph':
      return 'Paragraph';
    case 'blockquote':
      return 'Quotation';
    case 'figure':
      return 'Figure';
    case 'horizontal_rule':
      return 'Rule';
    case 'raw_block':
      return 'Code';
    default:
      return String(segment.type);
  }
}

/** A figure's image address, shown as text (never loaded in the preview), or null for other segments. */
export function figureImage(segment: PreviewSegment): string | null {
  if (segment.type !== 'figure') return null;
  const src = ((segment.block.attrs ?? {}) as Record<string, unknown>).src;
  return typeof src === 'string' ? describeImageSource(src) : null;
}

/** A Word document's images are data: URLs a megabyte long: name them instead of printing them. */
export function describeImageSource(src: string): string {
  const data = /^data:([^;,]*)[^,]*,/.exec(src);
  if (!data) return src;
  const payload = src.length - data[0].length;
  return `embedded image (${data[1] || 'unknown type'}, ${formatSize(Math.floor((payload * 3) / 4))})`;
}

/**
 * The server's message about a source, as a sentence; one that starts with the
 * file's name keeps it as written ("notes.txt holds only white space."), not capitalised.
 */
export function describeImportError(error: unknown, filename: string | undefined): string {
  if (filename && error instanceof ApiError && error.code !== 'internal' && error.message.trim().startsWith(filename)) {
    const message = error.message.trim();
    return /[.!?…]$/.test(message) ? message : `${message}.`;
  }
  return describeError(error);
}
