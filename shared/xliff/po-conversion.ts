/**
 * What translate-toolkit's po2xliff leaves in the XLIFF 1.1 it writes from a
 * PO file, read so that a Duet file taken through PO (xliff2po, a PO editor,
 * po2xliff) comes back to the segments it came from:
 *
 * - each entry's `#:` locations as `<context-group name="po-reference">`;
 *   xliff2po writes a trans-unit's id as its entry's location, so for a file
 *   that went through PO that is the segment's id, while the trans-unit's own
 *   id is po2xliff's counter;
 * - the PO header as a trans-unit of its own, `restype="x-gettext-domain-header"`:
 *   not a segment;
 * - `source-language="en-US"` on the `<file>` whatever the PO held: po2xliff
 *   has no option for it, so in such a file it says nothing about the source.
 */
import { isXliffElement } from './vocabulary';
import { childElements, textContent, type XmlElement } from './xml-tree';

/** The `restype` translate-toolkit gives the trans-unit that carries a PO file's header. */
export const PO_HEADER_RESTYPE = 'x-gettext-domain-header';

/** The source language po2xliff writes on every file it makes. */
export const PO2XLIFF_SOURCE_LANGUAGE = 'en-US';

const xliffChildren = (element: XmlElement, local: string) => childElements(element, local).filter(isXliffElement);

/** The first `#:` location of the PO entry a trans-unit was made from (its `sourcefile` context), if any. */
export function poReference(unit: XmlElement): string | null {
  for (const group of xliffChildren(unit, 'context-group')) {
    if (group.attrs.get('name') !== 'po-reference') continue;
    const sourcefile = xliffChildren(group, 'context').find((context) => context.attrs.get('context-type') === 'sourcefile');
    if (sourcefile) return textContent(sourcefile).trim() || null;
  }
  return null;
}

/** Is this trans-unit the PO header translate-toolkit carries along? */
export const isPoHeader = (unit: XmlElement): boolean => unit.attrs.get('restype') === PO_HEADER_RESTYPE;
