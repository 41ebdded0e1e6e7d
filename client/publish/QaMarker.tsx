/**
 * The QA marker on an editor row: a small badge with the number of issues
 * (red when one is an error), their sentences in its tooltip and, opened, in
 * a popover. Nothing when the segment is clean.
 */
import type { QaIssue } from '../../shared/qa/qa';
import type { RowContent } from './segment-qa';
import { useSegmentQa } from './use-segment-qa';
import './qa-marker.css';

export function QaMarker({ row }: { row: RowContent }) {
  const issues = useSegmentQa(row);
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
