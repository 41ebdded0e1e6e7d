/**
 * Pure functions that build, read and change an article held in a Y.Doc.
 * Every write runs in one transaction with a caller-given origin, so observers
 * (the server's history, the editor's undo manager) can tell who wrote it.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../schema/schema';
import { newId } from './ids';
import { contentHash } from './content-hash';
import { isSegmentStatus, type SegmentStatus } from './status';
import { articleTypes, META, orderedIds, removeAll, SEGMENT, type JsonValue } from './layout';

export type Side = 'source' | 'target';

export interface FrontMatterEntry {
  key: string;
  value: JsonValue;
}

export interface ArticleMeta {
  sourceUrl?: string;
  sourceTitle?: string;
  sourceAuthor?: string;
  sourceDate?: string;
  slug?: string;
  createdAt?: string;
}

/** What a new segment starts with. */
export interface SegmentInit {
  id?: string;
  source?: PMNode | null;
  target?: PMNode | null;
  status?: SegmentStatus;
  /** The target's Markdown exactly as it stood in an imported file (kept for byte-exact export while unedited). */
  importedMarkdown?: string;
  separator?: string;
}

/** What an imported file looked like outside its blocks (kept for byte-exact export). */
export interface ImportedFile {
  frontMatterBlock?: string;
  frontMatterYaml?: string;
  trailer?: string;
}

export interface ArticleInit {
  meta?: ArticleMeta;
  frontMatter?: FrontMatterEntry[];
  segments?: SegmentInit[];
  importedFile?: ImportedFile;
}

/** A segment read out of the Y.Doc, as plain values. */
export interface SegmentSnapshot {
  id: string;
  source: PMNode;
  target: PMNode;
  status: SegmentStatus;
  changedBy: string | null;
  changedAt: number | null;
  importedMarkdown: string | null;
  importedHash: string | null;
  separator: string | null;
  omitted: boolean;
}

export interface ArticleSnapshot {
  meta: ArticleMeta;
  frontMatter: FrontMatterEntry[];
  segments: SegmentSnapshot[];
  importedFile: ImportedFile;
}

export const emptySide = (): PMNode => schema.node('doc', null, []);
/** What an untranslated target holds: one empty paragraph to type into. */
export const emptyTarget = (): PMNode => schema.node('doc', null, [schema.node('paragraph')]);

/** A side counts as empty when it has no text and no figure, rule or raw block. */
export function isSideEmpty(side: PMNode): boolean {
  let empty = true;
  side.descendants((node) => {
    if (!empty) return false;
    if ((node.isText && node.text!.trim() !== '') || (node.isLeaf && !node.isText) || node.type.name === 'figure') empty = false;
    return empty;
  });
  return empty;
}

/** Fill an empty Y.Doc with a new article. */
export function createArticle(doc: Y.Doc, init: ArticleInit, origin: unknown = null): void {
  const t = articleTypes(doc);
  if (t.order.length > 0 || t.segments.size > 0) throw new Error('createArticle: the Y.Doc already holds an article');
  doc.transact(() => {
    for (const [key, value] of Object.entries(init.meta ?? {})) if (value != null) t.meta.set(key, value);
    if (!t.meta.has(META.createdAt)) t.meta.set(META.createdAt, new Date().toISOString());
    for (const { key, value } of init.frontMatter ?? []) {
      if (t.frontMatter.has(key)) throw new Error(`createArticle: front-matter key "${key}" appears twice`);
      t.frontMatter.set(key, value);
      t.frontMatterOrder.push([key]);
    }
    for (const [key, value] of Object.entries(init.importedFile ?? {})) if (value != null) t.importedFile.set(key, value);
    insertSegmentsAt(doc, 0, init.segments ?? []);
  }, origin);
}

function newSegmentMap(init: SegmentInit): [string, Y.Map<unknown>] {
  const id = init.id ?? newId(8);
  const map = new Y.Map<unknown>();
  map.set(SEGMENT.id, id);
  map.set(SEGMENT.source, new Y.XmlFragment());
  map.set(SEGMENT.target, new Y.XmlFragment());
  map.set(SEGMENT.status, init.status ?? 'untranslated');
  if (init.separator != null) map.set(SEGMENT.separator, init.separator);
  return [id, map];
}

/** Insert segments before position `index` of the reading order; returns their ids. */
export function insertSegmentsAt(doc: Y.Doc, index: number, inits: SegmentInit[], origin: unknown = null): string[] {
  const t = articleTypes(doc);
  const ids: string[] = [];
  doc.transact(() => {
    for (const init of inits) {
      const [id, map] = newSegmentMap(init);
      if (t.segments.has(id)) throw new Error(`insertSegmentsAt: segment id "${id}" already exists`);
      t.segments.set(id, map);
      // Fragments must be in the doc before content is written into them.
      if (init.source) writeSide(map, 'source', init.source);
      // An empty target still gets its paragraph now: if two translators start typing into it at
      // once they then type into one shared paragraph, not two paragraphs each made on first keystroke.
      writeSide(map, 'target', init.target && init.target.childCount > 0 ? init.target : emptyTarget());
      if (init.importedMarkdown != null && init.target) {
        map.set(SEGMENT.importedMarkdown, init.importedMarkdown);
        map.set(SEGMENT.importedHash, contentHash(init.target));
      }
      ids.push(id);
    }
    t.order.insert(Math.max(0, Math.min(index, t.order.length)), ids);
  }, origin);
  return ids;
}

function writeSide(map: Y.Map<unknown>, side: Side, content: PMNode): void {
  if (content.type !== schema.topNodeType) throw new Error(`a ${side} side must be a "doc" node, not "${content.type.name}"`);
  content.check();
  prosemirrorToYXmlFragment(content, map.get(side) as Y.XmlFragment);
}

function segmentMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = articleTypes(doc).segments.get(id);
  if (!map) throw new Error(`unknown segment "${id}"`);
  return map;
}

/** The live Y.XmlFragment of one side, for an editor binding. */
export function sideFragment(doc: Y.Doc, id: string, side: Side): Y.XmlFragment {
  return segmentMap(doc, id).get(side) as Y.XmlFragment;
}

export function segmentIds(doc: Y.Doc): string[] {
  const t = articleTypes(doc);
  return orderedIds(t.order, (id) => t.segments.has(id));
}

function readSide(map: Y.Map<unknown>, side: Side): PMNode {
  const fragment = map.get(side);
  return fragment instanceof Y.XmlFragment ? yXmlFragmentToProseMirrorRootNode(fragment, schema) : emptySide();
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function readSegment(doc: Y.Doc, id: string): SegmentSnapshot {
  const map = segmentMap(doc, id);
  const status = map.get(SEGMENT.status);
  const changedAt = map.get(SEGMENT.changedAt);
  return {
    id,
    source: readSide(map, 'source'),
    target: readSide(map, 'target'),
    status: isSegmentStatus(status) ? status : 'untranslated',
    changedBy: stringOrNull(map.get(SEGMENT.changedBy)),
    changedAt: typeof changedAt === 'number' ? changedAt : null,
    importedMarkdown: stringOrNull(map.get(SEGMENT.importedMarkdown)),
    importedHash: stringOrNull(map.get(SEGMENT.importedHash)),
    separator: stringOrNull(map.get(SEGMENT.separator)),
    omitted: map.get(SEGMENT.omitted) === true,
  };
}

export function readFrontMatter(doc: Y.Doc): FrontMatterEntry[] {
  const t = articleTypes(doc);
  const keys = orderedIds(t.frontMatterOrder, (key) => t.frontMatter.has(key));
  // A key set without being added to the order (a concurrent add lost its
  // order entry) is still part of the article: append it.
  for (const key of [...t.frontMatter.keys()].sort()) if (!keys.includes(key)) keys.push(key);
  return keys.map((key) => ({ key, value: t.frontMatter.get(key) as JsonValue }));
}

export function readArticle(doc: Y.Doc): ArticleSnapshot {
  const t = articleTypes(doc);
  return {
    meta: Object.fromEntries(t.meta.entries()) as ArticleMeta,
    frontMatter: readFrontMatter(doc),
    segments: segmentIds(doc).map((id) => readSegment(doc, id)),
    importedFile: Object.fromEntries(t.importedFile.entries()) as ImportedFile,
  };
}

/** Replace one side's content (diffed into the fragment, so concurrent edits elsewhere survive). */
export function setSide(doc: Y.Doc, id: string, side: Side, content: PMNode, actor: string | null, origin: unknown = null): void {
  const map = segmentMap(doc, id);
  doc.transact(() => {
    writeSide(map, side, content);
    touch(map, actor);
  }, origin);
}

export function setStatus(doc: Y.Doc, id: string, status: SegmentStatus, actor: string | null, origin: unknown = null): void {
  if (!isSegmentStatus(status)) throw new Error(`unknown segment status "${String(status)}"`);
  const map = segmentMap(doc, id);
  doc.transact(() => {
    map.set(SEGMENT.status, status);
    touch(map, actor);
  }, origin);
}

/** Record who last worked on a segment (and when), without changing anything else. */
export function touchSegment(doc: Y.Doc, id: string, actor: string | null, origin: unknown = null): void {
  const map = segmentMap(doc, id);
  doc.transact(() => touch(map, actor), origin);
}

function touch(map: Y.Map<unknown>, actor: string | null): void {
  map.set(SEGMENT.changedBy, actor);
  map.set(SEGMENT.changedAt, Date.now());
}

export function removeSegment(doc: Y.Doc, id: string, origin: unknown = null): void {
  const t = articleTypes(doc);
  doc.transact(() => {
    removeAll(t.order, id);
    t.segments.delete(id);
  }, origin);
}

/** Set a front-matter value; a new key goes last. */
export function setFrontMatterValue(doc: Y.Doc, key: string, value: JsonValue, origin: unknown = null): void {
  if (key.trim() === '') throw new Error('a front-matter key cannot be empty');
  const t = articleTypes(doc);
  doc.transact(() => {
    if (!t.frontMatter.has(key) && !t.frontMatterOrder.toArray().includes(key)) t.frontMatterOrder.push([key]);
    t.frontMatter.set(key, value);
  }, origin);
}

export function removeFrontMatterKey(doc: Y.Doc, key: string, origin: unknown = null): void {
  const t = articleTypes(doc);
  doc.transact(() => {
    t.frontMatter.delete(key);
    removeAll(t.frontMatterOrder, key);
  }, origin);
}

export function setMeta(doc: Y.Doc, key: keyof typeof META, value: string | null, origin: unknown = null): void {
  const meta = articleTypes(doc).meta;
  doc.transact(() => (value == null ? meta.delete(META[key]) : meta.set(META[key], value)), origin);
}

/** The article's display title, read from the document without reading its segments. */
export function readTitle(doc: Y.Doc): string {
  return articleTitle({ frontMatter: readFrontMatter(doc), meta: Object.fromEntries(articleTypes(doc).meta.entries()) as ArticleMeta });
}

/** The article's display title: the front-matter title, else the source title. */
export function articleTitle(snapshot: Pick<ArticleSnapshot, 'frontMatter' | 'meta'>): string {
  const title = snapshot.frontMatter.find((entry) => entry.key === 'title')?.value;
  if (typeof title === 'string' && title.trim() !== '') return title;
  return snapshot.meta.sourceTitle ?? '';
}
