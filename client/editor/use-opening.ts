/**
 * The opening rows of an article, shown while its document is on its way.
 *
 * A first visit to a long article receives and applies the whole Y.Doc before
 * any row can be bound to it (about a second at 2,000 segments). Meanwhile the
 * page shows the article's first rows from the opening the server sent ahead
 * (client/collab/opening.ts), in a Y.Doc of their own, through the same rows
 * and views, editable by whoever may edit. Once the document has arrived (and,
 * on a reload, the server has answered: the device's copy may be behind what
 * the opening showed) the rows are handed over in one task, what was typed
 * carried along (opening-hand-over.ts).
 *
 * Nothing typed in the opening leaves the page until it is handed over: the
 * opening's items are not the article's. Article commands (confirm, split,
 * statuses, comments) wait for the document; the page says so.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { articleTypes } from '../../shared/article/layout';
import { openingDoc } from '../../shared/article/opening';
import type { ArticleSession } from '../collab/article-session';
import { loadOpening } from '../collab/opening';
import { ReviewHub } from '../review/review-hub';
import { OpeningHandOver, type CarriedOpening } from './opening-hand-over';
import { PresenceHub } from './presence';
import { UndoRegistry } from './undo-registry';

/** How often to look again while an input method is composing in an opening row. */
const COMPOSING_RETRY_MS = 50;

export interface OpeningParts {
  doc: Y.Doc;
  presence: PresenceHub;
  undo: UndoRegistry;
  review: ReviewHub;
  handOver: OpeningHandOver;
  /** Segments in the whole article. */
  total: number;
}

export type OpeningState =
  /** The opening has been asked for and the document has not arrived: nothing to show yet. */
  | { kind: 'pending' }
  /** No opening rows: the article's own document is shown. */
  | { kind: 'none' }
  | { kind: 'shown'; parts: OpeningParts }
  /** The article's document is shown, and takes over what was typed in the opening rows. */
  | { kind: 'handed-over'; carried: CarriedOpening };

export function useOpening(session: ArticleSession | null): OpeningState {
  // Pending at first: rendering the article's empty page only to replace it a moment later costs a
  // whole page's render and effects on the way to the first rows.
  const [state, setState] = useState<OpeningState>({ kind: 'pending' });
  useEffect(() => {
    if (!session) return;
    const controller = new AbortController();
    let parts: OpeningParts | null = null;
    let decided = false;
    // The document is there, and if the server is reachable it has answered.
    const arrived = () => articleTypes(session.doc).order.length > 0 && (session.snapshot.received || session.snapshot.connection === 'offline');

    const handOver = () => {
      if (controller.signal.aborted || !parts) return;
      // An input method's composition is not cut: the swap waits for it to end.
      if (parts.handOver.composing()) return void setTimeout(handOver, COMPOSING_RETRY_MS);
      const carried = parts.handOver.capture();
      // Rendered and committed now, in this task: no key can reach the opening rows after capture.
      flushSync(() => setState({ kind: 'handed-over', carried }));
      destroyParts(parts);
      parts = null;
    };
    const decide = () => {
      if (decided || !arrived()) return;
      decided = true;
      stopWatching();
      // Not inside whatever changed the session (a React effect may have): right after it, before any input.
      if (parts) queueMicrotask(handOver);
      else setState({ kind: 'none' });
    };
    const stopWatching = session.subscribe(decide);
    decide();

    void loadOpening(session.articleId, controller.signal).then((opening) => {
      if (decided || controller.signal.aborted) return;
      if (!opening || opening.segments.length === 0) return setState({ kind: 'none' });
      const doc = openingDoc(opening);
      const awareness = new Awareness(doc);
      // Only this page sees it: carets in the opening rows are not the article's positions.
      awareness.setLocalState(session.provider.awareness.getLocalState());
      parts = { doc, presence: new PresenceHub(awareness), undo: new UndoRegistry(), review: new ReviewHub(doc), handOver: new OpeningHandOver(doc), total: opening.total };
      setState({ kind: 'shown', parts });
    });

    return () => {
      controller.abort();
      stopWatching();
      if (parts) destroyParts(parts);
    };
  }, [session]);
  return state;
}

function destroyParts(parts: OpeningParts): void {
  parts.review.destroy();
  parts.presence.destroy();
  parts.presence.awareness.destroy();
  parts.undo.destroy();
  parts.doc.destroy();
}
