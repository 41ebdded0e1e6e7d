/**
 * Glossary entries → a TBX-Basic file in the TBX 2008 `martif` form, which
 * translate-toolkit, memoQ and Trados read (docs/GLOSSARY.md, "Files"). One
 * `termEntry` an entry: the Chinese term in a `zh-CN` language set, the
 * English translations in an `en` one, preferred first, each with its
 * `administrativeStatus` (preferred, admitted, deprecated); the note as a
 * `note`; who made and changed it when as `transacGrp`s. Case sensitivity has
 * no TBX-Basic data category: it goes as Duet's own `x-duet-caseSensitive`
 * admin, which other tools ignore.
 */
import type { GlossaryEntry, TermUse } from '../protocol/glossary-api';
import { escapeXmlAttribute, escapeXmlText } from '../xliff/xml-text';

const STATUS: Record<TermUse, string> = {
  preferred: 'preferredTerm-admn-sts',
  allowed: 'admittedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
};

const isoDate = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

function transaction(kind: 'origination' | 'modification', by: string | null, at: number): string {
  const who = by === null ? '' : `\n          <transacNote type="responsibility">${escapeXmlText(by)}</transacNote>`;
  return `        <transacGrp>
          <transac type="transactionType">${kind}</transac>${who}
          <date>${isoDate(at)}</date>
        </transacGrp>\n`;
}

function entryXml(entry: GlossaryEntry): string {
  const note = entry.note === '' ? '' : `        <note>${escapeXmlText(entry.note)}</note>\n`;
  const caseSensitive = entry.caseSensitive ? '        <admin type="x-duet-caseSensitive">yes</admin>\n' : '';
  const translations = entry.translations
    .map(
      (translation) => `          <tig>
            <term>${escapeXmlText(translation.text)}</term>
            <termNote type="administrativeStatus">${STATUS[translation.use]}</termNote>
          </tig>\n`,
    )
    .join('');
  const modified = entry.changedAt !== entry.createdAt ? transaction('modification', entry.changedBy, entry.changedAt) : '';
  return `      <termEntry id="${escapeXmlAttribute(`duet-${entry.id}`)}">
${note}${caseSensitive}${transaction('origination', entry.createdBy, entry.createdAt)}${modified}        <langSet xml:lang="zh-CN">
          <tig>
            <term>${escapeXmlText(entry.source)}</term>
          </tig>
        </langSet>
        <langSet xml:lang="en">
${translations}        </langSet>
      </termEntry>\n`;
}

export interface TbxHeader {
  /** The glossary's title in the file's header. */
  title: string;
  /** The tool and version that wrote it, for the header's source description. */
  tool: string;
}

/** `entries` as one TBX-Basic file (the entries are read once, in order, so a generator may stream them). */
export function writeTbx(entries: Iterable<GlossaryEntry>, header: TbxHeader): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="zh-CN">
  <martifHeader>
    <fileDesc>
      <titleStmt>
        <title>${escapeXmlText(header.title)}</title>
      </titleStmt>
      <sourceDesc>
        <p>${escapeXmlText(header.tool)}</p>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <p type="XCSURI">TBXBasicXCSV02.xcs</p>
    </encodingDesc>
  </martifHeader>
  <text>
    <body>\n`,
  ];
  for (const entry of entries) parts.push(entryXml(entry));
  parts.push('    </body>\n  </text>\n</martif>\n');
  return parts.join('');
}
