/**
 * The publish page's view of the article, recomputed a moment after the
 * document stops changing (a colleague typing in the editor meanwhile does
 * not make this page recompute on every keystroke).
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { PreviewOptions } from '../../shared/export/preview-html';
import { computeExport, type ApprovedTranslations, type LiveExport } from './live-export';
import { approvedTranslations } from '../memory/memory-api';
import { afterQuiet } from '../ui/after-quiet';

const SETTLE_MS = 300;

/**
 * The memory's approved translations of the article's sources, asked once when the page opens
 * (the consistency check's `memory-inconsistent`); null until they come, or when the server cannot
 * say (offline): the article is then checked against itself only.
 */
export function useApprovedTranslations(articleId: string): ApprovedTranslations | null {
  const [answer, setAnswer] = useState<{ articleId: string; approved: ApprovedTranslations } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    approvedTranslations(articleId, controller.signal).then(
      (approved) => {
        if (!controller.signal.aborted) setAnswer({ articleId, approved });
      },
      () => undefined, // not known: the other checks do not wait for it
    );
    return () => controller.abort();
  }, [articleId]);
  // Another article's answer is no answer.
  return answer?.articleId === articleId ? answer.approved : null;
}

/** null until `ready` (the local copy or the server's state is in the document). */
export function useLiveExport(doc: Y.Doc, ready: boolean, preview: PreviewOptions, approved: ApprovedTranslations | null = null): LiveExport | null {
  const [live, setLive] = useState<LiveExport | null>(null);
  useEffect(() => {
    if (!ready) return;
    const quiet = afterQuiet(SETTLE_MS, () => setLive(computeExport(doc, preview, approved)));
    const changed = (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) quiet.poke(); // else nothing in the document changed
    };
    quiet.runNow();
    // A signal is all this needs: an `update` listener would have Yjs encode every change for it.
    doc.on('afterTransaction', changed);
    return () => {
      quiet.cancel();
      doc.off('afterTransaction', changed);
    };
  }, [doc, ready, preview, approved]);
  return live;
}
