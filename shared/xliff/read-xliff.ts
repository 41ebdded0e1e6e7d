/**
 * XLIFF 1.2 (or 1.1) text → its trans-units, read into ProseMirror content.
 * Whatever makes the whole file unusable (not XML, not XLIFF 1.1 or 1.2, the
 * wrong languages, too large) is an XliffFileError; a problem inside one unit
 * is kept on that unit, so an import can report every problem at once.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { isSegmentStatus, type SegmentStatus } from '../article/status';
import { readShapes, type BlockShape } from './block-shapes';
import { readInline } from './inline-codes';
import { isPoHeader, PO2XLIFF_SOURCE_LANGUAGE, poReference } from './po-conversion';
import { UnitProblem } from './unit-problem';
import { DUET_NS, isXliffElement, XLIFF_READ_NAMESPACES } from './vocabulary';
import { attr, childElements, parseXml, XML_NS, XmlSyntaxError, type XmlElement } from './xml-tree';

/** The largest XLIFF file Duet reads: an article's XLIFF is a few times its Markdown, and the seed's is under 100 KB. */
export const MAX_XLIFF_BYTES = 5 * 1024 * 1024;

export class XliffFileError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

export interface XliffUnit {
  /** The trans-unit's id. */
  id: string;
  /**
   * The id of the segment the unit stands for: its id, or, in a file
   * translate-toolkit made from PO, the PO entry's location (po-conversion.ts).
   */
  segmentId: string;
  line: number;
  translate: boolean;
  /** The PO header translate-toolkit carries as a trans-unit: not a segment. */
  poHeader: boolean;
  /** `approved="yes"` on the trans-unit. */
  approved: boolean;
  /** `duet:status`: the segment's status when Duet exported it (null in files Duet did not write). */
  exportedStatus: SegmentStatus | null;
  /** `duet:target-hash`: the fingerprint of the target Duet exported (null: exported empty, or not from Duet). */
  exportedTargetHash: string | null;
  omitted: boolean;
  /** The target's `state`, if any. */
  state: string | null;
  sourceRuns: PMNode[][];
  /** null when the unit has no `<target>`. */
  targetRuns: PMNode[][] | null;
  sourceShape: BlockShape[] | null;
  targetShape: BlockShape[] | null;
  /** What could not be read in this unit. */
  problems: string[];
}

export interface XliffDocument {
  original: string | null;
  sourceLanguage: string;
  targetLanguage: string | null;
  /** `duet:article`: the article the file was exported from. */
  articleId: string | null;
  units: XliffUnit[];
}

/** Every XLIFF namespace OASIS has published starts so (1.1, 1.2, 2.0, 2.1…). */
const OASIS_XLIFF_NS = /^urn:oasis:names:tc:xliff:document:(.+)$/;
const READ_VERSIONS = Object.keys(XLIFF_READ_NAMESPACES);
const utf8Length = (text: string) => new TextEncoder().encode(text).byteLength;

export function readXliff(text: string): XliffDocument {
  const bytes = text.length > MAX_XLIFF_BYTES ? MAX_XLIFF_BYTES + 1 : utf8Length(text);
  if (bytes > MAX_XLIFF_BYTES) throw new XliffFileError(`the XLIFF file is over the limit of ${MAX_XLIFF_BYTES / 1024 / 1024} MiB`, true);
  if (text.trim() === '') throw new XliffFileError('the XLIFF file is empty');
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new XliffFileError(`the file is not well-formed XML (${error.message})`);
    throw error;
  }
  checkVersion(root);

  const files = childElements(root, 'file').filter(isXliffElement);
  if (files.length !== 1) throw new XliffFileError(`the file has ${files.length} <file> elements; Duet reads one article per XLIFF file`);
  const file = files[0]!;
  const body = childElements(file, 'body').filter(isXliffElement)[0];
  if (!body) throw new XliffFileError('the <file> has no <body>');

  const units: XliffUnit[] = [];
  const collect = (element: XmlElement, preserve: boolean) => {
    for (const child of childElements(element)) {
      if (!isXliffElement(child)) continue;
      const space = spaceOf(child, preserve);
      if (child.local === 'group') collect(child, space);
      else if (child.local === 'trans-unit') units.push(readUnit(child, space));
    }
  };
  collect(body, spaceOf(file, spaceOf(root, false)));

  const sourceLanguage = attr(file, 'source-language');
  const targetLanguage = attr(file, 'target-language') ?? null;
  // po2xliff writes en-US whatever the PO held; each changed unit's source is still checked against its segment's.
  const fromPo = units.some((unit) => unit.poHeader || unit.segmentId !== unit.id);
  const poDefault = fromPo && sourceLanguage === PO2XLIFF_SOURCE_LANGUAGE;
  if (!poDefault && (!sourceLanguage || !/^zh\b/i.test(sourceLanguage)))
    throw new XliffFileError(`the source language is "${sourceLanguage ?? ''}", not Chinese (zh)`);
  if (targetLanguage !== null && !/^en\b/i.test(targetLanguage)) throw new XliffFileError(`the target language is "${targetLanguage}", not English (en)`);
  return { original: attr(file, 'original') ?? null, sourceLanguage, targetLanguage, articleId: attr(file, 'article', DUET_NS) ?? null, units };
}

/**
 * Is this XLIFF that Duet reads? The version comes from the `version`
 * attribute, else from the namespace; either naming a version Duet does not
 * read (2.0, 1.0, anything else) refuses the file with that version's name.
 */
function checkVersion(root: XmlElement): void {
  const oasis = OASIS_XLIFF_NS.exec(root.uri);
  if (root.local !== 'xliff' || !(root.uri === '' || oasis))
    throw new XliffFileError(`the file is not XLIFF: its root element is <${root.local}>${root.uri === '' ? '' : ` in the namespace "${root.uri}"`}`);
  const version = attr(root, 'version');
  const namespaceVersion = oasis?.[1];
  const reads = `Duet reads XLIFF ${READ_VERSIONS.join(' and ')}`;
  for (const named of [version, namespaceVersion]) {
    if (named === undefined || READ_VERSIONS.includes(named)) continue;
    const advice = named.startsWith('2') ? ' (export XLIFF 1.2 from your tool)' : '';
    throw new XliffFileError(`the file is XLIFF ${named}; ${reads}${advice}`);
  }
  if (version === undefined) throw new XliffFileError('the <xliff> element has no version');
}

function spaceOf(element: XmlElement, inherited: boolean): boolean {
  const space = attr(element, 'space', XML_NS);
  return space === undefined ? inherited : space === 'preserve';
}

function readUnit(element: XmlElement, preserve: boolean): XliffUnit {
  const status = attr(element, 'status', DUET_NS);
  const id = attr(element, 'id') ?? '';
  const unit: XliffUnit = {
    id,
    segmentId: poReference(element) ?? id,
    line: element.line,
    translate: attr(element, 'translate') !== 'no',
    poHeader: isPoHeader(element),
    approved: attr(element, 'approved') === 'yes',
    exportedStatus: isSegmentStatus(status) ? status : null,
    exportedTargetHash: attr(element, 'target-hash', DUET_NS) ?? null,
    omitted: attr(element, 'omitted', DUET_NS) === 'yes',
    state: null,
    sourceRuns: [[]],
    targetRuns: null,
    sourceShape: null,
    targetShape: null,
    problems: [],
  };
  const attempt = (read: () => void) => {
    try {
      read();
    } catch (error) {
      if (!(error instanceof UnitProblem)) throw error;
      unit.problems.push(error.message);
    }
  };
  if (status !== undefined && !unit.exportedStatus) unit.problems.push(`duet:status "${status}" is not a Duet status`);

  const sources = childElements(element, 'source').filter(isXliffElement);
  const targets = childElements(element, 'target').filter(isXliffElement);
  if (sources.length !== 1) unit.problems.push(`the trans-unit has ${sources.length} <source> elements`);
  if (targets.length > 1) unit.problems.push(`the trans-unit has ${targets.length} <target> elements`);
  const sourceCodes = new Map<string, XmlElement>();
  const source = sources[0];
  if (source) attempt(() => (unit.sourceRuns = readInline(source, { preserveSpace: spaceOf(source, preserve), collectCodes: sourceCodes })));
  const target = targets[0];
  if (target) {
    unit.state = attr(target, 'state') ?? null;
    attempt(() => (unit.targetRuns = readInline(target, { preserveSpace: spaceOf(target, preserve), sourceCodes })));
    // A target that could not be read is still a target: never mistake it for "no target".
    unit.targetRuns ??= [[]];
  }
  for (const blocks of childElements(element).filter((child) => child.uri === DUET_NS)) {
    if (blocks.local === 'source-blocks') attempt(() => (unit.sourceShape = readShapes(blocks)));
    else if (blocks.local === 'target-blocks') attempt(() => (unit.targetShape = readShapes(blocks)));
  }
  return unit;
}
