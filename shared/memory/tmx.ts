/**
 * TMX 1.4b, the translation-memory interchange format: Duet's memory written
 * for other CAT tools and read from theirs. Pure functions over text; the
 * store, API and CLI call them.
 *
 *   writeTmx(units, { tool, toolVersion }) → the file's text
 *   readTmx(text) → { units, notes }, or a TmxFileError for a file refused whole
 *
 * Duet's own files read back exactly (marks, breaks, raw markup, blocks);
 * other tools see each side as text with tags. See tmx-write.ts and
 * tmx-read.ts for what is written and read.
 */
export { MAX_TMX_BYTES, TmxFileError, TMX_SOURCE_LANGUAGE, TMX_TARGET_LANGUAGE, type TmxReading, type TmxUnit } from './tmx-unit';
export { writeTmx, type WriteTmxOptions } from './tmx-write';
export { readTmx } from './tmx-read';
