/**
 * The consistency warnings of the editor's rows (shared/qa/check-consistency.ts):
 * the same source translated two ways in this article, or otherwise than the
 * memory's approved translation of it. Unlike a row's own checks
 * (segment-qa.ts) they compare segments with each other, so one listener on
 * the document works them out for the whole article, a moment after typing
 * stops, and each row subscribes to its own.
 *
 * Only the segments that changed are read again (a side read is a conversion
 * of its Yjs fragment); the comparison itself is a grouping by normalized
 * source, cheap for the longest articles. The memory's approved translations
 * are fetched when the page opens and again after confirmations, at most once
 * in REFRESH_MS, since someone else's approval changes what is consistent.
 */
import * as Y from 'yjs';
import { readSegment, segmentIds } from '../../shared/article/article';
import { articleTypes } from '../../shared/article/layout';
import { checkConsistency } from '../../shared/qa/check-consistency';
import type { QaIssue, QaSegment } from '../../shared/qa/qa';
import type { ApprovedTranslation } from '../../shared/qa/options';
import { afterQuiet, type AfterQuiet } from '../ui/after-quiet';

export type ApprovedLoader = () => Promise<ReadonlyMap<string, readonly ApprovedTranslation[]>>;

/** After the last change, wait this long before comparing again. */
const SETTLE_MS = 800;
/** The approved translations are fetched again, after a change, at most this often. */
const REFRESH_MS = 30_000;
const NONE: readonly QaIssue[] = [];

const sameIssues = (a: readonly QaIssue[], b: readonly QaIssue[]) =>
  a.length === b.length && a.every((issue, i) => issue.check === b[i]!.check && issue.message === b[i]!.message);

export class ConsistencyHub {
  private readonly segments = new Map<string, QaSegment>();
  private readonly dirty = new Set<string>();
  private issues = new Map<string, readonly QaIssue[]>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private approved: ReadonlyMap<string, readonly ApprovedTranslation[]> | undefined;
  private fetchedAt = -Infinity;
  private readonly quiet: AfterQuiet;
  private destroyed = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly loadApproved: ApprovedLoader,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.quiet = afterQuiet(SETTLE_MS, () => this.compare());
    for (const id of segmentIds(doc)) this.dirty.add(id);
    articleTypes(doc).segments.observeDeep(this.changed);
    articleTypes(doc).order.observe(this.reordered);
    this.refreshApproved();
    // Not while the page is first laid out: reading every segment takes a moment in a long article.
    this.quiet.poke();
  }

  /** One row's warnings (the same array until they change). */
  issuesFor = (id: string): readonly QaIssue[] => this.issues.get(id) ?? NONE;

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Compare now, whatever is pending (a test, or a page that must be current). */
  flush(): void {
    this.quiet.runNow();
  }

  destroy(): void {
    this.destroyed = true;
    this.quiet.cancel();
    articleTypes(this.doc).segments.unobserveDeep(this.changed);
    articleTypes(this.doc).order.unobserve(this.reordered);
    this.listeners.clear();
  }

  private readonly changed = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const segments = articleTypes(this.doc).segments;
    for (const event of events) {
      // A segment added or removed is a change of the map's own keys; anything inside one has its id first in the path.
      if (event.target === segments) for (const key of event.changes.keys.keys()) this.dirty.add(key);
      else if (typeof event.path[0] === 'string') this.dirty.add(event.path[0]);
    }
    this.quiet.poke();
  };

  private readonly reordered = () => this.quiet.poke();

  private refreshApproved(): void {
    this.fetchedAt = this.now();
    this.loadApproved().then(
      (approved) => {
        if (this.destroyed) return;
        this.approved = approved;
        this.compare();
      },
      // Without the memory the article is still compared with itself; the next refresh tries again.
      () => undefined,
    );
  }

  private compare(): void {
    if (this.destroyed) return;
    const t = articleTypes(this.doc);
    for (const id of this.dirty) {
      if (t.segments.has(id)) this.segments.set(id, readSegment(this.doc, id));
      else this.segments.delete(id);
    }
    const confirmed = [...this.dirty].some((id) => this.segments.get(id)?.status !== 'untranslated');
    this.dirty.clear();
    const ordered = segmentIds(this.doc).flatMap((id) => this.segments.get(id) ?? []);
    const found = checkConsistency(ordered, this.approved ? { approvedTranslations: this.approved } : {});
    const previous = this.issues;
    const next = new Map<string, readonly QaIssue[]>();
    const changed: string[] = [];
    for (const [id, issues] of found) {
      const before = previous.get(id);
      // A row's warnings that did not change stay the same array, so its marker does not render again.
      next.set(id, before && sameIssues(before, issues) ? before : issues);
      if (next.get(id) !== before) changed.push(id);
    }
    for (const id of previous.keys()) if (!next.has(id)) changed.push(id);
    this.issues = next;
    for (const id of changed) for (const listener of this.listeners.get(id) ?? []) listener();
    if (confirmed && this.now() - this.fetchedAt >= REFRESH_MS) this.refreshApproved();
  }
}
