/**
 * What reading a glossary file (TBX or CSV) gives, and how it refuses one:
 * whole, with the line and the reason, before anything is stored.
 */
import type { GlossaryFormat } from '../protocol/glossary-api';
import type { ReadEntry } from './glossary-entry';

export interface GlossaryReading {
  entries: ReadEntry[];
  /** Entries without a Chinese or an English term, left out. */
  skipped: number;
  /** For the import's report: what was read otherwise than the file says, or left out. */
  notes: string[];
}

export class GlossaryFileError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number | null = null,
    /** Refused for its size, not its content. */
    readonly tooLarge = false,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
  }
}

/** A file's format by its name (.tbx, .csv, .tsv, .txt), else by its content (XML is TBX). */
export function glossaryFormatOf(fileName: string, content: string): GlossaryFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'tbx' || extension === 'xml') return 'tbx';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  return /^\uFEFF?\s*</.test(content) ? 'tbx' : 'csv';
}
