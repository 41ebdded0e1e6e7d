import { describe, expect, test } from 'vitest';
import type { SessionState } from '../collab/article-session';
import { savedLabelStore, type SavedLabel, type SessionStateSource } from './saved-label';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Session states set by hand, as ArticleSession publishes them. */
function sessionStates(): SessionStateSource & { set(patch: Partial<SessionState>): void } {
  const listeners = new Set<() => void>();
  let snapshot: SessionState = { connection: 'connected', saved: true, loaded: true, received: true, denials: [], fatal: null };
  return {
    get snapshot() {
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(patch) {
      snapshot = { ...snapshot, ...patch };
      listeners.forEach((listener) => listener());
    },
  };
}

/** What a component reading the store would render, one entry per change of the label. */
function renderedLabels(store: ReturnType<typeof savedLabelStore>) {
  const shown: SavedLabel[] = [store.getSnapshot()];
  const unsubscribe = store.subscribe(() => {
    const label = store.getSnapshot();
    if (label !== shown.at(-1)) shown.push(label);
  });
  return { shown, unsubscribe };
}

describe('the saved label', () => {
  test('keystrokes acknowledged quickly never change the words', async () => {
    const session = sessionStates();
    const { shown, unsubscribe } = renderedLabels(savedLabelStore(session, 60));
    for (let key = 0; key < 10; key++) {
      session.set({ saved: false });
      await sleep(10);
      session.set({ saved: true });
    }
    await sleep(90);
    expect(shown).toEqual(['saved']);
    unsubscribe();
  });

  test('a change unacknowledged for a while says "Saving…", until it is saved', async () => {
    const session = sessionStates();
    const store = savedLabelStore(session, 60);
    const { shown, unsubscribe } = renderedLabels(store);
    session.set({ saved: false });
    await sleep(20);
    expect(store.getSnapshot()).toBe('saved');
    // Still unsaved: another keystroke does not restart the wait.
    session.set({ saved: false });
    await sleep(70);
    expect(store.getSnapshot()).toBe('saving');
    session.set({ saved: true });
    expect(shown).toEqual(['saved', 'saving', 'saved']);
    // The next unsaved stretch waits again from its start.
    session.set({ saved: false });
    await sleep(20);
    expect(store.getSnapshot()).toBe('saved');
    unsubscribe();
  });

  test("a stretch that starts while an earlier one's wait is still running gets its own full wait", async () => {
    const session = sessionStates();
    const store = savedLabelStore(session, 80);
    const { unsubscribe } = renderedLabels(store);
    session.set({ saved: false });
    await sleep(10);
    session.set({ saved: true });
    await sleep(40);
    session.set({ saved: false }); // about 50 ms in: the first wait would end at 80
    await sleep(50);
    expect(store.getSnapshot()).toBe('saved'); // 50 ms into this stretch, under its 80
    await sleep(60);
    expect(store.getSnapshot()).toBe('saving');
    unsubscribe();
  });

  test('unsaved while disconnected says at once that the work is kept on this device, and "Saving…" once back', async () => {
    const session = sessionStates();
    const store = savedLabelStore(session, 60);
    const { shown, unsubscribe } = renderedLabels(store);
    session.set({ connection: 'offline' });
    expect(store.getSnapshot()).toBe('saved');
    session.set({ saved: false });
    expect(store.getSnapshot()).toBe('on-device');
    // Back online, the work kept here is not claimed saved before the server has it.
    session.set({ connection: 'connected' });
    expect(store.getSnapshot()).toBe('saving');
    session.set({ saved: true });
    expect(shown).toEqual(['saved', 'on-device', 'saving', 'saved']);
    unsubscribe();
  });

  test('once nobody reads it, it stops following the session and its timer', async () => {
    const session = sessionStates();
    const store = savedLabelStore(session, 40);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    session.set({ saved: false });
    const before = calls;
    unsubscribe();
    await sleep(70);
    session.set({ saved: true });
    expect(calls).toBe(before);
  });
});
