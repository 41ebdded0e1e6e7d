/**
 * Presence for the whole page from one awareness listener: who is in the
 * article, who is in which segment, and their carets. Mounted editors register
 * here and get remote carets pushed to them; an editor never listens to
 * awareness itself (with hundreds of rows that would be O(rows) per caret move).
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Side } from '../../shared/article/article';

export interface PresenceUser {
  clientId: number;
  id: string;
  name: string;
  role: string;
  color: string;
}

/** The caret field each client publishes: which side of which segment, and where (Yjs relative positions as JSON). */
export interface CaretField {
  segment: string;
  side: Side;
  anchor: unknown;
  head: unknown;
}

export interface RemoteCaret {
  user: PresenceUser;
  anchor: unknown;
  head: unknown;
}

interface AwarenessState {
  user?: Partial<PresenceUser>;
  cursor?: CaretField | null;
}

export type CaretsListener = (carets: RemoteCaret[]) => void;

const sideKey = (segment: string, side: Side) => `${side}:${segment}`;
const NOBODY: PresenceUser[] = [];

export class PresenceHub {
  private users: PresenceUser[] = [];
  private bySegment = new Map<string, PresenceUser[]>();
  private carets = new Map<string, RemoteCaret[]>();
  private caretSignatures = new Map<string, string>();
  private readonly views = new Map<string, CaretsListener>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private pageSignature = '';

  constructor(readonly awareness: Awareness) {
    awareness.on('change', this.onChange);
    this.onChange();
  }

  private readonly onChange = (): void => {
    const users: PresenceUser[] = [];
    const bySegment = new Map<string, PresenceUser[]>();
    const carets = new Map<string, RemoteCaret[]>();
    for (const [clientId, raw] of this.awareness.getStates()) {
      const state = raw as AwarenessState;
      if (!state.user?.name) continue;
      const user: PresenceUser = {
        clientId,
        id: String(state.user.id ?? ''),
        name: state.user.name,
        role: String(state.user.role ?? ''),
        color: String(state.user.color ?? '#888'),
      };
      if (clientId !== this.awareness.clientID) users.push(user);
      const cursor = state.cursor;
      if (!cursor || typeof cursor.segment !== 'string') continue;
      if (clientId !== this.awareness.clientID) {
        const list = bySegment.get(cursor.segment) ?? [];
        list.push(user);
        bySegment.set(cursor.segment, list);
        const key = sideKey(cursor.segment, cursor.side);
        const sideCarets = carets.get(key) ?? [];
        sideCarets.push({ user, anchor: cursor.anchor, head: cursor.head });
        carets.set(key, sideCarets);
      }
    }
    // Only what others do re-renders the page: this client's own caret moving (every keystroke) must not.
    const signature = JSON.stringify([users, [...bySegment].map(([segment, people]) => [segment, people.map((person) => person.clientId)])]);
    const changedForPage = signature !== this.pageSignature;
    this.pageSignature = signature;
    this.users = users;
    this.bySegment = bySegment;
    this.carets = carets;
    // Push carets only to the mounted editors whose carets changed.
    for (const [key, listener] of this.views) {
      const list = carets.get(key) ?? [];
      const signature = JSON.stringify(list.map((caret) => [caret.user.clientId, caret.anchor, caret.head, caret.user.name]));
      if (this.caretSignatures.get(key) === signature) continue;
      this.caretSignatures.set(key, signature);
      listener(list);
    }
    if (!changedForPage) return;
    this.version++;
    for (const listener of this.listeners) listener();
  };

  /** Everyone else in the article. */
  get others(): PresenceUser[] {
    return this.users;
  }

  /** Who else is in a segment. */
  inSegment(segment: string): PresenceUser[] {
    return this.bySegment.get(segment) ?? NOBODY;
  }

  caretsFor(segment: string, side: Side): RemoteCaret[] {
    return this.carets.get(sideKey(segment, side)) ?? [];
  }

  /** A mounted editor registers to be told when its remote carets change. */
  register(segment: string, side: Side, listener: CaretsListener): () => void {
    const key = sideKey(segment, side);
    this.views.set(key, listener);
    this.caretSignatures.delete(key);
    return () => {
      if (this.views.get(key) === listener) this.views.delete(key);
    };
  }

  /** Publish this client's caret (null when no editor has focus). */
  setCaret(caret: CaretField | null): void {
    const current = (this.awareness.getLocalState() as AwarenessState | null)?.cursor ?? null;
    if (JSON.stringify(current) === JSON.stringify(caret)) return;
    this.awareness.setLocalStateField('cursor', caret);
  }

  get localCaret(): CaretField | null {
    return (this.awareness.getLocalState() as AwarenessState | null)?.cursor ?? null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  destroy(): void {
    this.awareness.off('change', this.onChange);
    this.views.clear();
    this.listeners.clear();
  }
}
