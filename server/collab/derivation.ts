/**
 * What is derived from an article's accepted changes (per-segment history,
 * notifications, and whatever later needs them: the translation memory), kept
 * off the accept path. A room commits and relays an update first, then hands
 * it to its derivation queue, which runs after the relay, in batches, each in
 * one transaction of the store that also records how far the log is derived.
 * So derived state can always be rebuilt from the log: a room that loads an
 * article whose log runs past its watermarks derives the rest (Room.load).
 *
 * Two watermarks, because text waits and the rest does not:
 * - status changes and notifications are derived from every change, in order,
 *   at the next turn of the event loop (`derived`);
 * - a segment's text is derived once per pause in its author's typing
 *   (CollabLimits.textSettleMs without a change, 2 s by default; at most
 *   textMaxWaitMs after the first), and at once when the segment's status changes or another author
 *   types in it (`textSettled`): serializing a target to Markdown is the one
 *   costly step, and a reader of the history wants one version per pause, not
 *   per keystroke.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import type { ArticleChanges } from '../../shared/article/changes';
import type { ArticleStore } from '../store/article-store';

/** A batch yields the event loop after this much work, so relays are never held up for long. */
const BATCH_BUDGET_MS = 4;
const SWEEP_MS = 500;
/** After the store refused a batch. */
const RETRY_MS = 1000;

/** One accepted change as derivation sees it: what the classification found, who and when. */
export interface DerivedChange {
  articleId: string;
  /** Its row in the log. */
  seq: number;
  /** The account name of its writer; null when the log does not say (a change written outside the server). */
  actor: string | null;
  at: number;
  changes: ArticleChanges;
  /** The target of each segment whose text it changed, as read when it was accepted (content-check.ts). */
  targets: ReadonlyMap<string, PMNode>;
}

/** A segment's text after a pause in one author's typing. */
export interface SettledText {
  articleId: string;
  segmentId: string;
  author: string | null;
  /** When the author last typed in it. */
  at: number;
  /** The target as the author's last change left it. */
  target: PMNode;
}

/**
 * The derivers the server is built with (server/main.ts). Each is given the
 * room's document as it is when the batch runs: read it, never write it.
 */
export interface Deriver {
  change?(change: DerivedChange, doc: Y.Doc): void;
  text?(settled: SettledText, doc: Y.Doc): void;
}

type Work = { kind: 'change'; change: DerivedChange } | { kind: 'text'; settled: SettledText; seq: number };

interface PendingText {
  author: string | null;
  /** The first row of this pause whose text is not yet derived. */
  firstSeq: number;
  firstAt: number;
  lastAt: number;
  target: PMNode;
}

export class DerivationQueue {
  private readonly work: Work[] = [];
  private readonly texts = new Map<string, PendingText>();
  /** The newest row handed to the queue. */
  private lastSeq: number;
  private drainScheduled: ReturnType<typeof setImmediate> | null = null;
  private sweepTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  /** The watermarks as last recorded in the store (recorded again only when they move). */
  private recorded = { derived: -1, textSettled: -1 };

  constructor(
    private readonly articleId: string,
    private readonly store: ArticleStore,
    private readonly derivers: readonly Deriver[],
    /** The room's document now (it may be rebuilt between a change and its derivation). */
    private readonly doc: () => Y.Doc,
    private readonly log: (line: string) => void,
    startSeq: number,
    private readonly timing: { textSettleMs: number; textMaxWaitMs: number },
    /** Everything handed over is derived (the room may compact past it now). */
    private readonly onCaughtUp: () => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.lastSeq = startSeq;
  }

  /** True while something accepted is not yet derived. */
  get busy(): boolean {
    return this.work.length > 0 || this.texts.size > 0;
  }

  /**
   * An accepted, committed change (its row is `change.seq`). `derive` says
   * which parts still need deriving: both, for a change just accepted; after a
   * crash, a row may already be derived for statuses and not for text.
   */
  add(change: DerivedChange, derive: { changes: boolean; text: boolean } = { changes: true, text: true }): void {
    if (this.stopped) return;
    this.lastSeq = Math.max(this.lastSeq, change.seq);
    const statusChanged = new Set(change.changes.statusWrites.map((write) => write.segmentId));
    for (const segmentId of statusChanged) if (!change.changes.segments.has(segmentId)) this.settle(segmentId);
    for (const [segmentId, touched] of change.changes.segments) {
      const pending = this.texts.get(segmentId);
      // A version ends where someone else begins, and before a status change: the history shows them in that order.
      if (pending && (touched.removed || statusChanged.has(segmentId) || (touched.targetText && pending.author !== change.actor))) this.settle(segmentId);
      const target = change.targets.get(segmentId);
      if (!derive.text || !touched.targetText || touched.removed || !target) continue;
      const current = this.texts.get(segmentId);
      if (current) Object.assign(current, { lastAt: change.at, target });
      else this.texts.set(segmentId, { author: change.actor, firstSeq: change.seq, firstAt: change.at, lastAt: change.at, target });
    }
    if (derive.changes) this.work.push({ kind: 'change', change });
    this.scheduleDrain();
    if (this.texts.size > 0) this.startSweep();
  }

  /** Derive everything now: every pending text counts as settled (the room is closing, or someone reads the history). */
  flush(): void {
    for (const segmentId of [...this.texts.keys()]) this.settle(segmentId);
    this.drain(Infinity);
  }

  stop(): void {
    this.stopped = true;
    if (this.drainScheduled) clearImmediate(this.drainScheduled);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.drainScheduled = null;
    this.sweepTimer = null;
  }

  private settle(segmentId: string): void {
    const pending = this.texts.get(segmentId);
    if (!pending) return;
    this.texts.delete(segmentId);
    this.work.push({
      kind: 'text',
      seq: pending.firstSeq,
      settled: { articleId: this.articleId, segmentId, author: pending.author, at: pending.lastAt, target: pending.target },
    });
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.drainScheduled || this.stopped) return;
    this.drainScheduled = setImmediate(() => {
      this.drainScheduled = null;
      this.drain(BATCH_BUDGET_MS);
    });
  }

  private startSweep(): void {
    if (this.sweepTimer || this.stopped) return;
    this.sweepTimer = setInterval(
      () => {
        const now = this.now();
        for (const [segmentId, pending] of this.texts) {
          if (now - pending.lastAt >= this.timing.textSettleMs || now - pending.firstAt >= this.timing.textMaxWaitMs) this.settle(segmentId);
        }
        if (this.texts.size === 0 && this.sweepTimer) {
          clearInterval(this.sweepTimer);
          this.sweepTimer = null;
        }
      },
      Math.min(SWEEP_MS, this.timing.textSettleMs),
    );
    this.sweepTimer.unref?.();
  }

  /** Run queued work in one transaction, for at most `budgetMs`; the rest waits for the next turn. */
  private drain(budgetMs: number): void {
    if (this.work.length === 0) return;
    const started = performance.now();
    const doc = this.doc();
    let done = 0;
    try {
      this.store.transaction(() => {
        done = 0;
        const writesBefore = this.store.writesSoFar();
        while (done < this.work.length && performance.now() - started < budgetMs) {
          const item = this.work[done++]!;
          for (const deriver of this.derivers) {
            try {
              if (item.kind === 'change') deriver.change?.(item.change, doc);
              else deriver.text?.(item.settled, doc);
            } catch (error) {
              // One deriver's bug must not hold back the others, nor the watermark: the change itself stands.
              this.log(`collab: deriving from a change to ${this.articleId} failed: ${(error as Error).message}`);
            }
          }
        }
        // A batch that wrote nothing (keystrokes) commits nothing, so costs no fsync: its
        // watermark rides in the room's next group commit instead (see pendingWatermarks).
        if (this.store.writesSoFar() !== writesBefore) this.recordWatermarks(this.watermarks(done));
      });
    } catch (error) {
      // The store refused the batch: it stays queued and is tried again (and the log still holds it all).
      this.log(`collab: could not store what was derived from ${this.articleId}: ${(error as Error).message}`);
      setTimeout(() => this.scheduleDrain(), RETRY_MS).unref?.();
      return;
    }
    this.work.splice(0, done);
    if (this.work.length > 0) this.scheduleDrain();
    else if (this.texts.size === 0) this.onCaughtUp();
  }

  /**
   * The watermarks, if they moved since last recorded: for the room to record
   * inside its next group commit (which fsyncs anyway). Null when there is nothing new.
   */
  pendingWatermarks(): { derived: number; textSettled: number } | null {
    const now = this.watermarks(0);
    return now.derived !== this.recorded.derived || now.textSettled !== this.recorded.textSettled ? now : null;
  }

  /** Record the watermarks, inside a transaction of the store. */
  recordWatermarks(through: { derived: number; textSettled: number }): void {
    this.store.markDerived(this.articleId, through);
    this.recorded = through;
  }

  /**
   * Every row up to each watermark is derived once the first `done` items
   * are: the row before the oldest one still waiting, else the newest handed over.
   */
  private watermarks(done: number): { derived: number; textSettled: number } {
    const waiting = this.work.slice(done);
    const firstChange = waiting.find((item) => item.kind === 'change');
    let textWaiting = Infinity;
    for (const pending of this.texts.values()) textWaiting = Math.min(textWaiting, pending.firstSeq);
    for (const item of waiting) if (item.kind === 'text') textWaiting = Math.min(textWaiting, item.seq);
    return {
      derived: firstChange?.kind === 'change' ? firstChange.change.seq - 1 : this.lastSeq,
      textSettled: textWaiting === Infinity ? this.lastSeq : textWaiting - 1,
    };
  }
}
