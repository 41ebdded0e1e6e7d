/**
 * Review threads for the whole editor page, from one listener on the Y.Doc:
 * the thread snapshots, the open-thread count per segment (computed once per
 * change, so a row render only looks a number up), the panel's state, the
 * text selection a comment can be opened on, and the mounted editors that
 * highlight anchored ranges (pushed to, like carets in presence.ts; an editor
 * never observes the threads itself).
 */
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import type { Side } from '../../shared/article/article';
import { articleTypes } from '../../shared/article/layout';
import { sideFragmentOrNull, type ThreadAnchor } from '../../shared/review/anchors';
import { openThreadCounts, readThreads, type ThreadSnapshot } from '../../shared/review/read-threads';

/** A non-empty selection in one side editor, where a comment can be anchored. */
export interface CommentableSelection {
  segment: string;
  side: Side;
  view: EditorView;
  from: number;
  to: number;
}

/** A thread being written, before its first comment exists. */
export interface ThreadDraft {
  segmentId: string;
  /** Absent for the whole pair. */
  side?: Side;
  anchor?: ThreadAnchor;
  quote?: string;
}

export interface PanelState {
  open: boolean;
  /** Only this segment's threads, or every segment's. */
  segment: string | null;
  showResolved: boolean;
  /** The thread shown in full (and highlighted strongest in its editor). */
  active: string | null;
  draft: ThreadDraft | null;
}

/** A mounted editor registers to be told when its highlights need redrawing. */
export type HighlightListener = () => void;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are parameterised by their event type
type AnyType = Y.AbstractType<any>;

const sideKey = (segment: string, side: Side) => `${side}:${segment}`;
const NONE: ThreadSnapshot[] = [];
/** Typing in a commented segment changes what its threads quote now; re-read at most this often. */
const TEXT_REFRESH_MS = 250;

export class ReviewHub {
  private threadList: ThreadSnapshot[] = [];
  private byId = new Map<string, ThreadSnapshot>();
  private openCounts = new Map<string, number>();
  private anchoredBySide = new Map<string, ThreadSnapshot[]>();
  /** The fragments some thread is anchored in, with their segment: text changes there change a thread's anchor state. */
  private watched = new Map<AnyType, string>();
  /** Segments whose anchored text changed since their threads were last read. */
  private readonly dirty = new Set<string>();
  private panelState: PanelState = { open: false, segment: null, showResolved: false, active: null, draft: null };
  private currentSelection: CommentableSelection | null = null;
  private readonly highlighters = new Map<string, { listener: HighlightListener; signature: string }>();
  private readonly views = new Map<string, EditorView>();
  private readonly mountWaiters = new Map<string, ((view: EditorView) => void)[]>();
  private readonly listeners = new Set<() => void>();
  private readonly selectionListeners = new Set<() => void>();
  private version = 0;
  private refreshQueued = false;
  private textTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  private readonly threadsRoot: AnyType;
  private readonly segmentsRoot: AnyType;

  constructor(readonly doc: Y.Doc) {
    const types = articleTypes(doc);
    this.threadsRoot = types.threads as unknown as AnyType;
    this.segmentsRoot = types.segments as unknown as AnyType;
    doc.on('afterTransaction', this.onTransaction);
    document.addEventListener('selectionchange', this.onDomSelection);
    this.refresh();
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    // Threads written, or segments added or removed (a thread's segment may be gone): read every thread again.
    if (transaction.changedParentTypes.has(this.threadsRoot) || transaction.changed.has(this.threadsRoot) || transaction.changed.has(this.segmentsRoot)) {
      if (this.refreshQueued) return;
      this.refreshQueued = true;
      queueMicrotask(() => {
        this.refreshQueued = false;
        this.refresh();
      });
      return;
    }
    // Text typed in a commented side: re-read that segment's threads only, a little later (not per keystroke).
    if (this.watched.size === 0) return;
    for (const [type, segmentId] of this.watched) {
      if (transaction.changedParentTypes.has(type)) this.dirty.add(segmentId);
    }
    if (this.dirty.size === 0 || this.textTimer) return;
    this.textTimer = setTimeout(() => {
      this.textTimer = null;
      this.refreshDirty();
    }, TEXT_REFRESH_MS);
  };

  private refresh(): void {
    if (this.destroyed) return;
    this.dirty.clear();
    this.derive(readThreads(this.doc));
  }

  private refreshDirty(): void {
    if (this.destroyed || this.dirty.size === 0) return;
    const fresh = new Map<string, ThreadSnapshot>();
    for (const segmentId of this.dirty) for (const thread of readThreads(this.doc, { segmentId })) fresh.set(thread.id, thread);
    this.dirty.clear();
    this.derive(this.threadList.map((thread) => fresh.get(thread.id) ?? thread));
  }

  /** Everything the page reads, from the thread snapshots. */
  private derive(list: ThreadSnapshot[]): void {
    const byId = new Map<string, ThreadSnapshot>();
    const openCounts = openThreadCounts(list);
    const anchoredBySide = new Map<string, ThreadSnapshot[]>();
    const watched = new Map<AnyType, string>();
    for (const thread of list) {
      byId.set(thread.id, thread);
      if (thread.side && thread.anchor) {
        const key = sideKey(thread.segmentId, thread.side);
        anchoredBySide.set(key, [...(anchoredBySide.get(key) ?? []), thread]);
        const fragment = sideFragmentOrNull(this.doc, thread.segmentId, thread.side);
        if (fragment) watched.set(fragment, thread.segmentId);
      }
    }
    this.threadList = list;
    this.byId = byId;
    // Rows compare their count by value; keep the map when nothing changed so the page does not re-render rows.
    if (!sameCounts(this.openCounts, openCounts)) this.openCounts = openCounts;
    this.anchoredBySide = anchoredBySide;
    this.watched = watched;
    const active = this.panelState.active;
    if (active && !byId.has(active)) this.panelState = { ...this.panelState, active: null };
    this.pushHighlights();
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Tell the mounted editors whose highlights changed (what they anchor, or which thread is active). */
  private pushHighlights(): void {
    for (const [key, entry] of this.highlighters) {
      const signature = this.highlightSignature(key);
      if (signature === entry.signature) continue;
      entry.signature = signature;
      entry.listener();
    }
  }

  /** What a side's highlights depend on: its anchored threads, and whether one of them is active. */
  private highlightSignature(key: string): string {
    const threads = this.anchoredBySide.get(key) ?? NONE;
    if (threads.length === 0) return '';
    return JSON.stringify([
      threads.map((thread) => [thread.id, thread.resolved, thread.anchor]),
      threads.some((thread) => thread.id === this.panelState.active) ? this.panelState.active : null,
    ]);
  }

  // --- what the page reads ---

  get threads(): ThreadSnapshot[] {
    return this.threadList;
  }

  thread(id: string): ThreadSnapshot | undefined {
    return this.byId.get(id);
  }

  /** Open threads per segment id; the same Map object until a count changes. */
  get counts(): ReadonlyMap<string, number> {
    return this.openCounts;
  }

  /** The anchored threads of one side, for its highlights (resolved ones are drawn only while active). */
  anchoredIn(segment: string, side: Side): ThreadSnapshot[] {
    return this.anchoredBySide.get(sideKey(segment, side)) ?? NONE;
  }

  get panel(): PanelState {
    return this.panelState;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  // --- the panel ---

  setPanel(patch: Partial<PanelState>): void {
    this.panelState = { ...this.panelState, ...patch };
    this.pushHighlights();
    this.changed();
  }

  /** The row's comment count was clicked: that segment's threads (and a new one on the pair if it has none). */
  showSegment = (segmentId: string, options: { compose?: boolean } = {}): void => {
    const compose = options.compose ?? !this.threadList.some((thread) => thread.segmentId === segmentId && !thread.resolved);
    this.setPanel({ open: true, segment: segmentId, active: null, draft: compose ? { segmentId } : null });
  };

  // --- selections a comment can be opened on ---

  get selection(): CommentableSelection | null {
    return this.currentSelection;
  }

  subscribeSelection = (listener: () => void): (() => void) => {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  };

  noteSelection(view: EditorView, segment: string, side: Side): void {
    const { from, to, empty } = view.state.selection;
    const current = this.currentSelection;
    if (empty || !selectionInside(view)) {
      if (current?.view === view) this.setSelection(null);
      return;
    }
    if (current && current.view === view && current.from === from && current.to === to) return;
    this.setSelection({ segment, side, view, from, to });
  }

  forgetSelection(view: EditorView): void {
    if (this.currentSelection?.view === view) this.setSelection(null);
  }

  private setSelection(selection: CommentableSelection | null): void {
    this.currentSelection = selection;
    for (const listener of this.selectionListeners) listener();
  }

  /** A read-only editor gets no ProseMirror update when the page's selection moves elsewhere: watch the page's. */
  private readonly onDomSelection = (): void => {
    const current = this.currentSelection;
    if (current && !selectionInside(current.view)) this.setSelection(null);
  };

  // --- mounted editors ---

  registerView(segment: string, side: Side, view: EditorView, listener: HighlightListener): () => void {
    const key = sideKey(segment, side);
    this.views.set(key, view);
    // As drawn when the view is made (the plugin draws once after mounting if there is anything to draw).
    this.highlighters.set(key, { listener, signature: this.highlightSignature(key) });
    const waiting = this.mountWaiters.get(key);
    if (waiting) {
      this.mountWaiters.delete(key);
      for (const resolve of waiting) resolve(view);
    }
    return () => {
      if (this.views.get(key) === view) {
        this.views.delete(key);
        this.highlighters.delete(key);
      }
      this.forgetSelection(view);
    };
  }

  /** The mounted editor of a side, now or once its row mounts (the caller scrolls it into the window). */
  whenMounted(segment: string, side: Side, timeoutMs = 5000): Promise<EditorView> {
    const key = sideKey(segment, side);
    const view = this.views.get(key);
    if (view) return Promise.resolve(view);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.mountWaiters.get(key) ?? [];
        this.mountWaiters.set(
          key,
          list.filter((entry) => entry !== done),
        );
        reject(new Error('The segment could not be shown (is it hidden by the filter?).'));
      }, timeoutMs);
      const done = (mounted: EditorView) => {
        clearTimeout(timer);
        resolve(mounted);
      };
      this.mountWaiters.set(key, [...(this.mountWaiters.get(key) ?? []), done]);
    });
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off('afterTransaction', this.onTransaction);
    document.removeEventListener('selectionchange', this.onDomSelection);
    if (this.textTimer) clearTimeout(this.textTimer);
    this.dirty.clear();
    this.listeners.clear();
    this.selectionListeners.clear();
    this.highlighters.clear();
    this.views.clear();
    this.mountWaiters.clear();
  }
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

/** Is the page's selection a non-empty range inside this editor? */
function selectionInside(view: EditorView): boolean {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return false;
  return view.dom.contains(selection.anchorNode) && view.dom.contains(selection.focusNode);
}
