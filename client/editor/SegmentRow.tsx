/**
 * One segment: the Chinese source on the left, the English target on the
 * right, top-aligned whatever their heights, and a narrow status column.
 * React hosts the two ProseMirror views; it does not own their content.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { SegmentStatus } from '../../shared/article/status';
import type { Role } from '../../shared/protocol/roles';
import { statusOptions } from '../../shared/permissions/permissions';
import type { Assignment } from '../workflow/use-assignments';
import { Assignees } from '../workflow/Assignees';
import { RowThreads, type RowReview } from '../review/RowThreads';
import { createSideView, type SegmentCommands } from './side-view';
import type { PresenceHub, PresenceUser } from './presence';
import type { UndoRegistry } from './undo-registry';
import type { SegmentRowModel } from './use-segments';
import { QaMarker } from '../publish/QaMarker';
import type { RowMedia } from '../media/row-media';
import { useImageDrop } from '../media/use-image-drop';
import { ImageMenuItem } from '../media/ImageMenuItem';
import { RemoteFigureActions } from '../media/RemoteFigureActions';

export interface MountedViews {
  source: EditorView;
  target: EditorView;
}

export interface SegmentRowProps {
  row: SegmentRowModel;
  index: number;
  top: number;
  canEditTarget: boolean;
  canEditSource: boolean;
  /** The statuses offered are those the workflow lets this role set from the row's status. */
  role: Role;
  /** A reviewer's or admin's tick box for bulk actions. */
  selectable: boolean;
  selected: boolean;
  onSelect(id: string, shift: boolean): void;
  assignment: Assignment | undefined;
  /** The row a link opened the editor at. */
  highlighted: boolean;
  peopleHere: PresenceUser[];
  /** Why a row that the filter would hide is shown anyway. */
  shownBecause: string | null;
  presence: PresenceHub;
  undo: UndoRegistry;
  commands: SegmentCommands;
  onStatus(id: string, status: SegmentStatus): void;
  onAction(id: string, action: RowAction): void;
  register(id: string, views: MountedViews | null): void;
  measure(id: string, element: HTMLElement | null): void;
  /** Open review threads on this segment. */
  threadCount: number;
  /** The review side of a row: stable for the page, so rows re-render only when their count changes. */
  review: RowReview;
  /** Images: dropped or chosen files uploaded into the target, remote ones stored (absent: no image tools). */
  media?: RowMedia;
}

export type RowAction = 'insert-before' | 'insert-after' | 'merge-next' | 'toggle-omit' | 'copy-structure' | 'move-up' | 'move-down' | 'history';

export const SegmentRow = memo(function SegmentRow(props: SegmentRowProps) {
  const { row, presence, undo, commands, register, measure } = props;
  const sourceMount = useRef<HTMLDivElement>(null);
  const targetMount = useRef<HTMLDivElement>(null);
  const rowElement = useRef<HTMLDivElement>(null);

  // Before the browser paints: a row never shows without its text (on opening, or scrolled into
  // view), and opening the article costs one frame instead of a frame of empty rows and then another.
  useLayoutEffect(() => {
    const source = createSideView({
      mount: sourceMount.current!,
      fragment: row.source,
      segment: row.id,
      side: 'source',
      editable: props.canEditSource,
      presence,
      undo,
      commands,
      plugins: props.review.plugins(row.id, 'source'),
    });
    const target = createSideView({
      mount: targetMount.current!,
      fragment: row.target,
      segment: row.id,
      side: 'target',
      editable: props.canEditTarget,
      presence,
      undo,
      commands,
      plugins: props.review.plugins(row.id, 'target'),
    });
    register(row.id, { source, target });
    return () => {
      register(row.id, null);
      source.destroy();
      target.destroy();
    };
    // The views are rebuilt only when the fragments or the permissions change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row.source, row.target, props.canEditSource, props.canEditTarget, presence, undo]);

  useEffect(() => {
    measure(row.id, rowElement.current);
    return () => measure(row.id, null);
  }, [row.id, measure]);

  const { media } = props;
  useImageDrop(targetMount, props.canEditTarget && media ? (file, figure) => void media.placeFile(row.id, file, figure) : null);

  // The actions menu's items exist only while it is open: a dozen nodes in every mounted row otherwise.
  const [menuOpen, setMenuOpen] = useState(false);

  // Run a menu action, then close the menu it came from.
  const act = (action: RowAction) => (event: { currentTarget: HTMLElement }) => {
    const menu = event.currentTarget.closest('details');
    if (menu) menu.open = false;
    props.onAction(row.id, action);
  };

  const options = statusOptions(props.role, row.status);

  return (
    <div
      ref={rowElement}
      className={`segment-row status-${row.status}${row.omitted ? ' omitted' : ''}${props.selected ? ' selected' : ''}${props.highlighted ? ' highlighted' : ''}`}
      style={{ top: props.top }}
      data-testid="segment-row"
      data-segment={row.id}
      data-index={props.index}
      data-status={row.status}
    >
      <div className="segment-side segment-source" ref={sourceMount} />
      <div className="segment-side segment-target" ref={targetMount} />
      <div className="segment-meta">
        {props.selectable && (
          <input
            type="checkbox"
            className="row-select"
            aria-label="Select this segment"
            data-testid="row-select"
            checked={props.selected}
            // onClick, not onChange: only the click says whether shift was held (a range).
            onClick={(event) => props.onSelect(row.id, event.shiftKey)}
            onChange={() => undefined}
          />
        )}
        <select
          className={`status-chip status-${row.status}`}
          value={row.status}
          aria-label="Status"
          data-testid="status-chip"
          disabled={options.length === 0}
          onChange={(event) => props.onStatus(row.id, event.target.value as SegmentStatus)}
        >
          <option value={row.status}>{row.status}</option>
          {options.map((option) => (
            <option key={option.status} value={option.status}>
              {option.needsComment ? 'send back…' : option.status}
            </option>
          ))}
        </select>
        {props.assignment && <Assignees assignment={props.assignment} />}
        <RowThreads segmentId={row.id} count={props.threadCount} canComment={props.review.canComment} onOpen={props.review.open} />
        <QaMarker row={row} />
        {props.peopleHere.length > 0 && (
          <div className="people-here" data-testid="people-here">
            {props.peopleHere.map((person) => (
              <span key={person.clientId} className="person-dot" style={{ background: person.color }} title={`${person.name} is here`}>
                {person.name.slice(0, 1).toUpperCase()}
              </span>
            ))}
          </div>
        )}
        {row.omitted && <span className="omitted-note">omitted</span>}
        {props.shownBecause && <span className="shown-because">{props.shownBecause}</span>}
        {props.canEditTarget && media && <RemoteFigureActions segmentId={row.id} target={row.target} media={media} />}
        <details className="row-actions" onToggle={(event) => setMenuOpen(event.currentTarget.open)}>
          <summary aria-label="Segment actions" data-testid="row-actions">⋯</summary>
          {menuOpen && (
            <div>
              <button type="button" data-testid="open-history" onClick={act('history')}>History…</button>
              {props.canEditTarget && (
                <>
                  <button type="button" onClick={act('copy-structure')}>Copy source structure</button>
                  <button type="button" data-testid="insert-before" onClick={act('insert-before')}>Insert note before</button>
                  <button type="button" data-testid="insert-after" onClick={act('insert-after')}>Insert note after</button>
                  <button type="button" data-testid="merge-next" onClick={act('merge-next')}>Merge with next</button>
                  <button type="button" data-testid="move-up" onClick={act('move-up')}>Move up</button>
                  <button type="button" data-testid="move-down" onClick={act('move-down')}>Move down</button>
                  <button type="button" data-testid="toggle-omit" onClick={act('toggle-omit')}>{row.omitted ? 'Translate this block' : 'Omit this block'}</button>
                  {media && <ImageMenuItem onFile={(file) => void media.placeFile(row.id, file)} />}
                </>
              )}
            </div>
          )}
        </details>
      </div>
    </div>
  );
});
