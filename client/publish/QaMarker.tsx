/**
 * The QA marker on an editor row: a small badge with the number of issues
 * (red when one is an error), their sentences in its tooltip and, opened, in
 * a popover. Nothing when the segment is clean. The row's own checks come
 * first, then the article-wide consistency warnings (consistency-hub.ts).
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { QaIssue } from '../../shared/qa/qa';
import type { ConsistencyHub } from './consistency-hub';
import type { RowContent } from './segment-qa';
import { useSegmentQa } from './use-segment-qa';
import './qa-marker.css';

const NONE: readonly QaIssue[] = [];

function useConsistency(hub: ConsistencyHub | null, id: string): readonly QaIssue[] {
  const subscribe = useCallback((listener: () => void) => (hub ? hub.subscribe(id, listener) : () => undefined), [hub, id]);
  return useSyncExternalStore(subscribe, () => (hub ? hub.issuesFor(id) : NONE));
}

export function QaMarker({ row, consistency }: { row: RowContent; consistency: ConsistencyHub | null }) {
  const own = useSegmentQa(row);
  const compared = useConsistency(consistency, row.id);
  const issues = useMemo(() => (compared.length === 0 ? own : [...own, ...compared]), [own, compared]);
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const severity = errors > 0 ? 'error' : 'warning';
  const summary = `${issues.length} QA ${issues.length === 1 ? 'issue' : 'issues'}${errors > 0 ? ` (${errors} blocking publishing)` : ''}`;
  return (
    <details className={`qa-marker qa-${severity}`} data-testid="qa-marker" data-count={issues.length} data-severity={severity}>
      <summary title={[summary, ...issues.map((issue) => issue.message)].join('\n')} aria-label={summary}>
        <span aria-hidden="true">{severity === 'error' ? '⚠' : '!'}</span> {issues.length}
      </summary>
      <ul className="qa-popover" role="list">
        {issues.map((issue: QaIssue, index) => (
          <li key={index} className={`qa-${issue.severity}`} data-testid="qa-marker-issue" data-check={issue.check}>
            {issue.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
