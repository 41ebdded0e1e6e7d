/**
 * The layout of an article's Y.Doc: the names of its shared types and of the
 * fields inside them. This is the stored and wire format; docs/ARTICLE-FORMAT.md
 * describes it for programs that read or write articles over the websocket.
 *
 * Ordered collections are a Y.Map keyed by id plus a Y.Array of ids: an entry's
 * content (a segment's Y.XmlFragments) never has to be re-created to move it,
 * and a concurrent move that duplicates an id is resolved on read (first wins).
 */
import * as Y from 'yjs';

export const ROOT = {
  /** Y.Map<string, string>: Duet's own metadata (META keys). */
  meta: 'meta',
  /** Y.Map<string, JsonValue>: front-matter values by key. */
  frontMatter: 'frontMatter',
  /** Y.Array<string>: front-matter keys in file order. */
  frontMatterOrder: 'frontMatterOrder',
  /** Y.Map<string, Y.Map>: segments by id (SEGMENT fields). */
  segments: 'segments',
  /** Y.Array<string>: segment ids in reading order. */
  order: 'order',
  /**
   * Y.Map<string, string>: the imported file's own bytes, to export unedited
   * parts exactly (the keys of ImportedFile, shared/article/article.ts). Stored under the name it was first
   * written with, 'origin': renaming a root type would orphan every stored article's.
   */
  importedFile: 'origin',
  /** Y.Map<string, Y.Map>: review threads by id (THREAD fields); see docs/REVIEW.md. */
  threads: 'threads',
} as const;

export const META = {
  sourceUrl: 'sourceUrl',
  sourceTitle: 'sourceTitle',
  /** Who wrote the source, as the source names them (set by source imports). */
  sourceAuthor: 'sourceAuthor',
  /** When the source was published, as the source gives it or ISO 8601 (set by source imports). */
  sourceDate: 'sourceDate',
  slug: 'slug',
  createdAt: 'createdAt',
} as const;

export const SEGMENT = {
  id: 'id',
  /** Y.XmlFragment holding the Chinese side. */
  source: 'source',
  /** Y.XmlFragment holding the English side. */
  target: 'target',
  status: 'status',
  changedBy: 'changedBy',
  /** Milliseconds since the epoch. */
  changedAt: 'changedAt',
  /** The target block's Markdown exactly as imported... */
  importedMarkdown: 'importedMarkdown',
  /** ...and the content hash it stands for: while the target still hashes to this, export writes importedMarkdown. */
  importedHash: 'importedHash',
  /** The text that stood between the previous block and this one in the imported file ("\n\n", "\n", "\n>\n"...). */
  separator: 'separator',
  /** true when the source block is deliberately left out of the translation (its empty target is not a mistake). */
  omitted: 'omitted',
  /** The account name of the translator assigned to this segment (set by an admin). */
  assignedTranslator: 'assignedTranslator',
  /** The account name of the reviewer assigned to this segment (set by an admin). */
  assignedReviewer: 'assignedReviewer',
  /** The translation-memory match last inserted into the target, `{ unitId, score }` (shared/article/memory-match.ts): the reviewer sees it was filled from the memory. */
  memoryMatch: 'memoryMatch',
} as const;

/** A review thread (a Y.Map in ROOT.threads). Fields other than the resolve fields and `comments` never change after it is opened. */
export const THREAD = {
  id: 'id',
  segmentId: 'segmentId',
  /** 'source' | 'target', or absent for the whole pair. */
  side: 'side',
  /** `{ start, end }`: Y.relativePositionToJSON of positions in that side's fragment; absent for the whole pair. */
  anchor: 'anchor',
  /** The anchored text when the thread was opened. */
  quote: 'quote',
  createdBy: 'createdBy',
  /** Milliseconds since the epoch. */
  createdAt: 'createdAt',
  /** 'comment' | 'sendBack' */
  kind: 'kind',
  resolved: 'resolved',
  resolvedBy: 'resolvedBy',
  resolvedAt: 'resolvedAt',
  /** Y.Array<Y.Map>: the comments, oldest first (COMMENT fields). */
  comments: 'comments',
} as const;

/** Values of THREAD.kind: a plain thread, or the comment that sent a segment back to draft. */
export const THREAD_KINDS = ['comment', 'sendBack'] as const;
/** Values of COMMENT.suggestionState. */
export const SUGGESTION_STATES = ['open', 'applied', 'declined'] as const;

/** A comment in a thread (a Y.Map in THREAD.comments). */
export const COMMENT = {
  id: 'id',
  author: 'author',
  createdAt: 'createdAt',
  text: 'text',
  editedAt: 'editedAt',
  /** true once deleted: the text is emptied, the entry stays so replies keep their place. */
  deleted: 'deleted',
  /** string[]: account names mentioned in the text. */
  mentions: 'mentions',
  /** A suggested replacement for the thread's anchored target range. */
  suggestion: 'suggestion',
  /** 'open' | 'applied' | 'declined' */
  suggestionState: 'suggestionState',
  /** Who applied or declined the suggestion. */
  suggestionBy: 'suggestionBy',
} as const;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ArticleTypes {
  meta: Y.Map<string>;
  frontMatter: Y.Map<JsonValue>;
  frontMatterOrder: Y.Array<string>;
  segments: Y.Map<Y.Map<unknown>>;
  order: Y.Array<string>;
  importedFile: Y.Map<string>;
  threads: Y.Map<Y.Map<unknown>>;
}

export function articleTypes(doc: Y.Doc): ArticleTypes {
  return {
    meta: doc.getMap<string>(ROOT.meta),
    frontMatter: doc.getMap<JsonValue>(ROOT.frontMatter),
    frontMatterOrder: doc.getArray<string>(ROOT.frontMatterOrder),
    segments: doc.getMap<Y.Map<unknown>>(ROOT.segments),
    order: doc.getArray<string>(ROOT.order),
    importedFile: doc.getMap<string>(ROOT.importedFile),
    threads: doc.getMap<Y.Map<unknown>>(ROOT.threads),
  };
}

/** Delete every occurrence of `value` (a concurrent move or add may have left it twice). */
export function removeAll(array: Y.Array<string>, value: string): void {
  const positions = array.toArray().flatMap((entry, index) => (entry === value ? [index] : []));
  for (const index of positions.reverse()) array.delete(index, 1);
}

/** Ids of `array` in order, each once, keeping only those `exists` accepts. */
export function orderedIds(array: Y.Array<string>, exists: (id: string) => boolean): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of array.toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !exists(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}
