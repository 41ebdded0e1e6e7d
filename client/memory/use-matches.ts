/**
 * The memory's matches for the segment with the caret: looked up when the
 * caret enters a segment (and again when its source changes), with the
 * neighbouring sources for in-context matches. A lookup still running when
 * the caret moves on is cancelled, so a late answer never shows under the
 * wrong segment.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { readSegment, segmentIds } from '../../shared/article/article';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import { sideText } from '../../shared/qa/side-content';
import type { TmMatch } from '../../shared/protocol/memory-api';
import { errorMessage } from '../api/http';
import { lookupMatches } from './memory-api';

/** Typing moves the caret without leaving the segment: a short wait keeps a lookup per segment, not per key. */
const LOOKUP_DELAY_MS = 120;

export interface MatchesState {
  segmentId: string | null;
  matches: TmMatch[];
  loading: boolean;
  error: string | null;
}

const sourceOf = (doc: Y.Doc, id: string | undefined): string | null => (id === undefined ? null : sideText(readSegment(doc, id).source));

interface Answer {
  /** The segment and the version of its source the answer is for. */
  key: string;
  segmentId: string;
  matches: TmMatch[];
  error: string | null;
}

export function useMatches(doc: Y.Doc, articleId: string, segmentId: string | null, enabled: boolean): MatchesState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [sourceVersion, setSourceVersion] = useState(0);
  const key = `${segmentId}:${sourceVersion}`;

  // A change to this segment's source (an admin's edit) asks again.
  useEffect(() => {
    if (!segmentId) return;
    const source = articleTypes(doc).segments.get(segmentId)?.get(SEGMENT.source);
    if (!(source instanceof Y.XmlFragment)) return;
    const bump = () => setSourceVersion((version) => version + 1);
    source.observeDeep(bump);
    return () => source.unobserveDeep(bump);
  }, [doc, segmentId]);

  useEffect(() => {
    if (!enabled || !segmentId || !articleTypes(doc).segments.has(segmentId)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const order = segmentIds(doc);
      const index = order.indexOf(segmentId);
      const source = sourceOf(doc, segmentId) ?? '';
      if (source.trim() === '') return setAnswer({ key, segmentId, matches: [], error: null });
      lookupMatches(
        { source, before: sourceOf(doc, order[index - 1]), after: sourceOf(doc, order[index + 1]), exclude: { articleId, segmentId } },
        controller.signal,
      ).then(
        (matches) => setAnswer({ key, segmentId, matches, error: null }),
        (error: unknown) => {
          if (!controller.signal.aborted) setAnswer({ key, segmentId, matches: [], error: errorMessage(error) });
        },
      );
    }, LOOKUP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [doc, articleId, segmentId, enabled, key]);

  if (!enabled || !segmentId) return { segmentId, matches: [], loading: false, error: null };
  if (answer?.key === key) return { segmentId, matches: answer.matches, loading: false, error: answer.error };
  // Asking: the source changed under the same segment keeps the last matches on screen meanwhile.
  return { segmentId, matches: answer?.segmentId === segmentId ? answer.matches : [], loading: true, error: null };
}
