/**
 * The translation memory as a TMX file (docs/MEMORY.md, "TMX"): importing one
 * into the memory and exporting the whole memory as one, for the CLI
 * (`duet tm import|export`) and the API (POST and GET /api/memory/tmx) alike.
 * A file readTmx refuses is refused whole, before anything is stored.
 */
import { readTmx, TmxFileError, writeTmx, type TmxReading, type TmxUnit } from '../../shared/memory/tmx';
import { DuetError } from '../../shared/protocol/errors';
import type { ImportSummary, StoredUnit, TranslationMemory } from './translation-memory';

/** The TMX file's media type (TMX 1.4b names none; this is the one CAT tools and LISA's successors use). */
export const TMX_CONTENT_TYPE = 'application/x-tmx+xml';

/** The name a downloaded memory is saved as. */
export const TMX_DOWNLOAD_NAME = 'duet-memory.tmx';

export interface TmxImportSummary extends ImportSummary {
  /** readTmx's report: what was read otherwise than the file says, or left out. */
  notes: string[];
}

/** Read `text` as TMX and store its units in one transaction; a file Duet does not read is a DuetError naming its line, and nothing is stored. */
export function importMemoryTmx(memory: TranslationMemory, text: string, fileName: string, at: number): TmxImportSummary {
  let reading: TmxReading;
  try {
    reading = readTmx(text);
  } catch (error) {
    if (error instanceof TmxFileError)
      throw new DuetError(error.tooLarge ? 'too_large' : 'invalid_input', `the TMX file was not imported, nothing stored: ${error.message}`);
    throw error;
  }
  return { ...memory.importUnits(reading.units, fileName, at), notes: reading.notes };
}

/** A stored unit as TMX carries it: its status (and article) as Duet's own props. */
export function tmxUnitOf(unit: StoredUnit): TmxUnit {
  return {
    source: unit.source,
    target: unit.target,
    author: unit.author,
    createdAt: unit.createdAt,
    changedBy: null,
    changedAt: unit.changedAt,
    usedCount: unit.usedCount,
    lastUsedAt: unit.lastUsedAt,
    note: null,
    props: { 'x-duet-status': unit.status, ...(unit.articleTitle === null ? {} : { 'x-duet-article': unit.articleTitle }) },
  };
}

/** Every unit of the memory, oldest first, as one TMX 1.4b file. */
export function exportMemoryTmx(memory: TranslationMemory, toolVersion: string): string {
  return writeTmx(mapUnits(memory.units()), { tool: 'Duet', toolVersion });
}

function* mapUnits(units: Iterable<StoredUnit>): Iterable<TmxUnit> {
  for (const unit of units) yield tmxUnitOf(unit);
}

/** The import's summary as lines for a person (the CLI's output). */
export function tmxImportReport(summary: TmxImportSummary): string[] {
  return [`${summary.added} added, ${summary.unchanged} unchanged, ${summary.skipped} skipped`, ...summary.notes];
}
