/**
 * The glossary as a file (docs/GLOSSARY.md, "Files"): importing a TBX or CSV
 * file into it and exporting it as one, for the CLI (`duet terms import|export`)
 * and the API alike. A file the readers refuse is refused whole, before
 * anything is stored.
 */
import { readGlossaryCsv, writeGlossaryCsv } from '../../shared/glossary/glossary-csv';
import { GlossaryFileError, glossaryFormatOf, type GlossaryReading } from '../../shared/glossary/glossary-file';
import { readTbx } from '../../shared/glossary/tbx-read';
import { writeTbx } from '../../shared/glossary/tbx-write';
import type { GlossaryFormat, GlossaryImportSummary } from '../../shared/protocol/glossary-api';
import { DuetError } from '../../shared/protocol/errors';
import type { Glossary } from './glossary';

export const GLOSSARY_FILES: Record<GlossaryFormat, { contentType: string; fileName: string }> = {
  // TBX has no registered media type; application/x-tbx is translate-toolkit's and most tools'.
  tbx: { contentType: 'application/x-tbx', fileName: 'duet-glossary.tbx' },
  csv: { contentType: 'text/csv', fileName: 'duet-glossary.csv' },
};

/** Read `text` (as `format`, else told by the file name and content) and store its entries in one transaction. */
export function importGlossaryFile(glossary: Glossary, text: string, fileName: string, format: GlossaryFormat | undefined, at: number): GlossaryImportSummary {
  const as = format ?? glossaryFormatOf(fileName, text);
  let reading: GlossaryReading;
  try {
    reading = as === 'tbx' ? readTbx(text) : readGlossaryCsv(text);
  } catch (error) {
    if (error instanceof GlossaryFileError)
      throw new DuetError(error.tooLarge ? 'too_large' : 'invalid_input', `the ${as.toUpperCase()} file was not imported, nothing stored: ${error.message}`);
    throw error;
  }
  return { ...glossary.importEntries(reading.entries, at), skipped: reading.skipped, notes: reading.notes };
}

/** The whole glossary as one file. */
export function exportGlossary(glossary: Glossary, format: GlossaryFormat, version: string): string {
  return format === 'tbx' ? writeTbx(glossary.all(), { title: 'Duet glossary', tool: `Duet ${version}` }) : writeGlossaryCsv(glossary.all());
}

/** The import's summary as lines for a person (the CLI's output). */
export function glossaryImportReport(summary: GlossaryImportSummary): string[] {
  return [`${summary.added} added, ${summary.merged} merged, ${summary.unchanged} unchanged, ${summary.skipped} skipped`, ...summary.notes];
}
