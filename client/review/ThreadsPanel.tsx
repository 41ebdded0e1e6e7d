/**
 * The comments panel beside the rows: the open threads (of one segment or of
 * all), resolved ones on request; choosing one jumps to its segment and
 * highlights what it is anchored to, and shows it in full.
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { ThreadSnapshot } from '../../shared/review/read-threads';
import { ThreadComposer } from './ThreadComposer';
import { ThreadView } from './ThreadView';
import type { ReviewEnv } from './review-env';

const EXCERPT = 140;

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

/**
 * The panel starts where the rows of its own editor do, below the header and whatever is shown
 * above the rows (a notice, the bulk bar), whatever their heights today. Measured in a layout
 * effect before the first paint (React's way to measure layout), then whenever something moves
 * the rows: the page is a column of fixed height, so that changes the size of the header or of the
 * scroller below it. The new top is rendered at once (flushSync), before that frame is painted.
 */
function useRowsTop(panelRef: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(110);
  useLayoutEffect(() => {
    const editor = panelRef.current?.closest('.article-editor');
    const columns = editor?.querySelector('.segment-columns-header');
    if (!editor || !columns) return;
    const rowsTop = () => Math.max(0, Math.round(columns.getBoundingClientRect().top));
    setTop(rowsTop());
    const follow = () => {
      const next = rowsTop();
      flushSync(() => setTop(next));
    };
    const observer = new ResizeObserver(follow);
    for (const element of [editor.querySelector('.editor-header'), editor.querySelector('.segment-scroller')]) if (element) observer.observe(element);
    window.addEventListener('resize', follow);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', follow);
    };
  }, [panelRef]);
  return top;
}

export function ThreadsPanel({ env }: { env: ReviewEnv }) {
  const { hub } = env;
  const element = useRef<HTMLElement>(null);
  const top = useRowsTop(element);
  const panel = hub.panel;
  const threads = hub.threads;

  const listed = useMemo(() => {
    const shown = threads.filter((thread) => (panel.showResolved || !thread.resolved) && (panel.segment === null || thread.segmentId === panel.segment));
    // Reading order, then oldest first within a segment.
    const at = (thread: ThreadSnapshot) => env.segmentNumber(thread.segmentId) ?? Number.MAX_SAFE_INTEGER;
    return shown.sort((a, b) => at(a) - at(b) || a.createdAt - b.createdAt);
  }, [threads, panel.showResolved, panel.segment, env]);

  const active = panel.active ? hub.thread(panel.active) : undefined;
  const scopeNumber = panel.segment ? env.segmentNumber(panel.segment) : null;

  const choose = (thread: ThreadSnapshot) => {
    if (thread.segmentExists) env.reveal(thread.segmentId);
    hub.setPanel({ active: thread.id, draft: null });
  };

  return (
    <aside
      ref={element}
      className="threads-panel"
      style={{ top }}
      aria-label="Comments"
      data-testid="threads-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          hub.setPanel({ open: false, draft: null });
        }
      }}
    >
      <header className="threads-panel-head">
        <h3>Comments</h3>
        <button
          type="button"
          className="close-button"
          aria-label="Close comments"
          onClick={() => hub.setPanel({ open: false, draft: null })}
          data-testid="threads-close"
        >
          ×
        </button>
      </header>
      {panel.draft ? (
        <ThreadComposer key={JSON.stringify([panel.draft.segmentId, panel.draft.anchor ?? null])} env={env} draft={panel.draft} />
      ) : active ? (
        <ThreadView key={active.id} env={env} thread={active} />
      ) : (
        <>
          <div className="threads-scope">
            {panel.segment !== null ? (
              <>
                <span>Segment #{scopeNumber ?? '–'}</span>
                <button type="button" className="link-button" onClick={() => hub.setPanel({ segment: null })} data-testid="threads-show-all">
                  All segments
                </button>
                {env.canComment && (
                  <button type="button" onClick={() => hub.setPanel({ draft: { segmentId: panel.segment! } })} data-testid="comment-on-pair">
                    Comment on this pair
                  </button>
                )}
              </>
            ) : (
              <span>All segments</span>
            )}
            <label className="show-resolved">
              <input
                type="checkbox"
                checked={panel.showResolved}
                onChange={(event) => hub.setPanel({ showResolved: event.target.checked })}
                data-testid="show-resolved"
              />{' '}
              Show resolved
            </label>
          </div>
          {listed.length === 0 ? (
            <p className="threads-empty" data-testid="threads-empty">
              {panel.showResolved ? 'No comments here.' : 'No open comments here.'}
              {env.canComment && ' Select text in a segment and press Comment (Ctrl/⌘ + Alt + M).'}
            </p>
          ) : (
            <ol className="thread-list">
              {listed.map((thread) => (
                <ThreadItem key={thread.id} env={env} thread={thread} onChoose={choose} />
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}

function ThreadItem({ env, thread, onChoose }: { env: ReviewEnv; thread: ThreadSnapshot; onChoose(thread: ThreadSnapshot): void }) {
  const first = thread.comments[0];
  const replies = Math.max(0, thread.comments.length - 1);
  const openSuggestion = thread.comments.some((comment) => comment.suggestion !== null && comment.suggestionState === 'open' && !comment.deleted);
  return (
    <li>
      <button
        type="button"
        className={`thread-item${thread.resolved ? ' is-resolved' : ''}`}
        onClick={() => onChoose(thread)}
        data-testid="thread-item"
        data-thread={thread.id}
        data-segment={thread.segmentId}
      >
        <span className="thread-where">
          #{env.segmentNumber(thread.segmentId) ?? '–'} {thread.side ? (thread.side === 'source' ? '中文' : 'EN') : 'pair'}
          {thread.resolved && <span className="thread-badge"> · resolved</span>}
          {openSuggestion && <span className="thread-badge"> · suggestion</span>}
        </span>
        {thread.anchor && <span className="thread-item-quote">“{excerpt(thread.quote)}”</span>}
        {thread.anchorState === 'deleted' && <span className="anchor-deleted">The commented text was deleted.</span>}
        <span className="thread-item-first">
          <strong>{first?.author ?? thread.createdBy}</strong>: {first ? (first.deleted ? 'This comment was deleted.' : excerpt(first.text)) : ''}
        </span>
        <span className="thread-item-replies" data-testid="thread-replies">
          {replies === 1 ? '1 reply' : `${replies} replies`}
        </span>
      </button>
    </li>
  );
}
