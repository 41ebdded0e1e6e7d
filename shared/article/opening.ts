/**
 * An article's opening screen: its first rows as plain values, sent ahead of
 * the document.
 *
 * A first visit to a long article must receive and apply the whole Y.Doc
 * (1.8 MB and about 40,000 Yjs items at 2,000 segments) before its first row
 * can be bound. The opening is the first screenful of segments as ProseMirror
 * JSON, small whatever the article's length, so the editor can show them (and
 * take typing) while the document is still on its way. It is built into a Y.Doc
 * of its own: the opening's items are not the article's, and never leave the
 * page (the editor hands what was typed over to the article, see
 * shared/article/carry-typing.ts).
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { createArticle, readFrontMatter, readSegment, segmentIds, type FrontMatterEntry, type SegmentSnapshot } from './article';
import { articleTypes, SEGMENT, type JsonValue } from './layout';
import { isSegmentStatus } from './status';

/** Enough rows for a tall screen: rows are 60–200 px high. */
export const OPENING_ROWS = 30;

/** What a row shows of a segment: the snapshot without what only export reads. */
export type OpeningSegment = Pick<SegmentSnapshot, 'id' | 'source' | 'target' | 'status' | 'changedBy' | 'changedAt' | 'omitted'>;

export interface ArticleOpening {
  /** Segments in the whole article; the opening holds the first few. */
  total: number;
  meta: Record<string, string>;
  frontMatter: FrontMatterEntry[];
  segments: OpeningSegment[];
}

/** The first `rows` segments of an article (the server's side). */
export function readOpening(doc: Y.Doc, rows = OPENING_ROWS): ArticleOpening {
  const ids = segmentIds(doc);
  const meta: Record<string, string> = {};
  for (const [key, value] of articleTypes(doc).meta.entries()) if (typeof value === 'string') meta[key] = value;
  return {
    total: ids.length,
    meta,
    frontMatter: readFrontMatter(doc),
    segments: ids.slice(0, rows).map((id) => {
      const { source, target, status, changedBy, changedAt, omitted } = readSegment(doc, id);
      return { id, source, target, status, changedBy, changedAt, omitted };
    }),
  };
}

/** The opening as JSON, for the wire. */
export function openingToJson(opening: ArticleOpening): unknown {
  return { ...opening, segments: opening.segments.map((segment) => ({ ...segment, source: segment.source.toJSON(), target: segment.target.toJSON() })) };
}

/** An opening read back from JSON; throws (with what was wrong) on anything that is not one. */
export function openingFromJson(json: unknown): ArticleOpening {
  const value = record(json, 'the opening');
  const total = value.total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) throw new Error('the opening has no segment count');
  const meta: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record(value.meta, 'the opening meta'))) if (typeof entry === 'string') meta[key] = entry;
  if (!Array.isArray(value.frontMatter) || !Array.isArray(value.segments)) throw new Error('the opening has no front matter or segments');
  const frontMatter = value.frontMatter.map((entry) => {
    const { key, value: entryValue } = record(entry, 'a front-matter entry');
    if (typeof key !== 'string') throw new Error('a front-matter entry has no key');
    return { key, value: entryValue as JsonValue };
  });
  const segments = value.segments.map((entry): OpeningSegment => {
    const segment = record(entry, 'an opening segment');
    if (typeof segment.id !== 'string' || !isSegmentStatus(segment.status)) throw new Error('an opening segment has no id or status');
    return {
      id: segment.id,
      source: sideFromJson(segment.source),
      target: sideFromJson(segment.target),
      status: segment.status,
      changedBy: typeof segment.changedBy === 'string' ? segment.changedBy : null,
      changedAt: typeof segment.changedAt === 'number' ? segment.changedAt : null,
      omitted: segment.omitted === true,
    };
  });
  if (segments.length > total) throw new Error('the opening holds more segments than its article');
  return { total, meta, frontMatter, segments };
}

/**
 * A Y.Doc laid out like an article, holding only the opening's segments, so the
 * editor shows them through its usual rows and views.
 */
export function openingDoc(opening: ArticleOpening): Y.Doc {
  const doc = new Y.Doc();
  createArticle(doc, {
    meta: opening.meta,
    frontMatter: opening.frontMatter,
    segments: opening.segments.map(({ id, source, target, status }) => ({ id, source, target, status })),
  });
  // Who changed each segment last, and when, as the article says (a SegmentInit has no such fields).
  doc.transact(() => {
    for (const segment of opening.segments) {
      const map = articleTypes(doc).segments.get(segment.id)!;
      if (segment.omitted) map.set(SEGMENT.omitted, true);
      map.set(SEGMENT.changedBy, segment.changedBy);
      map.set(SEGMENT.changedAt, segment.changedAt);
    }
  });
  return doc;
}

function sideFromJson(json: unknown): PMNode {
  const node = schema.nodeFromJSON(json);
  if (node.type !== schema.topNodeType) throw new Error('an opening side is not a document');
  node.check();
  return node;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not an object`);
  return value as Record<string, unknown>;
}
