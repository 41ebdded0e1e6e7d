/**
 * Translation-memory units → a TMX 1.4b file: one `<tu>` per unit with a
 * `zh-CN` and an `en` variant, the unit's who and when as the tu's
 * attributes, its note and props inside it. Each side's text and inline
 * markup is its `<seg>` (tmx-seg-write.ts); its blocks, when they are not one
 * paragraph, the variant's `x-duet-shape` prop (tmx-shape.ts).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { escapeXmlText, xmlAttributes } from '../xliff/xml-text';
import { formatTmxDate } from './tmx-dates';
import { writeSeg } from './tmx-seg-write';
import { writeShape } from './tmx-shape';
import { TMX_SOURCE_LANGUAGE, TMX_TARGET_LANGUAGE, TMX_TYPE, type TmxUnit } from './tmx-unit';

export interface WriteTmxOptions {
  /** The header's creationtool (default "Duet"). */
  tool?: string;
  /** The header's creationtoolversion (default "unknown"). */
  toolVersion?: string;
}

const date = (ms: number | null) => (ms === null ? null : formatTmxDate(ms));

function variant(lang: string, side: PMNode, what: string): { xml: string; hasCodes: boolean } {
  if (side.type.name !== 'doc') throw new Error(`a TMX unit's ${what} must be a doc node, not ${side.type.name}`);
  const shape = writeShape(side);
  const seg = writeSeg(side);
  const prop = shape === null ? '' : `\n        <prop type="${TMX_TYPE.shape}">${escapeXmlText(shape)}</prop>`;
  return { xml: `      <tuv${xmlAttributes([['xml:lang', lang]])}>${prop}\n        <seg>${seg.xml}</seg>\n      </tuv>\n`, hasCodes: seg.hasCodes };
}

function writeUnit(unit: TmxUnit): { xml: string; hasCodes: boolean } {
  const attributes = xmlAttributes([
    ['creationid', unit.author],
    ['creationdate', date(unit.createdAt)],
    ['changeid', unit.changedBy],
    ['changedate', date(unit.changedAt)],
    ['usagecount', unit.usedCount > 0 ? Math.floor(unit.usedCount) : null],
    ['lastusagedate', date(unit.lastUsedAt)],
  ]);
  const note = unit.note === null ? '' : `      <note>${escapeXmlText(unit.note)}</note>\n`;
  const props = Object.entries(unit.props)
    .map(([type, value]) => `      <prop${xmlAttributes([['type', type]])}>${escapeXmlText(value)}</prop>\n`)
    .join('');
  const source = variant(TMX_SOURCE_LANGUAGE, unit.source, 'source');
  const target = variant(TMX_TARGET_LANGUAGE, unit.target, 'target');
  return { xml: `    <tu${attributes}>\n${note}${props}${source.xml}${target.xml}    </tu>\n`, hasCodes: source.hasCodes || target.hasCodes };
}

export function writeTmx(units: Iterable<TmxUnit>, options: WriteTmxOptions = {}): string {
  let body = '';
  let hasCodes = false;
  for (const unit of units) {
    const written = writeUnit(unit);
    body += written.xml;
    hasCodes ||= written.hasCodes;
  }
  const header = xmlAttributes([
    ['creationtool', options.tool ?? 'Duet'],
    ['creationtoolversion', options.toolVersion ?? 'unknown'],
    ['segtype', 'paragraph'],
    ['o-tmf', 'Duet'],
    ['adminlang', 'en'],
    ['srclang', TMX_SOURCE_LANGUAGE],
    // Inline codes hold markup (HTML's tags): plain text is what a memory without them holds.
    ['datatype', hasCodes ? 'xml' : 'plaintext'],
  ]);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    '<tmx version="1.4">\n' +
    `  <header${header}/>\n` +
    `  <body>\n${body}  </body>\n` +
    '</tmx>\n'
  );
}
