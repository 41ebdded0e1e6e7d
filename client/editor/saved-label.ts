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
import { deadlineTimer } from '../ui/deadline-timer';

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
  /** An unsaved stretch (while connected) is being waited out. */
  let waiting = false;
  let overdue = false;
  let unsubscribe: (() => void) | null = null;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const saving = deadlineTimer(() => {
    overdue = true;
    notify();
  });
  const follow = () => {
    const { saved, connection } = session.snapshot;
    if (saved) {
      waiting = overdue = false;
      saving.clear();
    } else if (connection !== 'connected') {
      // Shown as unsaved already: on reconnecting it says "Saving…" until the server has it all.
      overdue = true;
      saving.clear();
    } else if (!waiting && !overdue) {
      waiting = true;
      saving.at(performance.now() + delayMs);
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
        saving.cancel();
        waiting = overdue = false;
      };
    },
  };
}
