/**
 * One segment: the Chinese source on the left, the English target on the
 * right, top-aligned whatever their heights, and a narrow status column.
 * React hosts the two ProseMirror views; it does not own their content.
 *
 * A row's props are its own data, and memo compares only those: what it
 * needs of the page (permissions, hubs, commands) it reads from the article
 * context (../article-context.tsx), which does not change while typing.
 */
import { memo, useRef } from 'react';
import type { Assignment } from '../../workflow/use-assignments';
import { Assignees } from '../../workflow/Assignees';
import { RowThreads } from '../../review/RowThreads';
import { QaMarker } from '../../publish/QaMarker';
import { useImageDrop } from '../../media/use-image-drop';
import { RemoteFigureActions } from '../../media/RemoteFigureActions';
import { useArticle } from '../article-context';
import type { SegmentRowModel } from '../use-segments';
import { PeopleHere } from './PeopleHere';
import { RowActionsMenu } from './RowActionsMenu';
import { RowStatus } from './RowStatus';
import { useSideViews } from './use-side-views';

export interface SegmentRowProps {
  row: SegmentRowModel;
  index: number;
  /** Where the virtualized list places it. */
  top: number;
  /** Ticked for a bulk action. */
  selected: boolean;
  /** The row a link opened the editor at. */
  highlighted: boolean;
  assignment: Assignment | undefined;
  /** Why a row that the filter would hide is shown anyway. */
  shownBecause: string | null;
}

export const SegmentRow = memo(function SegmentRow({ row, index, top, selected, highlighted, assignment, shownBecause }: SegmentRowProps) {
  const { canEditTarget, media, review, consistency } = useArticle();
  const source = useRef<HTMLDivElement>(null);
  const target = useRef<HTMLDivElement>(null);
  const element = useRef<HTMLDivElement>(null);
  useSideViews(row, { source, target, row: element });
  useImageDrop(target, canEditTarget && media ? (file, figure) => void media.placeFile(row.id, file, figure) : null);

  return (
    <div
      ref={element}
      className={`segment-row status-${row.status}${row.omitted ? ' omitted' : ''}${selected ? ' selected' : ''}${highlighted ? ' highlighted' : ''}`}
      style={{ top }}
      data-testid="segment-row"
      data-segment={row.id}
      data-index={index}
      data-status={row.status}
    >
      <div className="segment-side segment-source" ref={source} />
      <div className="segment-side segment-target" ref={target} />
      <div className="segment-meta">
        <RowStatus id={row.id} status={row.status} selected={selected} />
        {assignment && <Assignees assignment={assignment} />}
        <RowThreads segmentId={row.id} review={review} />
        <QaMarker row={row} consistency={consistency} />
        <PeopleHere segmentId={row.id} />
        {row.omitted && <span className="omitted-note">omitted</span>}
        {row.memoryMatch && (
          <span className="memory-note" data-testid="memory-note" title="The translation was filled from the translation memory">
            TM {row.memoryMatch.score > 100 ? '101' : row.memoryMatch.score}%
          </span>
        )}
        {shownBecause && <span className="shown-because">{shownBecause}</span>}
        {canEditTarget && media && <RemoteFigureActions segmentId={row.id} target={row.target} media={media} />}
        <RowActionsMenu row={row} />
      </div>
    </div>
  );
});
