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
 * The article's session (device copy, websocket) starts once the opening is
 * decided: reading the device's copy of a long article holds the page for a
 * few hundred milliseconds, and must not hold up the first rows.
 *
 * Nothing typed in the opening leaves the page until it is handed over: the
 * opening's items are not the article's. Article commands (confirm, split,
 * statuses, comments) wait for the document; the page says so.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { articleTypes } from '../../shared/article/layout';
import { openingDoc, type ArticleOpening } from '../../shared/article/opening';
import type { ArticleSession, SessionUser, SessionView } from '../collab/article-session';
import { presenceOf } from '../collab/colors';
import { notStartedSession } from '../collab/not-started-session';
import { loadOpening, openingIfIn } from '../collab/opening';
import { ReviewHub } from '../review/review-hub';
import { OpeningHandOver, type CarriedOpening } from './opening-hand-over';
import { PresenceHub } from '../editing/presence';
import { UndoRegistry } from '../editing/undo-registry';

/** A performance mark set when the opening rows have been handed over to the article's (bench/editor-bench.ts reads it by name). */
const DOCUMENT_SHOWN_MARK = 'duet:document-shown';

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
  /** What the page shows of the article's session until it has started. */
  session: SessionView;
}

export type OpeningState =
  /** The opening has been asked for and the document has not arrived: nothing to show yet. */
  | { kind: 'pending' }
  /** No opening rows: the article's own document is shown. */
  | { kind: 'none' }
  | { kind: 'shown'; parts: OpeningParts }
  /** The article's document is shown, and takes over what was typed in the opening rows. */
  | { kind: 'handed-over'; carried: CarriedOpening };

export function useOpening(articleId: string, session: ArticleSession | null, user: SessionUser): OpeningState {
  // Pending at first: rendering the article's empty page only to replace it a moment later costs a
  // whole page's render and effects on the way to the first rows.
  const [state, setState] = useState<OpeningState>({ kind: 'pending' });
  const shown = useRef<OpeningParts | null>(null);
  const arrived = useRef<ArticleOpening | null | undefined>(undefined);

  // The opening is asked for before the article's session starts (the page starts it once this is
  // decided): reading the device's copy of a long article holds the page for a moment. A layout
  // effect: when index.html's answer is already in (the usual case), the rows replace the pending
  // page before it is ever painted, instead of one frame and one task later.
  useLayoutEffect(() => {
    const controller = new AbortController();
    const show = (opening: ArticleOpening | null) => {
      if (!opening || opening.segments.length === 0) return setState({ kind: 'none' });
      shown.current = openingParts(articleId, opening, user);
      setState({ kind: 'shown', parts: shown.current });
    };
    // Kept for a second run of this effect (React's StrictMode runs it twice): the answer is taken once.
    if (arrived.current === undefined) arrived.current = openingIfIn(articleId);
    if (arrived.current !== undefined) show(arrived.current);
    else
      void loadOpening(articleId, controller.signal).then((opening) => {
        if (controller.signal.aborted) return;
        arrived.current = opening;
        show(opening);
      });
    return () => {
      controller.abort();
      if (shown.current) destroyParts(shown.current);
      shown.current = null;
    };
    // The user is fixed for the page (EditorPage is keyed by article, the session by user).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);

  // Once the article's document has arrived (and, if the server is reachable, the server has
  // answered: a reload's device copy may be behind what the opening showed), hand the rows over.
  useEffect(() => {
    if (!session) return;
    let done = false;
    const handOver = () => {
      const parts = shown.current;
      if (done || !parts) return;
      // An input method's composition is not cut: the swap waits for it to end.
      if (parts.handOver.composing()) return void setTimeout(handOver, COMPOSING_RETRY_MS);
      const carried = parts.handOver.capture();
      // Rendered and committed now, in this task: no key can reach the opening rows after capture.
      flushSync(() => setState({ kind: 'handed-over', carried }));
      // For the benchmark (bench/editor-bench.ts): when the whole article became editable.
      performance.mark(DOCUMENT_SHOWN_MARK);
      destroyParts(parts);
      shown.current = null;
    };
    const arrived = () => articleTypes(session.doc).order.length > 0 && (session.snapshot.received || session.snapshot.connection === 'offline');
    const watch = () => {
      if (!arrived()) return;
      stopWatching();
      // Not inside whatever changed the session (a React effect may have): right after it, before any input.
      queueMicrotask(handOver);
    };
    const stopWatching = session.subscribe(watch);
    watch();
    return () => {
      done = true;
      stopWatching();
    };
  }, [session]);
  return state;
}

function openingParts(articleId: string, opening: ArticleOpening, user: SessionUser): OpeningParts {
  const doc = openingDoc(opening);
  // Only this page sees it: carets in the opening rows are not positions in the article.
  const awareness = new Awareness(doc);
  awareness.setLocalState(presenceOf(user));
  return {
    doc,
    presence: new PresenceHub(awareness),
    undo: new UndoRegistry(),
    review: new ReviewHub(doc),
    handOver: new OpeningHandOver(doc),
    total: opening.total,
    session: notStartedSession(articleId),
  };
}

function destroyParts(parts: OpeningParts): void {
  parts.review.destroy();
  parts.presence.destroy();
  parts.presence.awareness.destroy();
  parts.undo.destroy();
  parts.doc.destroy();
}
