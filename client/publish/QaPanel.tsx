/**
 * Every QA issue of the article, errors first, each group by check, each
 * issue one sentence that links to its segment in the editor (the editor
 * opens at `#segment=<id>`).
 */
import { QA_CHECKS, type QaCheckId, type QaIssue } from '../../shared/qa/qa';
import { articlePath, followLink } from '../ui/routing';

/** Groups longer than this start closed, so a long article's list stays usable. */
const OPEN_UP_TO = 12;

function byCheck(issues: QaIssue[]): [QaCheckId, QaIssue[]][] {
  const groups = new Map<QaCheckId, QaIssue[]>();
  for (const issue of issues) {
    const group = groups.get(issue.check);
    if (group) group.push(issue);
    else groups.set(issue.check, [issue]);
  }
  return [...groups];
}

function IssueLink({ issue, articleId, numbers }: { issue: QaIssue; articleId: string; numbers: ReadonlyMap<string, number> }) {
  const where = issue.segmentId ? `Segment ${numbers.get(issue.segmentId) ?? '?'}` : issue.frontMatterKey ? `Front matter: ${issue.frontMatterKey}` : 'Article';
  return (
    <li>
      <a
        href={articlePath(articleId, issue.segmentId)}
        onClick={followLink}
        className={`qa-issue qa-${issue.severity}`}
        data-testid="qa-issue"
        data-check={issue.check}
        data-severity={issue.severity}
        data-segment={issue.segmentId ?? ''}
      >
        <span className="qa-where">{where}</span> {issue.message}
      </a>
    </li>
  );
}

function SeverityGroup({ title, issues, ...rest }: { title: string; issues: QaIssue[]; articleId: string; numbers: ReadonlyMap<string, number> }) {
  if (issues.length === 0) return null;
  return (
    <div className="qa-severity" data-testid={`qa-${issues[0]!.severity}s`}>
      <h4>{title}</h4>
      {byCheck(issues).map(([check, group]) => (
        <details key={check} className="qa-check" open={group.length <= OPEN_UP_TO} data-testid="qa-check" data-check={check}>
          <summary>
            {QA_CHECKS[check].title} <span className="qa-count">{group.length}</span>
          </summary>
          <ul>
            {group.map((issue, index) => (
              <IssueLink key={index} issue={issue} {...rest} />
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

export function QaPanel({ issues, articleId, numbers }: { issues: QaIssue[]; articleId: string; numbers: ReadonlyMap<string, number> }) {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  return (
    <section className="qa-panel" data-testid="qa-panel" aria-label="Checks before publishing">
      <h3>
        Checks{' '}
        <span className="qa-summary" data-testid="qa-summary" data-errors={errors.length} data-warnings={warnings.length}>
          {errors.length} {errors.length === 1 ? 'error' : 'errors'}, {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
        </span>
      </h3>
      {issues.length === 0 && (
        <p className="qa-clean" data-testid="qa-clean">
          Nothing to fix: every check passes.
        </p>
      )}
      <SeverityGroup title="Errors: these block publishing" issues={errors} articleId={articleId} numbers={numbers} />
      <SeverityGroup title="Warnings" issues={warnings} articleId={articleId} numbers={numbers} />
    </section>
  );
}
