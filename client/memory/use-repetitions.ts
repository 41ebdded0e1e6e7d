/**
 * Long articles repeat sentences. When a segment is confirmed, the
 * article's other untranslated segments with the same source (compared as the
 * memory compares them) are offered to be filled with its translation, in one
 * step, as draft: the server fills them from the unit the confirmation just
 * made, so they record where they came from like any pre-translation.
 */
import { useCallback, useState } from 'react';
import type * as Y from 'yjs';
import { isSideEmpty, readSegment, segmentIds } from '../../shared/article/article';
import { normalizeForMatching } from '../../shared/text/normalize-for-matching';
import { sideText } from '../../shared/qa/side-content';
import { errorMessage } from '../api/http';
import { pretranslateArticle } from './memory-api';

export interface RepetitionsOffer {
  /** The confirmed segment. */
  from: string;
  /** Its untranslated repetitions. */
  ids: string[];
}

export function useRepetitions(doc: Y.Doc, articleId: string, notify: (message: string) => void) {
  const [offer, setOffer] = useState<RepetitionsOffer | null>(null);

  const confirmed = useCallback(
    (id: string) => {
      const key = normalizeForMatching(sideText(readSegment(doc, id).source));
      if (key === '') return setOffer(null);
      const ids = segmentIds(doc).filter((other) => {
        if (other === id) return false;
        const segment = readSegment(doc, other);
        return segment.status === 'untranslated' && !segment.omitted && isSideEmpty(segment.target) && normalizeForMatching(sideText(segment.source)) === key;
      });
      setOffer(ids.length > 0 ? { from: id, ids } : null);
    },
    [doc],
  );

  const fill = useCallback(() => {
    if (!offer) return;
    setOffer(null);
    pretranslateArticle(articleId, { threshold: 100, segmentIds: offer.ids }).then(
      ({ filled }) => notify(`${filled} repetition${filled === 1 ? '' : 's'} filled with the same translation, as draft.`),
      (failure: unknown) => notify(`Could not fill the repetitions: ${errorMessage(failure)}`),
    );
  }, [offer, articleId, notify]);

  return { offer, confirmed, fill, dismiss: useCallback(() => setOffer(null), []) };
}
