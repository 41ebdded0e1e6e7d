/**
 * The QA model. A check reads a segment (or the whole article) and reports
 * issues: one problem each, how serious it is, where it is, and one plain
 * sentence a translator can act on. Errors block publishing (unless an admin
 * overrides with a reason); warnings are shown but do not block.
 * docs/QA.md explains every check and why it has its severity.
 */
import type { SegmentSnapshot } from '../article/article';

export type QaSeverity = 'error' | 'warning';

/** Every check, with the severity its issues carry and a short title for lists and filters. */
export const QA_CHECKS = {
  'empty-target': { severity: 'error', title: 'No translation' },
  untranslated: { severity: 'error', title: 'Marked untranslated' },
  draft: { severity: 'error', title: 'Still a draft' },
  unreviewed: { severity: 'warning', title: 'Not reviewed' },
  'chinese-text': { severity: 'error', title: 'Chinese text left in the translation' },
  'fullwidth-punctuation': { severity: 'warning', title: 'Chinese punctuation left in the translation' },
  'missing-number': { severity: 'warning', title: 'Number or date missing' },
  'missing-link': { severity: 'warning', title: 'Link missing' },
  'missing-bold': { severity: 'warning', title: 'Bold text missing' },
  'missing-figure': { severity: 'error', title: 'Figure missing' },
  'missing-list-item': { severity: 'warning', title: 'List item missing' },
  'inconsistent-translation': { severity: 'warning', title: 'Same source translated differently' },
  'memory-inconsistent': { severity: 'warning', title: 'Translated differently from the approved memory' },
  'term-missing': { severity: 'warning', title: 'Glossary term not used' },
  'term-forbidden': { severity: 'error', title: 'Forbidden term used' },
  'liquid-in-text': { severity: 'warning', title: 'Liquid-looking text (published as typed)' },
  'liquid-in-markup': { severity: 'error', title: 'Liquid template code in the markup' },
  'liquid-in-front-matter': { severity: 'warning', title: 'Liquid template code in the metadata' },
  'figure-no-image': { severity: 'error', title: 'Figure without an image' },
  'figure-remote-image': { severity: 'error', title: 'Image not stored with the article' },
  'figure-empty-alt': { severity: 'warning', title: 'Image without a description' },
  'cover-image-remote': { severity: 'warning', title: 'Cover image not stored with the article' },
  'front-matter-required': { severity: 'error', title: 'Required metadata missing' },
  'front-matter-date': { severity: 'error', title: 'Date the site cannot read' },
  'front-matter-yaml': { severity: 'error', title: 'Metadata the site would read differently' },
  'front-matter-ambiguous': { severity: 'warning', title: 'Metadata that may not mean what was meant' },
} as const satisfies Record<string, { severity: QaSeverity; title: string }>;

export type QaCheckId = keyof typeof QA_CHECKS;

export interface QaIssue {
  check: QaCheckId;
  severity: QaSeverity;
  /** The segment the issue is in (absent for front-matter issues). */
  segmentId?: string;
  /** The front-matter key the issue is about. */
  frontMatterKey?: string;
  /** One plain sentence naming the offending text. */
  message: string;
}

/** What the segment checks read: a segment as `readSegment` returns it, or any object with these fields. */
export type QaSegment = Pick<SegmentSnapshot, 'id' | 'source' | 'target' | 'status' | 'omitted'>;

/** An issue of `check`, at the check's own severity unless told otherwise. */
export function issue(
  check: QaCheckId,
  message: string,
  where: { segmentId?: string; frontMatterKey?: string } = {},
  severity: QaSeverity = QA_CHECKS[check].severity,
): QaIssue {
  return { check, severity, ...where, message };
}

export const hasErrors = (issues: readonly QaIssue[]): boolean => issues.some((found) => found.severity === 'error');

/** Text quoted in a message: trimmed, on one line, cut to `max` characters. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut =
    [...flat].length > max
      ? `${[...flat]
          .slice(0, max - 1)
          .join('')
          .trimEnd()}…`
      : flat;
  return `“${cut}”`;
}

/** Front-matter keys a translator knows by name; other keys are shown as fields. */
const KNOWN_KEYS = new Set(['title', 'date', 'categories', 'image', 'blurb', 'translator', 'author', 'description']);

/** How a message names a front-matter key: "title", or "“published” field". */
export const field = (key: string): string => (KNOWN_KEYS.has(key) ? key : `“${key}” field`);

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
