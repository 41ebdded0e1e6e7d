/**
 * A mounted row's QA issues, kept current: computed just after the row mounts
 * (never while it is being laid out) and again a moment after its text stops
 * changing, so typing never waits for the checks.
 *
 * The checks (with the Markdown, YAML and HTML readers they use) are loaded
 * when the first row asks, not with the app: the editor becomes usable that
 * much sooner, and the marks follow a moment later.
 */
import { useEffect, useState } from 'react';
import type { QaIssue } from '../../shared/qa/qa';
import type { RowContent } from './segment-qa';
import { afterQuiet } from '../ui/after-quiet';

type SegmentIssues = (typeof import('./segment-qa'))['segmentIssues'];
let checks: Promise<SegmentIssues> | null = null;
const loadChecks = (): Promise<SegmentIssues> => (checks ??= import('./segment-qa').then((module) => module.segmentIssues));

/** After the last change, wait this long before checking again. */
const SETTLE_MS = 400;
const NONE: QaIssue[] = [];

const sameIssues = (a: QaIssue[], b: QaIssue[]) =>
  a.length === b.length && a.every((issue, i) => issue.check === b[i]!.check && issue.message === b[i]!.message);

export function useSegmentQa(row: RowContent): QaIssue[] {
  const [issues, setIssues] = useState<QaIssue[]>(NONE);
  const { id, status, omitted, source, target } = row;
  useEffect(() => {
    let live = true;
    const check = () => {
      void loadChecks().then((segmentIssues) => {
        if (!live) return;
        const next = segmentIssues({ id, status, omitted, source, target });
        setIssues((previous) => (sameIssues(previous, next) ? previous : next));
      });
    };
    const quiet = afterQuiet(SETTLE_MS, check);
    // Just after mounting, not during it.
    const first = setTimeout(check, 0);
    source.observeDeep(quiet.poke);
    target.observeDeep(quiet.poke);
    return () => {
      live = false;
      clearTimeout(first);
      quiet.cancel();
      source.unobserveDeep(quiet.poke);
      target.unobserveDeep(quiet.poke);
    };
  }, [id, status, omitted, source, target]);
  return issues;
}
