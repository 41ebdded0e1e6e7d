import { useCallback, useEffect, useId, useState } from 'react';
import { SEGMENT_STATUSES } from '../../shared/article/status';
import { translatedShare } from '../../shared/article/progress';
import type { ArticleSummary } from '../../shared/protocol/api';
import { listArticles } from '../api/api';
import { ApiError } from '../api/http';
import { describeError } from '../ui/messages';
import { NewArticle } from './NewArticle';
import { ALIGN_PATH, articlePath, followLink } from '../ui/routing';
import { formatExactTime, formatLastActivity } from '../ui/time';

type ArticlesState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; articles: ArticleSummary[] };

export interface ArticleListProps {
  /** May this user create articles (`article.create`)? Only hides the button: the server decides. */
  canCreate: boolean;
  /** May this user align published work into the memory (`memory.import`)? Only hides the link. */
  canAlign?: boolean;
  /** The server says the session is gone. */
  onUnauthenticated(): void;
}

/** The article index: fetches the list, offers "New article" to those who may, and hands rows to presentational pieces. */
export function ArticleList({ canCreate, canAlign = false, onUnauthenticated }: ArticleListProps) {
  const headingId = useId();
  const { state, reload } = useArticles(onUnauthenticated);
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);

  let body;
  if (state.kind === 'loading') {
    body = (
      <p className="status-message" aria-busy="true">
        Loading articles…
      </p>
    );
  } else if (state.kind === 'error') {
    body = (
      <div className="status-message error" role="alert" data-testid="article-list-error">
        <strong>Could not load articles.</strong> {state.message}{' '}
        <button type="button" className="button link" onClick={reload}>
          Try again
        </button>
      </div>
    );
  } else if (state.articles.length === 0) {
    body = (
      <p className="status-message empty" data-testid="article-list-empty">
        No articles yet.
        {canCreate && (
          <>
            {' '}
            Start one with <strong>New article</strong>: paste a Chinese web page or choose a file, and it becomes segments ready to translate.
          </>
        )}
      </p>
    );
  } else {
    body = <ArticleTable articles={state.articles} highlightId={created?.id ?? null} />;
  }

  return (
    <section className="article-list" aria-labelledby={headingId} data-testid="article-list">
      <div className="page-heading">
        <h2 id={headingId}>Articles</h2>
        <div className="page-actions">
          {canAlign && (
            <a className="button" href={ALIGN_PATH} onClick={followLink} data-testid="align-link">
              Align published work
            </a>
          )}
          {canCreate && (
            <NewArticle
              onCreated={(article) => {
                setCreated(article);
                reload();
              }}
              onUnauthenticated={onUnauthenticated}
            />
          )}
        </div>
      </div>
      {created && (
        <p className="notice" role="status" data-testid="article-created">
          Created “{created.title}”.
        </p>
      )}
      {body}
    </section>
  );
}

export function ArticleTable({ articles, highlightId = null }: { articles: ArticleSummary[]; highlightId?: string | null }) {
  const now = useNow(60_000);
  // Most recent activity first: what someone is working on today is what they look for.
  const rows = [...articles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
  return (
    <>
      <table className="article-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Source title</th>
            <th scope="col" className="numeric">
              Segments
            </th>
            <th scope="col">Progress</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((article) => (
            <tr key={article.id} data-testid="article-row" data-article-id={article.id} className={article.id === highlightId ? 'just-created' : undefined}>
              <td className="title">
                <a href={articlePath(article.id)} onClick={followLink} data-testid="article-link">
                  {article.title || <span className="untitled">Untitled</span>}
                </a>
              </td>
              <td className="source-title" lang="zh-Hans">
                {article.sourceTitle}
              </td>
              <td className="numeric" data-testid="article-segments">
                {article.segmentCount}
              </td>
              <td>
                <div className="progress-cell">
                  <ProgressBar progress={article.progress} />
                  <span className="progress-figure" data-testid="article-progress-figure">
                    {article.segmentCount === 0 ? '—' : `${Math.round(translatedShare(article.progress) * 100)}%`}
                  </span>
                </div>
                {article.mine && article.mine.assigned > 0 && (
                  <div className="my-segments" data-testid="article-mine" title="Segments assigned to you, and how many of them are done">
                    my segments: {article.mine.done}/{article.mine.assigned}
                  </div>
                )}
                {article.sourceChars > 0 && (
                  <div className="text-progress" data-testid="article-text-progress">
                    {article.sourceCharsTranslated.toLocaleString('en')} / {article.sourceChars.toLocaleString('en')} 字 translated ·{' '}
                    {article.targetWords.toLocaleString('en')} English words
                  </div>
                )}
              </td>
              <td className="last-activity">
                <time dateTime={article.updatedAt} title={formatExactTime(article.updatedAt)}>
                  {formatLastActivity(article.updatedAt, now)}
                </time>
                {article.activeUsers.length > 0 && (
                  <div className="active-users" data-testid="article-active-users">
                    {article.activeUsers.join(', ')} in it now
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusLegend />
    </>
  );
}

/**
 * One stacked bar, a slice per status in workflow order. Slices size by
 * flex-grow set to the raw count, so the browser does the proportions and
 * there is no percentage rounding to make the slices overflow or fall short.
 */
export function ProgressBar({ progress }: { progress: ArticleSummary['progress'] }) {
  const counts = SEGMENT_STATUSES.map((status) => [status, progress[status] ?? 0] as const).filter(([, n]) => n > 0);
  // The bar carries meaning only through colour, so spell it out for screen readers and hover.
  const label = counts.map(([status, n]) => `${n} ${status}`).join(', ') || 'no segments';

  return (
    <div className="progress" role="img" aria-label={label} title={label} data-testid="article-progress">
      {counts.map(([status, n]) => (
        <span key={status} className={`progress-slice status-${status}`} style={{ flexGrow: n }} />
      ))}
    </div>
  );
}

/** What the bar's colours mean; the percentage beside each bar counts translated, reviewed and approved. */
function StatusLegend() {
  return (
    <ul className="status-legend" aria-label="Progress colours">
      {SEGMENT_STATUSES.map((status) => (
        <li key={status}>
          <span className={`swatch status-${status}`} aria-hidden="true" />
          {status}
        </li>
      ))}
    </ul>
  );
}

function useArticles(onUnauthenticated: () => void): { state: ArticlesState; reload(): void } {
  const [state, setState] = useState<ArticlesState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // Aborting on unmount keeps a late response from updating a gone component
    // (and StrictMode's double-mount in development from fetching twice for real).
    const controller = new AbortController();
    listArticles(controller.signal).then(
      (articles) => {
        if (!controller.signal.aborted) setState({ kind: 'ready', articles });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'unauthenticated') return onUnauthenticated();
        setState({ kind: 'error', message: describeError(error) });
      },
    );
    return () => controller.abort();
    // A reload keeps showing the current list until the new one arrives, rather than flashing "Loading".
  }, [generation, onUnauthenticated]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}

/** The current time, refreshed every `intervalMs`, so "5 minutes ago" does not go stale on an open page. */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
