/**
 * A TMX file (1.4b, 1.4, and 1.1–1.3, which differ little for what Duet
 * reads) → translation-memory units. A file Duet cannot read (not XML, not
 * TMX, broken inline codes, too large) is refused whole with a TmxFileError
 * naming its line; what is merely more than Duet holds (a unit without a
 * Chinese and an English variant, codes Duet has no mark for) is left out
 * and said in the reading's notes.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { BlockShape } from '../xliff/block-shapes';
import { attr, childElements, parseXml, textContent, XmlSyntaxError, type XmlElement } from '../xliff/xml-tree';
import { parseTmxDate } from './tmx-dates';
import { isChinese, isEnglish } from '../text/language-tags';
import { variantLanguage } from './tmx-languages';
import { TmxReport } from './tmx-report';
import { readSeg } from './tmx-seg-read';
import { paragraphsOf, readShape, sideFromShape } from './tmx-shape';
import { MAX_TMX_BYTES, TmxFileError, TMX_TYPE, type TmxReading, type TmxUnit } from './tmx-unit';

const VERSIONS = ['1.1', '1.2', '1.3', '1.4', '1.4b'];

/** UTF-8 length of `text`, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

export function readTmx(text: string): TmxReading {
  const megabytes = `${MAX_TMX_BYTES / 1024 / 1024} MiB`;
  if (text.length > MAX_TMX_BYTES || utf8Length(text) > MAX_TMX_BYTES) throw new TmxFileError(`the TMX file is over the limit of ${megabytes}`, null, true);
  if (text.trim() === '') throw new TmxFileError('the TMX file is empty');
  // saxes says so only where the stray text ends; a file that is not markup at all is refused where it starts.
  const start = /\S/.exec(text.replace(/^\uFEFF/, ''));
  if (start && start[0] !== '<') {
    const line = text.slice(0, start.index + 1).split('\n').length;
    throw new TmxFileError(`the file is not XML: it starts with ${JSON.stringify(text.slice(start.index, start.index + 20))}, not with a tag`, line);
  }
  let root: XmlElement;
  try {
    root = parseXml(text, { doctype: 'tmx' });
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new TmxFileError(`the file is not well-formed XML: ${error.reason}`, error.line);
    throw error;
  }
  if (root.local !== 'tmx' || root.uri !== '')
    throw new TmxFileError(`the file is not TMX: its root element is <${root.local}>${root.uri === '' ? '' : ` in the namespace "${root.uri}"`}`, root.line);
  const version = attr(root, 'version');
  if (version === undefined) throw new TmxFileError('the <tmx> element has no version', root.line);
  if (!VERSIONS.includes(version.trim())) throw new TmxFileError(`the file is TMX ${version}; Duet reads TMX ${VERSIONS.join(', ')}`, root.line);
  const header = childElements(root, 'header')[0];
  if (!header) throw new TmxFileError('the <tmx> has no <header>', root.line);
  const body = childElements(root, 'body')[0];
  if (!body) throw new TmxFileError('the <tmx> has no <body>', root.line);

  const report = new TmxReport();
  const srclang = attr(header, 'srclang')?.trim();
  if (srclang !== undefined && srclang.toLowerCase() !== '*all*' && !isChinese(srclang)) report.headerSays(srclang);
  // Duet's own segs hold exactly the side's text; other tools indent theirs.
  const trim = attr(header, 'o-tmf') !== 'Duet';
  const units: TmxUnit[] = [];
  for (const tu of childElements(body, 'tu')) {
    const unit = readUnit(tu, trim, report);
    if (unit) units.push(unit);
  }
  return { units, notes: report.lines(units.length) };
}

function readUnit(tu: XmlElement, trim: boolean, report: TmxReport): TmxUnit | null {
  const tuvs = childElements(tu, 'tuv').map((tuv) => ({ tuv, lang: variantLanguage(tuv) }));
  const chinese = tuvs.filter(({ lang }) => lang !== null && isChinese(lang));
  const english = tuvs.filter(({ lang }) => lang !== null && isEnglish(lang));
  if (chinese.length === 0 || english.length === 0) {
    report.skip(tu.line);
    return null;
  }
  if (chinese.length > 1 || english.length > 1) report.extraVariant(tu.line);
  const source = chinese[0]!;
  const target = english[0]!;
  report.language(source.lang!);
  report.language(target.lang!);

  const date = (element: XmlElement, name: string): number | null => {
    const value = attr(element, name);
    if (value === undefined) return null;
    const ms = parseTmxDate(value);
    if (ms === null) report.badDate(element.line);
    return ms;
  };
  const text = (name: string) => attr(tu, name) ?? attr(target.tuv, name) ?? null;
  const usage = attr(tu, 'usagecount');
  let usedCount = 0;
  if (usage !== undefined) {
    if (/^\s*\d+\s*$/.test(usage)) usedCount = Number(usage);
    else report.badCount(tu.line);
  }
  const notes = childElements(tu, 'note').map((note) => textContent(note).trim());
  const props: Record<string, string> = {};
  for (const prop of childElements(tu, 'prop')) {
    const type = attr(prop, 'type');
    if (type === undefined || Object.hasOwn(props, type)) report.duplicateProp(prop.line);
    else props[type] = textContent(prop);
  }
  return {
    source: readSide(source.tuv, trim, report),
    target: readSide(target.tuv, trim, report),
    author: text('creationid'),
    createdAt: attr(tu, 'creationdate') !== undefined ? date(tu, 'creationdate') : date(target.tuv, 'creationdate'),
    changedBy: text('changeid'),
    changedAt: attr(tu, 'changedate') !== undefined ? date(tu, 'changedate') : date(target.tuv, 'changedate'),
    usedCount,
    lastUsedAt: date(tu, 'lastusagedate'),
    note: notes.length > 0 ? notes.join('\n') : null,
    props,
  };
}

function readSide(tuv: XmlElement, trim: boolean, report: TmxReport): PMNode {
  const segs = childElements(tuv, 'seg');
  if (segs.length !== 1) throw new TmxFileError(`a <tuv> has ${segs.length} <seg> elements, where TMX has one`, tuv.line);
  const shapeProp = childElements(tuv, 'prop').find((prop) => attr(prop, 'type') === TMX_TYPE.shape);
  let shape: BlockShape[] | null = null;
  if (shapeProp) {
    try {
      shape = readShape(textContent(shapeProp));
    } catch (error) {
      throw new TmxFileError(`the ${TMX_TYPE.shape} prop is not a shape Duet wrote: ${(error as Error).message}`, shapeProp.line);
    }
  }
  const runs = readSeg(segs[0]!, { trim, report });
  if (shape === null) return paragraphsOf(runs);
  const side = sideFromShape(shape, runs);
  if (side) return side;
  report.misfitShape(segs[0]!.line);
  return paragraphsOf(runs);
}
