/**
 * The publish page's view of the article, recomputed a moment after the
 * document stops changing (a colleague typing in the editor meanwhile does
 * not make this page recompute on every keystroke).
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { PreviewOptions } from '../../shared/export/preview-html';
import { computeExport, type LiveExport } from './live-export';
import { afterQuiet } from '../ui/after-quiet';

const SETTLE_MS = 300;

/** null until `ready` (the local copy or the server's state is in the document). */
export function useLiveExport(doc: Y.Doc, ready: boolean, preview: PreviewOptions): LiveExport | null {
  const [live, setLive] = useState<LiveExport | null>(null);
  useEffect(() => {
    if (!ready) return;
    const quiet = afterQuiet(SETTLE_MS, () => setLive(computeExport(doc, preview)));
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
  }, [doc, ready, preview]);
  return live;
}
