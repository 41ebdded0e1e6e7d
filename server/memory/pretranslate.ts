/**
 * Pre-translation: every untranslated segment with an empty target whose
 * best match reaches the threshold is filled with it, as draft, recording
 * the unit (SEGMENT.memoryMatch). The matches are looked up first, without
 * holding the article; then all of them are written in one change through
 * the article's room (CollabServer.changeArticle), so every translator who
 * has it open sees them at once. Inside the change each segment is read
 * again: one that someone began to translate meanwhile is left alone.
 */
import type * as Y from 'yjs';
import { isSideEmpty, readSegment, setSide, setStatus, type SegmentSnapshot } from '../../shared/article/article';
import { articleTypes } from '../../shared/article/layout';
import { setMemoryMatch } from '../../shared/article/memory-match';
import { fitMatchToSegment } from '../../shared/memory/fit-match';
import type { PretranslateRequest, PretranslateSummary, TmMatch } from '../../shared/protocol/memory-api';
import { schema } from '../../shared/schema/schema';
import { lookupSegments, segmentsToLookUp, type SegmentLookup } from './article-lookups';
import type { TranslationMemory } from './translation-memory';

const fillable = (segment: SegmentSnapshot): boolean => segment.status === 'untranslated' && !segment.omitted && isSideEmpty(segment.target);

export interface PretranslateDeps {
  memory: TranslationMemory;
  /** Read the article (the room's document when it is open). */
  read<T>(articleId: string, reader: (doc: Y.Doc) => T): T;
  /** Change it through its room, as `actor`. */
  change(articleId: string, change: (doc: Y.Doc, origin: unknown) => void): void;
}

export async function pretranslate(deps: PretranslateDeps, articleId: string, request: PretranslateRequest, actor: string): Promise<PretranslateSummary> {
  const only = request.segmentIds ? new Set(request.segmentIds) : null;
  const wanted = (segment: SegmentSnapshot) => fillable(segment) && (only === null || only.has(segment.id));
  const lookups = await lookupSegments(
    deps.read(articleId, (doc) => segmentsToLookUp(doc, wanted)),
    deps.memory,
    articleId,
    request.threshold,
  );
  const fills = lookups.filter((lookup): lookup is SegmentLookup & { best: TmMatch } => lookup.best !== null);
  let filled = 0;
  if (fills.length > 0) deps.change(articleId, (doc, origin) => (filled = fillSegments(doc, fills, actor, origin)));
  return { considered: lookups.length, filled };
}

/**
 * A new article, before it is stored (no room holds it yet): its untranslated
 * segments filled from exact and in-context matches, in the import's own
 * transaction. Returns how many.
 */
export function pretranslateNewArticle(doc: Y.Doc, memory: TranslationMemory, actor: string | null, origin: unknown): number {
  const fills: (SegmentLookup & { best: TmMatch })[] = [];
  for (const { segment, source, before, after } of segmentsToLookUp(doc, fillable)) {
    if (source.trim() === '') continue;
    const [best] = memory.lookup({ source, before, after, threshold: 100 });
    if (best) fills.push({ segment, source, best });
  }
  let filled = 0;
  if (fills.length > 0) doc.transact(() => (filled = fillSegments(doc, fills, actor, origin)), origin);
  return filled;
}

/** Write each match into its segment, read again first: one someone began meanwhile is left alone. */
function fillSegments(doc: Y.Doc, fills: readonly (SegmentLookup & { best: TmMatch })[], actor: string | null, origin: unknown): number {
  let filled = 0;
  for (const { segment, best } of fills) {
    if (!articleTypes(doc).segments.has(segment.id)) continue;
    const now = readSegment(doc, segment.id);
    if (!fillable(now)) continue;
    setSide(doc, segment.id, 'target', fitMatchToSegment(schema.nodeFromJSON(best.target), now.source), actor, origin);
    setStatus(doc, segment.id, 'draft', actor, origin);
    setMemoryMatch(doc, segment.id, { unitId: best.unitId, score: best.score }, origin);
    filled++;
  }
  return filled;
}
