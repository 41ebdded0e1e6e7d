/**
 * The editor page's surface for one document (the article's, or its opening
 * rows'): the header, the notice line, the panels, and every segment as a
 * row, virtualized. The rows read the page from the article context
 * (article-context.tsx); this component keeps what changes (the list, the
 * filter, the selection) and gives each row its own share of it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { articleTypes } from '../../shared/article/layout';
import { may } from '../../shared/permissions/permissions';
import type { SessionUser, SessionView } from '../collab/article-session';
import type { PresenceHub } from '../editing/presence';
import type { UndoRegistry } from '../editing/undo-registry';
import { readPendingInput } from '../editing/pending-input';
import { EDITOR_ORIGIN } from '../editing/origins';
import { RowMedia } from '../media/row-media';
import type { ReviewHub } from '../review/review-hub';
import { useReviewPage } from '../review/use-review-page';
import { useAssignments } from '../workflow/use-assignments';
import { useLandOnSegment } from '../workflow/use-land-on-segment';
import { useRowWorkflow } from '../workflow/use-row-workflow';
import { ArticleProvider, type ArticleContextValue } from './article-context';
import { EditorHeader } from './EditorHeader';
import { filterRows, type RowFilter } from './filters';
import { HelpOverlay } from './HelpOverlay';
import { MetadataPanel } from './MetadataPanel';
import { noSegmentsMessage } from './no-segments';
import { carryOver, type CarriedOpening, type OpeningHandOver } from './opening-hand-over';
import { RowViews } from './row/row-views';
import { SegmentRow } from './row/SegmentRow';
import { SearchPanel } from './SearchPanel';
import { useNotice } from './use-notice';
import { usePageKeys } from './use-page-keys';
import { useRowFocus } from './use-row-focus';
import { useSegmentCommands } from './use-segment-commands';
import { useSegments } from './use-segments';
import { useVirtualRows } from './use-virtual-rows';
import { ConcordancePanel } from '../memory/ConcordancePanel';
import { insertMatch } from '../memory/insert-match';
import { MatchesPane } from '../memory/MatchesPane';
import { useMatches } from '../memory/use-matches';
import { useMemoryKeys } from '../memory/use-memory-keys';
import { MemoryPanel } from '../memory/MemoryPanel';
import { RepetitionsBar } from '../memory/RepetitionsBar';
import type { ConsistencyHub } from '../publish/consistency-hub';
import { useRepetitions } from '../memory/use-repetitions';

export interface SurfaceProps {
  /** The article's session, or what is shown of it before it starts (use-opening.ts). */
  session: SessionView;
  /** The document shown: the article's, or its opening rows' (use-opening.ts). */
  doc: Y.Doc;
  presence: PresenceHub;
  undo: UndoRegistry;
  review: ReviewHub;
  /** The rows' consistency warnings: none while the opening rows are shown. */
  consistency?: ConsistencyHub;
  user: SessionUser;
  /** Showing the opening rows: how to hand them over, and the article's length. */
  opening?: { handOver: OpeningHandOver; total: number };
  /** What the opening rows held when the article's document replaced them. */
  carried?: CarriedOpening | null;
}

export function EditorSurface({ session, doc, presence, undo, review, consistency, user, opening, carried }: SurfaceProps) {
  // The connection and saved state are read by the header's status alone: they change on every keystroke.
  const presenceVersion = useSyncExternalStore(presence.subscribe, presence.getVersion);
  const rows = useSegments(doc);
  const canEditTarget = may(user, 'target.edit');
  // Showing the opening rows (use-opening.ts): only what is typed into targets is carried over to the article.
  const loading = opening !== undefined;
  const canEditSource = !loading && may(user, 'source.edit');

  const [filter, setFilter] = useState<RowFilter>({ kind: 'all' });
  const [searchOpen, setSearchOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [metaOpen, setMetaOpen] = useState(false);
  const [concordance, setConcordance] = useState<string | null>(null);
  const [memoryOpen, setMemoryOpen] = useState(false);
  const [notice, notify] = useNotice();
  const [focused, setFocused] = useState<string | null>(null);
  const assignments = useAssignments(doc);
  const [views] = useState(() => new RowViews(setFocused));

  const visible = useMemo(
    () => filterRows(rows, filter, { me: user.name, focused, busy: (id) => presence.inSegment(id), assignments }),
    // The "busy" filter asks the presence hub who is where: the hub stays the same object, its version (above) tells when the answers changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- presenceVersion is not read in the callback, it is what invalidates it
    [rows, filter, user.name, focused, assignments, presence, presenceVersion],
  );
  const ids = useMemo(() => visible.map((entry) => entry.row.id), [visible]);
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = useVirtualRows(ids, scroller);
  const { focusSegment, revealSegment } = useRowFocus({ ids, scrollToIndex: windowed.scrollToIndex, views, canEditSource, notify });

  // Before a colleague's change is applied, the focused side takes in a caret move the browser
  // has made and ProseMirror not yet read: y-prosemirror would put the old caret back (pending-input.ts).
  useEffect(
    () =>
      session.beforeServerChange(() => {
        if (views.focusedView && !readPendingInput(views.focusedView)) views.focusedView = null;
      }),
    [session, views],
  );

  const reviewPage = useReviewPage({ hub: review, user, rows, presence, reveal: revealSegment, notify });
  const workflow = useRowWorkflow({ doc, articleId: session.articleId, user, rows, shown: ids, notify, origin: EDITOR_ORIGIN });
  const repetitions = useRepetitions(doc, session.articleId, notify);
  const { commands, controls, stillLoading } = useSegmentCommands({
    doc,
    user,
    canEditSource,
    loading,
    rows,
    ids,
    focusSegment,
    notify,
    workflow,
    onConfirmed: repetitions.confirmed,
  });
  const landed = useLandOnSegment({
    shown: ids,
    exists: useCallback((id: string) => articleTypes(doc).segments.has(id), [doc]),
    showAll: useCallback(() => setFilter({ kind: 'all' }), []),
    land: focusSegment,
  });
  usePageKeys({
    openSearch: useCallback(() => setSearchOpen(true), []),
    toggleHelp: useCallback(() => setHelpOpen((open) => !open), []),
    closeAll: useCallback(() => (setHelpOpen(false), setSearchOpen(false)), []),
  });

  // The memory's matches for the segment with the caret, docked under the grid; Ctrl+1…5 inserts one.
  const matches = useMatches(doc, session.articleId, focused, !loading);
  const insertFromMemory = useCallback(
    (index: number): boolean => {
      const match = matches.matches[index];
      if (!match || !matches.segmentId || !canEditTarget || loading) return false;
      insertMatch({ doc, views: views.mounted, undo, actor: user.name }, matches.segmentId, match);
      return true;
    },
    [matches, canEditTarget, loading, doc, views, undo, user.name],
  );
  useMemoryKeys({ insert: insertFromMemory, openConcordance: setConcordance });

  // Images dropped or chosen in a row: uploaded, then shown through the row's target editor (none in the opening rows).
  const media = useMemo(
    () => (loading ? null : new RowMedia({ articleId: session.articleId, doc, views: views.mounted, undo, actor: user.name, notify })),
    [loading, session.articleId, doc, views, undo, user.name, notify],
  );
  // The same user again (a session refreshed) must not make a new context: every row would re-render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const me = useMemo(() => user, [user.id, user.name, user.role]);
  const article = useMemo<ArticleContextValue>(
    () => ({
      doc,
      user: me,
      canEditTarget,
      canEditSource,
      presence,
      undo,
      commands,
      controls,
      views,
      measure: windowed.measure,
      review: reviewPage.rowReview,
      media,
      consistency: consistency ?? null,
    }),
    [doc, me, canEditTarget, canEditSource, presence, undo, commands, controls, views, windowed.measure, reviewPage.rowReview, media, consistency],
  );

  // The opening rows' views and scroller, for the hand-over to read (opening-hand-over.ts).
  useLayoutEffect(() => opening?.handOver.attach(views.mounted, scroller.current), [opening, views]);
  // The article's rows have just replaced the opening's (their views exist: children's layout effects
  // run first): what was typed there is carried over, and the caret with it, before the next key.
  useLayoutEffect(() => {
    if (!carried) return;
    carryOver(carried, {
      doc,
      views: views.mounted,
      undo,
      scroller: scroller.current,
      actor: user.name,
      edited: commands.edited,
      focusLater: focusSegment,
      notify,
    });
    // Once, when the article's rows first show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <ArticleProvider value={article}>
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
          onMetadata={() => stillLoading() || setMetaOpen((open) => !open)}
          onMemory={() => stillLoading() || setMemoryOpen((open) => !open)}
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
        {memoryOpen && <MemoryPanel articleId={session.articleId} canFill={canEditTarget && !loading} onClose={() => setMemoryOpen(false)} notify={notify} />}
        {repetitions.offer && canEditTarget && (
          <RepetitionsBar count={repetitions.offer.ids.length} onFill={repetitions.fill} onDismiss={repetitions.dismiss} />
        )}
        {concordance !== null && <ConcordancePanel initial={concordance} onClose={() => setConcordance(null)} />}
        {metaOpen && <MetadataPanel doc={doc} editable={may(user, 'metadata.edit')} onClose={() => setMetaOpen(false)} />}
        <div className="segment-columns-header" aria-hidden="true">
          <span>中文 source</span>
          <span>English translation</span>
          <span>Status</span>
        </div>
        <div className="segment-scroller" ref={scroller} data-testid="segment-scroller">
          <div className="segment-canvas" style={{ height: windowed.total }}>
            {visible.slice(windowed.start, windowed.end).map((entry, i) => (
              <SegmentRow
                key={entry.row.id}
                row={entry.row}
                index={windowed.start + i}
                top={windowed.offsets[windowed.start + i]!}
                selected={workflow.selection.ids.has(entry.row.id)}
                highlighted={landed === entry.row.id}
                assignment={assignments.get(entry.row.id)}
                shownBecause={entry.shownBecause}
              />
            ))}
          </div>
          {rows.length === 0 && <NoSegments session={session} />}
        </div>
        {!loading && (
          <MatchesPane state={matches} canInsert={canEditTarget} onInsert={(match) => matches.segmentId && insertFromMemory(matches.matches.indexOf(match))} />
        )}
        {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
        {!loading && reviewPage.layer}
        {!loading && workflow.dialogs}
      </div>
    </ArticleProvider>
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
