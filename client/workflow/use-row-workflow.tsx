/**
 * The status workflow on the editor page, kept out of the page itself: the
 * status a row's chip asks for (a send-back opens the comment dialog first),
 * the reviewer's and admin's selection with its bulk bar (approve, assign),
 * and the per-segment dialogs (send back, history, assign).
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { setStatus } from '../../shared/article/article';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import { isSegmentStatus, type SegmentStatus } from '../../shared/article/status';
import type { Role } from '../../shared/protocol/roles';
import { assignSegments, type Assignment } from '../../shared/review/assignments';
import { sendBack } from '../../shared/review/send-back';
import { may, needsSendBackComment } from '../../shared/permissions/permissions';
import { useLatest } from '../ui/use-latest';
import { AssignDialog } from './AssignDialog';
import { approveReviewed, countReviewed, describeApproval } from './bulk-approve';
import { BulkBar } from './BulkBar';
import { HistoryPanel } from './HistoryPanel';
import { SendBackDialog } from './SendBackDialog';
import './workflow.css';
import { clickRow, EMPTY_SELECTION, keepExisting, selectAll, type RowSelection } from './selection';

export interface RowWorkflowOptions {
  doc: Y.Doc;
  articleId: string;
  user: { name: string; role: Role };
  /** Every segment in order with its status (the page's row models): a new list whenever a status or the list changes. */
  rows: readonly { id: string; status: SegmentStatus }[];
  /** The ids of the rows shown now, in order (after the filter). */
  shown: string[];
  /** Tell the person something, in the page's notice line. */
  notify(message: string): void;
  /** Every write the page makes carries this origin. */
  origin: unknown;
}

export interface RowWorkflow {
  /** Reviewers and admins tick rows for bulk actions. */
  selectable: boolean;
  selection: RowSelection;
  select(id: string, shift: boolean): void;
  /** The row's chip asked for a status. */
  requestStatus(id: string, to: SegmentStatus): void;
  openHistory(id: string): void;
  /** The bulk bar (null for roles without bulk actions). */
  bar: ReactNode;
  /** Whichever dialog is open. */
  dialogs: ReactNode;
}

export function useRowWorkflow({ doc, articleId, user, rows, shown, notify, origin }: RowWorkflowOptions): RowWorkflow {
  const { name, role } = user;
  // Ticking rows is for the bulk actions: approving reviewed segments, assigning.
  const canApprove = may(user, 'segment.setStatus', { from: 'reviewed', to: 'approved' });
  const canAssign = may(user, 'segment.assign');
  const selectable = canApprove || canAssign;
  const [selection, setSelection] = useState<RowSelection>(EMPTY_SELECTION);
  const [sendingBack, setSendingBack] = useState<{ id: string; from: SegmentStatus } | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [assigning, setAssigning] = useState(false);
  // Read by the row's tick (a click) and "select all shown": see useLatest.
  const shownRef = useLatest(shown);

  const statusOf = useCallback(
    (id: string): SegmentStatus | null => {
      const map = articleTypes(doc).segments.get(id);
      if (!map) return null;
      const status = map.get(SEGMENT.status);
      return isSegmentStatus(status) ? status : 'untranslated';
    },
    [doc],
  );

  const statusById = useMemo(() => new Map(rows.map((row) => [row.id, row.status])), [rows]);
  // A ticked row merged away or removed by a colleague leaves the selection: adjusted while rendering
  // when the rows change (React renders again at once, before the children), not in an effect after.
  const [keptFor, setKeptFor] = useState(statusById);
  if (keptFor !== statusById) {
    setKeptFor(statusById);
    const kept = keepExisting(selection, (id) => statusById.has(id));
    if (kept !== selection) setSelection(kept);
  }

  const select = useCallback((id: string, shift: boolean) => setSelection((current) => clickRow(current, shownRef.current, id, shift)), [shownRef]);

  const requestStatus = useCallback(
    (id: string, to: SegmentStatus) => {
      const from = statusOf(id);
      if (!from || from === to) return;
      if (needsSendBackComment(role, from, to)) return setSendingBack({ id, from });
      if (!may({ name, role }, 'segment.setStatus', { from, to })) return notify(`A ${role} cannot make a ${from} segment ${to}.`);
      setStatus(doc, id, to, name, origin);
    },
    [doc, name, role, origin, notify, statusOf],
  );

  // Recounted when the selection or any status changes, not on typing.
  const reviewed = useMemo(() => countReviewed(selection.ids, (id) => statusById.get(id)), [selection, statusById]);

  const approve = () => {
    const result = approveReviewed(doc, selection.ids, name, origin);
    notify(describeApproval(result));
    setSelection({ ids: new Set(result.skipped), anchor: selection.anchor });
  };

  const assign = (assignment: Assignment) => {
    const segments = articleTypes(doc).segments;
    const ids = [...selection.ids].filter((id) => segments.has(id));
    assignSegments(doc, ids, assignment, origin);
    setAssigning(false);
    notify(`Assigned ${ids.length} segment${ids.length === 1 ? '' : 's'}.`);
  };

  const bar = selectable ? (
    <BulkBar
      selected={selection.ids.size}
      reviewed={reviewed}
      shown={shown.length}
      canApprove={canApprove}
      canAssign={canAssign}
      onSelectAllShown={() => setSelection((current) => selectAll(current, shownRef.current))}
      onClear={() => setSelection(EMPTY_SELECTION)}
      onApprove={approve}
      onAssign={() => setAssigning(true)}
    />
  ) : null;

  const dialogs = (
    <>
      {sendingBack && (
        <SendBackDialog
          from={sendingBack.from}
          onCancel={() => setSendingBack(null)}
          onSend={(comment) => {
            // The status may have moved while the dialog was open: send back only what may still be sent back.
            const from = statusOf(sendingBack.id);
            setSendingBack(null);
            if (!from || !may(user, 'segment.setStatus', { from, to: 'draft', sendBackComment: true }))
              return notify(`The segment is ${from ?? 'gone'} now; it was not sent back.`);
            sendBack(doc, sendingBack.id, comment, name, origin);
            notify(`Sent back to draft, with your comment.`);
          }}
        />
      )}
      {historyOf && <HistoryPanel articleId={articleId} segmentId={historyOf} onClose={() => setHistoryOf(null)} />}
      {assigning && <AssignDialog count={selection.ids.size} onAssign={assign} onCancel={() => setAssigning(false)} />}
    </>
  );

  return { selectable, selection, select, requestStatus, openHistory: setHistoryOf, bar, dialogs };
}
