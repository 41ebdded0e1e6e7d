/**
 * The editor page: every segment of one article as a row, virtualized, with
 * presence, the translator's keyboard flow, filters, search, the metadata
 * panel and a connection indicator that tells the truth.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import { readSegment, setSide, setStatus, touchSegment } from '../../shared/article/article';
import { insertTranslatorSegment, mergeWithNext, moveReordersSource, moveSegment, setOmitted, splitSegment, structureFromSource } from '../../shared/article/structure';
import { isSideEmpty } from '../../shared/article/article';
import { may, settableStatuses } from '../../shared/permissions/permissions';
import type { SegmentStatus } from '../../shared/article/status';
import type { ArticleSession, SessionUser, SessionView } from '../collab/article-session';
import { afterPaint } from '../collab/after-paint';
import { claimSession } from '../collab/early-session';
import { PresenceHub } from './presence';
import { UndoRegistry } from './undo-registry';
import { useSegments, type SegmentRowModel } from './use-segments';
import { useVirtualRows } from './use-virtual-rows';
import { useOpening } from './use-opening';
import { carryOver, type CarriedOpening, type OpeningHandOver } from './opening-hand-over';
import { SegmentRow, type MountedViews, type RowAction } from './SegmentRow';
import type { SegmentCommands } from './side-view';
import { EditorHeader } from './EditorHeader';
import { filterRows, type RowFilter } from './filters';
import { SearchPanel } from './SearchPanel';
import { HelpOverlay } from './HelpOverlay';
import { MetadataPanel } from './MetadataPanel';
import { EDITOR_ORIGIN } from './origins';
import { readPendingInput } from './pending-input';
import { noSegmentsMessage } from './no-segments';
import { useAssignments } from '../workflow/use-assignments';
import { useRowWorkflow } from '../workflow/use-row-workflow';
import { useLandOnSegment } from '../workflow/use-land-on-segment';
import { ReviewHub } from '../review/review-hub';
import { useReviewPage } from '../review/use-review-page';
import { RowMedia } from '../media/row-media';
import './editor.css';

/** Re-stamp "last changed by me" at most this often while typing. */
const TOUCH_INTERVAL_MS = 60_000;

/** Said when an article command is asked for in the opening rows (use-opening.ts). */
const STILL_LOADING = 'The article is still loading: try that again in a moment. What you type is kept.';
const MOVE_REORDERS_SOURCE = 'That would reorder the Chinese source, which only an admin may change. Notes you inserted move freely.';

interface EditorParts {
  session: ArticleSession;
  presence: PresenceHub;
  undo: UndoRegistry;
  review: ReviewHub;
}

export function ArticleEditor({ articleId, user }: { articleId: string; user: SessionUser }) {
  const [parts, setParts] = useState<EditorParts | null>(null);
  const opening = useOpening(articleId, parts?.session ?? null, user);
  // The session starts once the opening rows are shown and painted (or known absent): see use-opening.ts.
  const openingDecided = opening.kind !== 'pending';
  const { id, name, role } = user;
  useEffect(() => {
    if (!openingDecided) return;
    let started: EditorParts | null = null;
    // After the frame that shows the opening rows: starting the session (device copy, websocket,
    // a render of the page with it) takes a few tens of milliseconds the first rows need not wait for.
    const cancel = afterPaint(() => {
      // Opened already if the app was loaded at this article's address without an opening (early-session.ts).
      const session = claimSession(articleId, { id, name, role });
      started = { session, presence: new PresenceHub(session.provider.awareness), undo: new UndoRegistry(), review: new ReviewHub(session.doc) };
      setParts(started);
    });
    return () => {
      cancel();
      if (!started) return;
      started.review.destroy();
      started.presence.destroy();
      started.undo.destroy();
      started.session.destroy();
    };
  }, [articleId, id, name, role, openingDecided]);
  // Keyed: the opening rows and the article's are different documents, never the same views.
  if (opening.kind === 'shown') {
    const { doc, presence, undo, review, handOver, total, session } = opening.parts;
    return (
      <EditorSurface key="opening" session={parts?.session ?? session} doc={doc} presence={presence} undo={undo} review={review} user={user} opening={{ handOver, total }} />
    );
  }
  if (!parts) return <p className="status-message">Opening the article…</p>;
  return <EditorSurface key="article" {...parts} doc={parts.session.doc} user={user} carried={opening.kind === 'handed-over' ? opening.carried : null} />;
}

interface SurfaceProps extends Omit<EditorParts, 'session'> {
  /** The article's session, or what is shown of it before it starts (use-opening.ts). */
  session: SessionView;
  /** The document shown: the article's, or its opening rows' (use-opening.ts). */
  doc: Y.Doc;
  user: SessionUser;
  /** Showing the opening rows: how to hand them over, and the article's length. */
  opening?: { handOver: OpeningHandOver; total: number };
  /** What the opening rows held when the article's document replaced them. */
  carried?: CarriedOpening | null;
}

function EditorSurface({ session, doc, presence, undo, review, user, opening, carried }: SurfaceProps) {
  // The connection and saved state are read by the header's status alone: they change on every keystroke.
  useSyncExternalStore(presence.subscribe, presence.getVersion);
  const rows = useSegments(doc);
  const canEditTarget = may(user, 'target.edit');
  // Showing the opening rows (use-opening.ts): only what is typed into targets is carried over to the article.
  const loading = opening !== undefined;
  const canEditSource = !loading && may(user, 'source.edit');

  const [filter, setFilter] = useState<RowFilter>({ kind: 'all' });
  const [searchOpen, setSearchOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [metaOpen, setMetaOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const assignments = useAssignments(doc);

  const visible = useMemo(
    () => filterRows(rows, filter, { me: user.name, focused, busy: (id) => presence.inSegment(id), assignments }),
    // presence changes re-render through useSyncExternalStore above
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, filter, user.name, focused, assignments, presence.getVersion()],
  );
  const ids = useMemo(() => visible.map((entry) => entry.row.id), [visible]);
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = useVirtualRows(ids, scroller);

  const views = useRef(new Map<string, MountedViews>());
  const pendingFocus = useRef<{ id: string; side: 'source' | 'target' } | null>(null);
  const rowsRef = useRef<SegmentRowModel[]>(rows);
  rowsRef.current = rows;
  // Every keystroke looks its row up (commands.edited): by id, not by a walk over 2,000 rows.
  const rowsById = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const rowsByIdRef = useRef(rowsById);
  rowsByIdRef.current = rowsById;
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const lastTouch = useRef(new Map<string, number>());

  const focusSegment = useCallback(
    (id: string, wanted: 'source' | 'target' = 'target') => {
      // A source this person may not edit takes no caret: go to the translation beside it.
      const side = wanted === 'source' && !canEditSource ? 'target' : wanted;
      const index = idsRef.current.indexOf(id);
      // A segment created a moment ago is not in the list yet: focus it when its row mounts.
      if (index < 0) return void (pendingFocus.current = { id, side });
      const mounted = views.current.get(id);
      if (mounted) {
        mounted[side].focus();
        mounted[side].dom.scrollIntoView({ block: 'nearest' });
      } else {
        pendingFocus.current = { id, side };
        windowed.scrollToIndex(index);
      }
    },
    // scrollToIndex changes only when row heights do; the window object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [windowed.scrollToIndex, canEditSource],
  );

  // Before a colleague's change is applied, the focused side takes in a caret move the browser
  // has made and ProseMirror not yet read: y-prosemirror would put the old caret back (pending-input.ts).
  const focusedView = useRef<EditorView | null>(null);
  useEffect(
    () =>
      session.beforeServerChange(() => {
        if (focusedView.current && !readPendingInput(focusedView.current)) focusedView.current = null;
      }),
    [session],
  );

  const register = useCallback((id: string, mounted: MountedViews | null) => {
    if (mounted) {
      views.current.set(id, mounted);
      for (const view of [mounted.target, mounted.source]) {
        view.dom.addEventListener('focusin', () => {
          setFocused(id);
          focusedView.current = view;
        });
      }
      if (pendingFocus.current?.id === id) {
        const side = pendingFocus.current.side;
        pendingFocus.current = null;
        queueMicrotask(() => mounted[side].focus());
      }
    } else {
      views.current.delete(id);
    }
  }, []);

  // Show a segment without taking the caret there (a comment chosen in the panel).
  const revealSegment = useCallback(
    (id: string) => {
      const index = idsRef.current.indexOf(id);
      if (index < 0) return setNotice('That segment is hidden by the filter: show all segments to see it.');
      const mounted = views.current.get(id);
      if (mounted) mounted.target.dom.closest('.segment-row')?.scrollIntoView({ block: 'nearest' });
      else windowed.scrollToIndex(index);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [windowed.scrollToIndex],
  );
  const reviewPage = useReviewPage({ hub: review, user, rows, presence, reveal: revealSegment, notify: setNotice });

  const commands = useMemo<SegmentCommands>(
    () => ({
      confirm(id) {
        if (loading) return setNotice(STILL_LOADING);
        if (!settableStatuses(user.role).includes('translated')) return;
        setStatus(doc, id, 'translated', user.name, EDITOR_ORIGIN);
        const order = rowsRef.current;
        const at = order.findIndex((row) => row.id === id);
        const next = [...order.slice(at + 1), ...order.slice(0, at)].find((row) => row.status === 'untranslated' && !row.omitted);
        if (next) focusSegment(next.id);
        else setNotice('Every segment has a translation.');
      },
      move(id, direction) {
        const order = idsRef.current;
        const next = order[order.indexOf(id) + direction];
        if (next) focusSegment(next);
      },
      copySourceStructure(id) {
        if (loading) return setNotice(STILL_LOADING);
        const segment = readSegment(doc, id);
        if (!isSideEmpty(segment.target)) return setNotice('The target is not empty: clear it first to copy the source structure.');
        setSide(doc, id, 'target', structureFromSource(segment.source), user.name, EDITOR_ORIGIN);
      },
      split(id, view: EditorView) {
        if (loading) return setNotice(STILL_LOADING);
        // The browser may have moved the caret (arrow keys) without ProseMirror having read it yet.
        (view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
        const side = view.dom.classList.contains('side-source') ? 'source' : 'target';
        const newId = splitSegment(doc, id, side, view.state.selection.head, user.name, EDITOR_ORIGIN);
        if (newId) focusSegment(newId, side);
      },
      mergeWithNext(id) {
        if (loading) return setNotice(STILL_LOADING);
        mergeWithNext(doc, id, user.name, EDITOR_ORIGIN);
      },
      edited(id, side) {
        if (side !== 'target') return;
        const row = rowsByIdRef.current.get(id);
        if (!row) return;
        // Typing into an untranslated segment makes it a draft; so does changing a finished one (say so).
        if (row.status !== 'draft' && settableStatuses(user.role).includes('draft')) {
          if (row.status !== 'untranslated') setNotice(`The segment was ${row.status}; editing it made it a draft again.`);
          setStatus(doc, id, 'draft', user.name, EDITOR_ORIGIN);
          lastTouch.current.set(id, Date.now());
        } else if (row.changedBy !== user.name || Date.now() - (lastTouch.current.get(id) ?? 0) > TOUCH_INTERVAL_MS) {
          touchSegment(doc, id, user.name, EDITOR_ORIGIN);
          lastTouch.current.set(id, Date.now());
        }
      },
    }),
    [doc, loading, user.name, user.role, focusSegment],
  );

  // Images dropped or chosen in a row: uploaded, then shown through the row's target editor.
  const media = useMemo(
    () => new RowMedia({ articleId: session.articleId, doc, views: views.current, undo, actor: user.name, notify: setNotice }),
    [session, doc, undo, user.name],
  );

  const workflow = useRowWorkflow({ doc, articleId: session.articleId, user, rows, shown: ids, notify: setNotice, origin: EDITOR_ORIGIN });
  const onStatus = useCallback(
    (id: string, status: SegmentStatus) => (loading ? setNotice(STILL_LOADING) : workflow.requestStatus(id, status)),
    [loading, workflow.requestStatus],
  );
  const landed = useLandOnSegment({
    shown: ids,
    exists: useCallback((id: string) => rowsByIdRef.current.has(id), []),
    showAll: useCallback(() => setFilter({ kind: 'all' }), []),
    land: focusSegment,
  });

  const onAction = useCallback(
    (id: string, action: RowAction) => {
      if (loading) return setNotice(STILL_LOADING);
      if (action === 'history') return workflow.openHistory(id);
      if (action === 'copy-structure') return commands.copySourceStructure(id);
      if (action === 'merge-next') return void mergeWithNext(doc, id, user.name, EDITOR_ORIGIN);
      if (action === 'move-up' || action === 'move-down') {
        const direction = action === 'move-up' ? -1 : 1;
        if (!canEditSource && moveReordersSource(doc, id, direction)) return setNotice(MOVE_REORDERS_SOURCE);
        return void moveSegment(doc, id, direction, EDITOR_ORIGIN);
      }
      if (action === 'toggle-omit') return setOmitted(doc, id, !rowsByIdRef.current.get(id)?.omitted, EDITOR_ORIGIN);
      const newId = insertTranslatorSegment(doc, id, action === 'insert-before' ? 'before' : 'after', EDITOR_ORIGIN);
      focusSegment(newId);
    },
    [commands, doc, loading, user.name, focusSegment, workflow.openHistory, canEditSource],
  );

  // Page-wide keys: search and help work wherever the focus is.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inEditor = (event.target as HTMLElement | null)?.closest?.('.ProseMirror, input, textarea, select');
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setSearchOpen(true);
      } else if ((event.key === '?' && !inEditor) || ((event.ctrlKey || event.metaKey) && event.key === '/')) {
        event.preventDefault();
        setHelpOpen((open) => !open);
      } else if (event.key === 'Escape') {
        setHelpOpen(false);
        setSearchOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The opening rows' views and scroller, for the hand-over to read (opening-hand-over.ts).
  useLayoutEffect(() => opening?.handOver.attach(views.current, scroller.current), [opening]);
  // The article's rows have just replaced the opening's (their views exist: children's layout effects
  // run first): what was typed there is carried over, and the caret with it, before the next key.
  useLayoutEffect(() => {
    if (!carried) return;
    carryOver(carried, {
      doc,
      views: views.current,
      undo,
      scroller: scroller.current,
      actor: user.name,
      edited: (id, side) => commands.edited(id, side),
      focusLater: (id, side) => focusSegment(id, side),
      notify: setNotice,
    });
    // Once, when the article's rows first show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <div className="article-editor" data-testid="article-editor" lang="en">
      <EditorHeader
        session={session}
        doc={doc}
        presence={presence}
        rows={rows}
        filter={filter}
        onFilter={setFilter}
        onSearch={() => setSearchOpen(true)}
        onHelp={() => setHelpOpen(true)}
        onMetadata={() => (loading ? setNotice(STILL_LOADING) : setMetaOpen((open) => !open))}
        readOnly={!canEditTarget}
        onComments={loading ? undefined : reviewPage.openAll}
        openComments={reviewPage.openCount}
        {...(opening ? { loadingTotal: opening.total } : {})}
      />
      {notice && (
        <div className="editor-notice" role="status" data-testid="editor-notice">
          {notice}
        </div>
      )}
      {searchOpen && <SearchPanel rows={rows} onClose={() => setSearchOpen(false)} onGo={(id, side) => focusSegment(id, side)} />}
      {!loading && workflow.bar}
      {metaOpen && <MetadataPanel doc={doc} editable={may(user, 'metadata.edit')} onClose={() => setMetaOpen(false)} />}
      <div className="segment-columns-header" aria-hidden="true">
        <span>中文 source</span>
        <span>English translation</span>
        <span>Status</span>
      </div>
      <div className="segment-scroller" ref={scroller} data-testid="segment-scroller">
        <div className="segment-canvas" style={{ height: windowed.total }}>
          {visible.slice(windowed.start, windowed.end).map((entry, i) => {
            const index = windowed.start + i;
            return (
              <SegmentRow
                key={entry.row.id}
                row={entry.row}
                index={index}
                top={windowed.offsets[index]!}
                canEditTarget={canEditTarget}
                canEditSource={canEditSource}
                role={user.role}
                selectable={workflow.selectable}
                selected={workflow.selection.ids.has(entry.row.id)}
                onSelect={workflow.select}
                assignment={assignments.get(entry.row.id)}
                highlighted={landed === entry.row.id}
                peopleHere={presence.inSegment(entry.row.id)}
                shownBecause={entry.shownBecause}
                presence={presence}
                undo={undo}
                commands={commands}
                onStatus={onStatus}
                onAction={onAction}
                register={register}
                measure={windowed.measure}
                threadCount={reviewPage.counts.get(entry.row.id) ?? 0}
                review={reviewPage.rowReview}
                media={loading ? undefined : media}
              />
            );
          })}
        </div>
        {rows.length === 0 && <NoSegments session={session} />}
      </div>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {!loading && reviewPage.layer}
      {!loading && workflow.dialogs}
    </div>
  );
}

/** Shown only without rows, so the page does not re-render on the session's every change. */
function NoSegments({ session }: { session: SessionView }) {
  const state = useSyncExternalStore(session.subscribe, () => session.snapshot);
  return (
    <p className="status-message" role="status" data-testid="no-segments">
      {noSegmentsMessage(state)}
    </p>
  );
}
