/**
 * What the translator's keys and a row's controls do to the article: confirm
 * and go on, move between rows, split and merge, copy the source's structure,
 * mark a target edited (a draft, "last changed by me"), statuses, and the
 * actions menu's structure changes.
 *
 * Both objects stay the same for the page (rows and views keep them): the
 * changing list is read through refs.
 */
import { useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import { isSideEmpty, readSegment, setSide, setStatus, touchSegment } from '../../shared/article/article';
import type { SegmentStatus } from '../../shared/article/status';
import {
  insertTranslatorSegment,
  mergeWithNext,
  moveReordersSource,
  moveSegment,
  setOmitted,
  splitSegment,
  structureFromSource,
} from '../../shared/article/structure';
import { settableStatuses } from '../../shared/permissions/permissions';
import type { SessionUser } from '../collab/article-session';
import { EDITOR_ORIGIN } from '../editing/origins';
import { useLatest } from '../ui/use-latest';
import type { RowControls } from './article-context';
import type { SegmentCommands } from './row/side-view';
import type { SegmentRowModel } from './use-segments';

/** Re-stamp "last changed by me" at most this often while typing. */
const TOUCH_INTERVAL_MS = 60_000;

/** Said when an article command is asked for in the opening rows (use-opening.ts). */
const STILL_LOADING = 'The article is still loading: try that again in a moment. What you type is kept.';
const MOVE_REORDERS_SOURCE = 'That would reorder the Chinese source, which only an admin may change. Notes you inserted move freely.';

export interface SegmentCommandsInput {
  doc: Y.Doc;
  user: SessionUser;
  canEditSource: boolean;
  /** Showing the opening rows: article commands wait for the document. */
  loading: boolean;
  /** All rows in order, and the ids of those shown. */
  rows: SegmentRowModel[];
  ids: string[];
  focusSegment(id: string, side?: 'source' | 'target'): void;
  notify(message: string): void;
  /** A segment was just confirmed with Ctrl+Enter (the memory offers to fill its repetitions). */
  onConfirmed?(id: string): void;
  /** The status workflow's part (use-row-workflow.tsx). */
  workflow: {
    requestStatus(id: string, status: SegmentStatus): void;
    openHistory(id: string): void;
    selectable: boolean;
    select(id: string, shift: boolean): void;
  };
}

export function useSegmentCommands(input: SegmentCommandsInput): { commands: SegmentCommands; controls: RowControls; stillLoading(): boolean } {
  const { doc, user, canEditSource, loading, focusSegment, notify } = input;
  // By its parts: the workflow's functions stay the same (useCallback, setState), the object around them does not.
  const { requestStatus, openHistory, selectable, select } = input.workflow;
  // Read by keys, row controls and the opening's hand-over (the page's layout effect, after this
  // hook's), never during render: see useLatest.
  const rowsRef = useLatest(input.rows);
  // Every keystroke looks its row up (commands.edited): by id, not by a walk over 2,000 rows.
  const rowsByIdRef = useLatest(useMemo(() => new Map(input.rows.map((row) => [row.id, row])), [input.rows]));
  const idsRef = useLatest(input.ids);
  const onConfirmedRef = useLatest(input.onConfirmed);
  const lastTouch = useRef(new Map<string, number>());

  return useMemo(() => {
    const stillLoading = () => (loading ? (notify(STILL_LOADING), true) : false);
    const commands: SegmentCommands = {
      confirm(id) {
        if (stillLoading() || !settableStatuses(user.role).includes('translated')) return;
        setStatus(doc, id, 'translated', user.name, EDITOR_ORIGIN);
        onConfirmedRef.current?.(id);
        const order = rowsRef.current;
        const at = order.findIndex((row) => row.id === id);
        const next = [...order.slice(at + 1), ...order.slice(0, at)].find((row) => row.status === 'untranslated' && !row.omitted);
        if (next) focusSegment(next.id);
        else notify('Every segment has a translation.');
      },
      move(id, direction) {
        const order = idsRef.current;
        const next = order[order.indexOf(id) + direction];
        if (next) focusSegment(next);
      },
      copySourceStructure(id) {
        if (stillLoading()) return;
        const segment = readSegment(doc, id);
        if (!isSideEmpty(segment.target)) return notify('The target is not empty: clear it first to copy the source structure.');
        setSide(doc, id, 'target', structureFromSource(segment.source), user.name, EDITOR_ORIGIN);
      },
      split(id, view: EditorView) {
        if (stillLoading()) return;
        // The browser may have moved the caret (arrow keys) without ProseMirror having read it yet.
        (view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
        const side = view.dom.classList.contains('side-source') ? 'source' : 'target';
        const newId = splitSegment(doc, id, side, view.state.selection.head, user.name, EDITOR_ORIGIN);
        if (newId) focusSegment(newId, side);
      },
      mergeWithNext(id) {
        if (stillLoading()) return;
        mergeWithNext(doc, id, user.name, EDITOR_ORIGIN);
      },
      edited(id, side) {
        if (side !== 'target') return;
        const row = rowsByIdRef.current.get(id);
        if (!row) return;
        // Typing into an untranslated segment makes it a draft; so does changing a finished one (say so).
        if (row.status !== 'draft' && settableStatuses(user.role).includes('draft')) {
          if (row.status !== 'untranslated') notify(`The segment was ${row.status}; editing it made it a draft again.`);
          setStatus(doc, id, 'draft', user.name, EDITOR_ORIGIN);
          lastTouch.current.set(id, Date.now());
        } else if (row.changedBy !== user.name || Date.now() - (lastTouch.current.get(id) ?? 0) > TOUCH_INTERVAL_MS) {
          touchSegment(doc, id, user.name, EDITOR_ORIGIN);
          lastTouch.current.set(id, Date.now());
        }
      },
    };
    const controls: RowControls = {
      selectable,
      select,
      setStatus: (id, status) => void (stillLoading() || requestStatus(id, status)),
      act(id, action) {
        if (stillLoading()) return;
        if (action === 'history') return openHistory(id);
        if (action === 'copy-structure') return commands.copySourceStructure(id);
        if (action === 'merge-next') return void mergeWithNext(doc, id, user.name, EDITOR_ORIGIN);
        if (action === 'move-up' || action === 'move-down') {
          const direction = action === 'move-up' ? -1 : 1;
          if (!canEditSource && moveReordersSource(doc, id, direction)) return notify(MOVE_REORDERS_SOURCE);
          return void moveSegment(doc, id, direction, EDITOR_ORIGIN);
        }
        if (action === 'toggle-omit') return setOmitted(doc, id, !rowsByIdRef.current.get(id)?.omitted, EDITOR_ORIGIN);
        focusSegment(insertTranslatorSegment(doc, id, action === 'insert-before' ? 'before' : 'after', EDITOR_ORIGIN));
      },
    };
    return { commands, controls, stillLoading };
  }, [
    doc,
    loading,
    user.name,
    user.role,
    canEditSource,
    focusSegment,
    notify,
    selectable,
    select,
    requestStatus,
    openHistory,
    rowsRef,
    rowsByIdRef,
    idsRef,
    onConfirmedRef,
  ]);
}
