/** The editor's top bar: title, who is here, whether the work is connected and saved, and the view controls. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { SEGMENT_STATUSES } from '../../shared/article/status';
import { articleTypes } from '../../shared/article/layout';
import type { SessionState, SessionView } from '../collab/article-session';
import { SAVED_LABEL_TEXT, savedLabelStore } from './saved-label';
import type { PresenceHub } from '../editing/presence';
import type { RowFilter } from './filters';
import type { SegmentRowModel } from './use-segments';
import { followLink, publishPath } from '../ui/routing';

const CONNECTION_LABEL: Record<SessionState['connection'], string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

function useTitle(doc: Y.Doc): string {
  const [title, setTitle] = useState('');
  useEffect(() => {
    const { frontMatter, meta } = articleTypes(doc);
    const read = () => setTitle(String(frontMatter.get('title') ?? meta.get('sourceTitle') ?? 'Untitled article'));
    frontMatter.observe(read);
    meta.observe(read);
    read();
    return () => {
      frontMatter.unobserve(read);
      meta.unobserve(read);
    };
  }, [doc]);
  return title;
}

export function EditorHeader(props: {
  session: SessionView;
  /** The document shown: the article's, or its opening rows' (client/editor/use-opening.ts). */
  doc: Y.Doc;
  presence: PresenceHub;
  rows: SegmentRowModel[];
  filter: RowFilter;
  readOnly: boolean;
  onFilter(filter: RowFilter): void;
  onSearch(): void;
  onHelp(): void;
  onMetadata(): void;
  /** The article against the translation memory: analysis and pre-translation. */
  onMemory(): void;
  /** Open the comments panel (all segments); with how many threads are open. */
  onComments?(): void;
  openComments?: number;
  /** Showing the opening rows of an article of this many segments while its document loads. */
  loadingTotal?: number;
}) {
  const { presence, rows } = props;
  const title = useTitle(props.doc);
  const done = rows.filter((row) => row.status !== 'untranslated' && row.status !== 'draft').length;
  const filterValue = props.filter.kind === 'status' ? `status:${props.filter.status}` : props.filter.kind;
  return (
    <header className="editor-header">
      <div className="editor-title">
        <a href="/" className="back-link" onClick={followLink} data-testid="back-to-articles">
          ← Articles
        </a>
        <h2 data-testid="editor-title">{title}</h2>
        <span className="editor-progress" data-testid="editor-progress">
          {props.loadingTotal !== undefined ? `Loading ${props.loadingTotal} segments…` : `${done} / ${rows.length} translated`}
        </span>
      </div>
      <div className="editor-status">
        <ConnectionStatus session={props.session} />
        {props.readOnly && <span className="read-only-badge">Read-only</span>}
        <div className="avatars" data-testid="avatars">
          {presence.others.map((person) => (
            <span
              key={person.clientId}
              className="avatar"
              style={{ background: person.color }}
              title={`${person.name} (${person.role})`}
              data-testid="avatar"
              data-user={person.name}
            >
              {person.name.slice(0, 2).toUpperCase()}
            </span>
          ))}
        </div>
      </div>
      <div className="editor-tools">
        <label>
          Show{' '}
          <select
            value={filterValue}
            data-testid="filter"
            onChange={(event) => {
              const value = event.target.value;
              props.onFilter(value.startsWith('status:') ? { kind: 'status', status: value.slice(7) as never } : ({ kind: value } as RowFilter));
            }}
          >
            <option value="all">All segments</option>
            <option value="untranslated">Untranslated</option>
            <option value="mine">Mine (I edited last)</option>
            <option value="assigned">Assigned to me</option>
            {SEGMENT_STATUSES.map((status) => (
              <option key={status} value={`status:${status}`}>
                Status: {status}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={props.onMetadata} data-testid="metadata-button">
          Metadata
        </button>
        <button type="button" onClick={props.onMemory} data-testid="memory-button" title="Analysis and pre-translation from the translation memory">
          Memory
        </button>
        {props.onComments && (
          <button type="button" onClick={props.onComments} data-testid="comments-button" title="Comment threads">
            Comments{props.openComments ? ` (${props.openComments})` : ''}
          </button>
        )}
        <button type="button" onClick={props.onSearch} title="Search both columns (Ctrl+F)">
          Search
        </button>
        <button type="button" onClick={props.onHelp} title="Keyboard shortcuts (?)">
          ?
        </button>
        <a
          href={publishPath(props.session.articleId)}
          onClick={followLink}
          className="publish-link"
          data-testid="publish-link"
          title="Checks, preview, downloads and publishing"
        >
          Preview &amp; publish
        </a>
      </div>
      <SessionAlerts session={props.session} />
    </header>
  );
}

/**
 * Connected or not, saved or not. The labels render only when their words
 * change (see saved-label.ts); `data-saved` tells the exact state at every
 * moment, written straight to the element because it flips on every keystroke.
 */
function ConnectionStatus({ session }: { session: SessionView }) {
  const connection = useSyncExternalStore(session.subscribe, () => session.snapshot.connection);
  const labels = useMemo(() => savedLabelStore(session), [session]);
  const label = useSyncExternalStore(labels.subscribe, labels.getSnapshot);
  const savedElement = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = savedElement.current!;
    let written: boolean | null = null;
    const write = () => {
      // The session also changes for other reasons (connection, denials): a DOM write costs more than this check.
      if (session.snapshot.saved === written) return;
      written = session.snapshot.saved;
      element.dataset.saved = String(written);
    };
    write();
    return session.subscribe(write);
  }, [session]);
  return (
    <>
      <span className={`connection connection-${connection}`} data-testid="connection" data-state={connection} role="status">
        {CONNECTION_LABEL[connection]}
      </span>
      <span ref={savedElement} className={`saved ${label === 'saved' ? 'is-saved' : 'is-pending'}`} data-testid="saved">
        {SAVED_LABEL_TEXT[label]}
      </span>
    </>
  );
}

/** What the server refused, and a close that reconnecting cannot fix. */
function SessionAlerts({ session }: { session: SessionView }) {
  // Only these two fields: the session's state also changes (saved, unsaved) on every keystroke.
  const denials = useSyncExternalStore(session.subscribe, () => session.snapshot.denials);
  const fatal = useSyncExternalStore(session.subscribe, () => session.snapshot.fatal);
  return (
    <>
      {denials.length > 0 && (
        <div className="denial" role="alert" data-testid="denial">
          {denials.at(-1)}
        </div>
      )}
      {fatal && (
        <div className="denial" role="alert">
          The server closed this article ({fatal.code}): {fatal.reason || 'no reason given'}.
        </div>
      )}
    </>
  );
}
