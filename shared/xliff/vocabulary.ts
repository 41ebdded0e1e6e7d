/**
 * The names Duet's XLIFF files use: namespaces, the `ctype` of each inline
 * code, and how segment statuses map to XLIFF 1.2 `state` values.
 * docs/XLIFF.md explains each choice.
 */
import type { SegmentStatus } from '../article/status';

/** The version Duet writes. */
export const XLIFF_VERSION = '1.2';
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/**
 * The versions Duet reads, with their namespaces. XLIFF 1.1 (what
 * translate-toolkit's po2xliff and Virtaal write) has the elements, attributes
 * and `state` values Duet uses with the same meaning as 1.2, so both are read
 * the same way; 1.2 only added to it.
 */
export const XLIFF_READ_NAMESPACES: Readonly<Record<string, string>> = {
  '1.1': 'urn:oasis:names:tc:xliff:document:1.1',
  '1.2': XLIFF_NS,
};

/** An element of XLIFF 1.1 or 1.2 (or of no namespace, as files without an xmlns have them). */
export const isXliffElement = (element: { uri: string }): boolean => element.uri === '' || Object.values(XLIFF_READ_NAMESPACES).includes(element.uri);
/** Duet's own attributes and elements: what XLIFF has no word for (exact status, block kinds). */
export const DUET_NS = 'urn:x-duet:xliff:1';
export const DUET_PREFIX = 'duet';

export const SOURCE_LANGUAGE = 'zh-CN';
export const TARGET_LANGUAGE = 'en';

/** The `ctype` of each inline code Duet writes (XLIFF 1.2's own names where it has one). */
export const CTYPE = {
  strong: 'bold',
  em: 'italic',
  link: 'link',
  code: 'x-code',
  /** `<x/>`: a hard line break. */
  lineBreak: 'lb',
  /** `<x/>`: the boundary between two blocks of one side (a merged segment, a quotation's paragraphs). */
  block: 'x-duet-block',
  /** `<ph>`: inline markup kept verbatim (a raw_inline node); its content is the markup. */
  raw: 'x-duet-raw',
} as const;

/** XLIFF 1.2 `state` values (section 4.3, "state"; XLIFF 1.1 has the same list). */
export const XLIFF_STATES = [
  'final',
  'needs-adaptation',
  'needs-l10n',
  'needs-review-adaptation',
  'needs-review-l10n',
  'needs-review-translation',
  'needs-translation',
  'new',
  'signed-off',
  'translated',
] as const;
export type XliffState = (typeof XLIFF_STATES)[number];

/**
 * The state Duet writes for each status. A draft has text that is not
 * finished: "needs-review-translation" keeps it a translation in the other
 * tool (where "needs-translation" reads as not started, and some tools
 * pre-translate over it).
 */
export const STATE_OF_STATUS: Record<SegmentStatus, XliffState> = {
  untranslated: 'new',
  draft: 'needs-review-translation',
  translated: 'translated',
  reviewed: 'signed-off',
  approved: 'final',
};

/**
 * The status an XLIFF state stands for, on a target with text (an empty
 * target is "not translated" whatever its state: empty-target.ts). Every
 * "needs-…" state means work is left to do: a draft. Custom `x-…` states say
 * nothing Duet understands: null.
 */
export function statusOfState(state: string): SegmentStatus | null | undefined {
  switch (state) {
    case 'new':
      return 'untranslated';
    case 'translated':
      return 'translated';
    case 'signed-off':
      return 'reviewed';
    case 'final':
      return 'approved';
    case 'needs-adaptation':
    case 'needs-l10n':
    case 'needs-review-adaptation':
    case 'needs-review-l10n':
    case 'needs-review-translation':
    case 'needs-translation':
      return 'draft';
    default:
      // null: a custom state, ignored; undefined: not an XLIFF state at all.
      return state.startsWith('x-') ? null : undefined;
  }
}
