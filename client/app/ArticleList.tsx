import { useEffect, useState } from 'react';
import { SEGMENT_STATUSES } from '../../shared/article/status';
import type { ArticleListResponse, ArticleSummary } from '../../shared/protocol/api';

type ArticlesState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; articles: ArticleSummary[] };

/** The article index: fetches the list, then hands it to presentational pieces. */
export function ArticleList() {
  const state = useArticles();

  if (state.kind === 'loading') {
    return <p className="status-message" aria-busy="true">Loading articles…</p>;
  }
  if (state.kind === 'error') {
    return (
      <div className="status-message error" role="alert">
        <strong>Could not load articles.</strong> {state.message}
      </div>
    );
  }
  if (state.articles.length === 0) {
    return (
      <p className="status-message empty">
        No articles yet — import one with <code>npx duet import FILE</code>
      </p>
    );
  }
  return <ArticleTable articles={state.articles} />;
}

export function ArticleTable({ articles }: { articles: ArticleSummary[] }) {
  return (
    <table className="article-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Source title</th>
          <th scope="col" className="numeric">
            Segments
          </th>
          <th scope="col">Progress</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id} data-testid="article-row">
            <td>{article.title}</td>
            <td className="source-title">{article.sourceTitle}</td>
            <td className="numeric">{article.segmentCount}</td>
            <td>
              <ProgressBar progress={article.progress} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
    <div className="progress" role="img" aria-label={label} title={label}>
      {counts.map(([status, n]) => (
        <span key={status} className={`progress-slice status-${status}`} style={{ flexGrow: n }} />
      ))}
    </div>
  );
}

function useArticles(): ArticlesState {
  const [state, setState] = useState<ArticlesState>({ kind: 'loading' });

  useEffect(() => {
    // Aborting on unmount keeps a late response from updating a gone component
    // (and StrictMode's double-mount in development from fetching twice for real).
    const controller = new AbortController();
    fetchArticles(controller.signal).then(
      (articles) => {
        if (!controller.signal.aborted) setState({ kind: 'ready', articles });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, []);

  return state;
}

async function fetchArticles(signal: AbortSignal): Promise<ArticleSummary[]> {
  const response = await fetch('/api/articles', { signal, headers: { Accept: 'application/json' } });
  // Errors may come from a proxy or a crash rather than our API, so the body may not be JSON.
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(apiErrorMessage(body) ?? `The server answered HTTP ${response.status}.`);
  }
  // Only a shape check: the server is ours, but this catches talking to the
  // wrong thing (e.g. an HTML fallback page) with a clear message.
  if (!isRecord(body) || !Array.isArray(body.articles)) {
    throw new Error('The server sent an unexpected response.');
  }
  return body.articles as ArticleListResponse['articles'];
}

/** The message from the API's `{ error: { code, message } }` envelope (ErrorBody in shared/protocol/errors), if that is what we got. */
function apiErrorMessage(body: unknown): string | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  return typeof body.error.message === 'string' ? body.error.message : null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
