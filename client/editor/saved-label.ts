/**
 * Which words the header's saved indicator shows, as a store React reads with
 * useSyncExternalStore.
 *
 * The session's state flips from saved to unsaved on every keystroke and back
 * when the server acknowledges it. Read whole, that re-rendered the indicator
 * twice per key, once inside the keystroke, before the browser could show the
 * character (about a fifth of a key's handling in a CPU profile). This store's
 * snapshot is the label alone, a string, so React renders only when the words
 * change.
 */
import type { SessionState } from '../collab/article-session';

export type SavedLabel = 'saved' | 'saving' | 'on-device';

export const SAVED_LABEL_TEXT: Record<SavedLabel, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  'on-device': 'Saved on this device; will sync when connected',
};

/**
 * A change still unsaved after this long says "Saving…". Every keystroke is
 * unsaved for the few milliseconds until the server acknowledges it: flipping
 * the label each time would flicker.
 */
export const SAVING_SHOWN_AFTER_MS = 1000;

export interface SessionStateSource {
  readonly snapshot: SessionState;
  subscribe(listener: () => void): () => void;
}

export interface SavedLabelStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SavedLabel;
}

/**
 * Unsaved while disconnected says at once that the work is kept on this
 * device, and "Saving…" from the reconnection until the server has it all;
 * unsaved while connected says "Saving…" once one unsaved stretch has lasted
 * `delayMs`.
 */
export function savedLabelStore(session: SessionStateSource, delayMs = SAVING_SHOWN_AFTER_MS): SavedLabelStore {
  const listeners = new Set<() => void>();
  /** When the current unsaved stretch began (while connected), or null. */
  let unsavedSince: number | null = null;
  let overdue = false;
  // One timer per wait, not one set and cleared per keystroke: a check that finds the stretch
  // over does nothing, and one that finds a newer stretch waits for what is left of it.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const check = () => {
    timer = null;
    if (unsavedSince === null || overdue) return;
    const left = unsavedSince + delayMs - performance.now();
    if (left > 0) timer = setTimeout(check, left);
    else {
      overdue = true;
      notify();
    }
  };
  const follow = () => {
    const { saved, connection } = session.snapshot;
    if (saved) {
      unsavedSince = null;
      overdue = false;
    } else if (connection !== 'connected') {
      // Shown as unsaved already: on reconnecting it says "Saving…" until the server has it all.
      overdue = true;
    } else if (unsavedSince === null && !overdue) {
      unsavedSince = performance.now();
      timer ??= setTimeout(check, delayMs);
    }
    notify();
  };
  return {
    getSnapshot() {
      const { saved, connection } = session.snapshot;
      if (saved) return 'saved';
      if (connection !== 'connected') return 'on-device';
      return overdue ? 'saving' : 'saved';
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribe) {
        unsubscribe = session.subscribe(follow);
        follow();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !unsubscribe) return;
        unsubscribe();
        unsubscribe = null;
        if (timer !== null) clearTimeout(timer);
        timer = null;
        unsavedSince = null;
        overdue = false;
      };
    },
  };
}
