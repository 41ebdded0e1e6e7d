/**
 * A translation-memory unit as TMX carries it, and how reading a TMX file can
 * fail. The writer (tmx-write.ts) and the reader (tmx-read.ts) share these;
 * tmx.ts is the module others import.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { SOURCE_LANGUAGE, TARGET_LANGUAGE } from '../xliff/vocabulary';

export interface TmxUnit {
  /** A `doc` node of shared/schema: the Chinese side. */
  source: PMNode;
  /** A `doc` node: the English side. */
  target: PMNode;
  /** The tu's `creationid`. */
  author: string | null;
  /** The tu's `creationdate` (YYYYMMDDThhmmssZ), in ms since the epoch. */
  createdAt: number | null;
  /** `changeid`. */
  changedBy: string | null;
  /** `changedate`, in ms. */
  changedAt: number | null;
  /** `usagecount` (0 when absent). */
  usedCount: number;
  /** `lastusagedate`, in ms. */
  lastUsedAt: number | null;
  /** The tu's `<note>` (several are joined by line breaks). */
  note: string | null;
  /** The tu's `<prop type="…">` values, such as x-duet-status and x-duet-article. */
  props: Record<string, string>;
}

export interface TmxReading {
  units: TmxUnit[];
  /** Human-readable report lines: what was skipped, dropped or read otherwise than the file says. */
  notes: string[];
}

export { MAX_TMX_BYTES } from '../protocol/memory-api';

/** A file Duet does not read: refused whole, with the line where the problem is (when there is one) and why. */
export class TmxFileError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number | null = null,
    readonly tooLarge = false,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
    this.name = 'TmxFileError';
  }
}

/** The language Duet writes for each side: its one language pair, as its XLIFF files name it. */
export const TMX_SOURCE_LANGUAGE = SOURCE_LANGUAGE;
export const TMX_TARGET_LANGUAGE = TARGET_LANGUAGE;

/**
 * The codes' `type`s Duet writes. TMX 1.4b names bold, italic, link, lb; the
 * rest are Duet's own, with the `x-` TMX asks of user-defined values.
 */
export const TMX_TYPE = {
  strong: 'bold',
  em: 'italic',
  link: 'link',
  code: 'x-code',
  lineBreak: 'lb',
  raw: 'x-duet-raw',
  block: 'x-duet-block',
  /** The tuv `<prop>` holding the side's blocks (tmx-shape.ts). */
  shape: 'x-duet-shape',
} as const;
