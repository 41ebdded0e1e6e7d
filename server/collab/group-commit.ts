/**
 * Group commit: the updates every room accepts within one turn of the event
 * loop are stored in one transaction, so they share one fsync (the store runs
 * with synchronous=FULL: SAVED means on the disk). Only after that commit are
 * they relayed and acknowledged. Waiting costs no timer: the flush runs in
 * setImmediate, right after the network callbacks of the same turn, so an
 * update alone is committed as soon as it would have been one by one.
 */
import type { ArticleStore, NewUpdate } from '../store/article-store';

/** A room's side of a group commit (Room implements it). */
export interface CommitParticipant {
  /** The updates accepted since the last commit, in order. */
  uncommitted(): readonly NewUpdate[];
  /** Called inside the commit's transaction, after the appends: other small writes that may ride in it. */
  alsoInCommit?(): void;
  /** They are stored, with these sequence numbers. */
  committed(seqs: number[]): void;
  /** They could not be stored. */
  commitFailed(error: Error): void;
}

export class GroupCommit {
  private readonly waiting = new Set<CommitParticipant>();
  private scheduled: ReturnType<typeof setImmediate> | null = null;

  constructor(private readonly store: ArticleStore) {}

  /** Commit this participant's uncommitted updates at the end of this turn. */
  schedule(participant: CommitParticipant): void {
    this.waiting.add(participant);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Commit everything waiting now (before answering a sync request, or for a change made on the server's side). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.waiting.size === 0) return;
    const participants = [...this.waiting];
    this.waiting.clear();
    const batches = participants.map((participant) => participant.uncommitted());
    let seqs: number[];
    try {
      seqs = this.store.transaction(() => {
        const seqs = this.store.appendMany(batches.flat());
        for (const participant of participants) participant.alsoInCommit?.();
        return seqs;
      });
    } catch {
      // One article's problem (deleted meanwhile, say) must not fail the others: commit each on its own.
      participants.forEach((participant, i) => this.commitAlone(participant, batches[i]!));
      return;
    }
    let at = 0;
    participants.forEach((participant, i) => {
      const count = batches[i]!.length;
      participant.committed(seqs.slice(at, at + count));
      at += count;
    });
  }

  private commitAlone(participant: CommitParticipant, batch: readonly NewUpdate[]): void {
    let seqs: number[];
    try {
      seqs = this.store.transaction(() => {
        const seqs = this.store.appendMany(batch);
        participant.alsoInCommit?.();
        return seqs;
      });
    } catch (error) {
      participant.commitFailed(error as Error);
      return;
    }
    participant.committed(seqs);
  }
}
