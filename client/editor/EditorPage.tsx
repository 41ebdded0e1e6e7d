/**
 * Placeholder for the side-by-side editor (issue 4, item 2, built later): it
 * proves the route and the article id work end to end, and shows the title so
 * a link from the list visibly lands on the right article.
 */
import { useEffect, useState } from 'react';
import type { ArticleJson } from '../../shared/protocol/api';
import { getArticle } from '../api/api';
import { ApiError } from '../api/http';
import { describeError } from '../app/messages';
import { followLink } from '../app/routing';

type PageState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; article: ArticleJson };

export function EditorPage({ articleId, onUnauthenticated }: { articleId: string; onUnauthenticated(): void }) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    getArticle(articleId, controller.signal).then(
      (article) => {
        if (!controller.signal.aborted) setState({ kind: 'ready', article });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'unauthenticated') return onUnauthenticated();
        setState({ kind: 'error', message: error instanceof ApiError && error.code === 'not_found' ? 'There is no article with this address.' : describeError(error) });
      },
    );
    return () => controller.abort();
  }, [articleId, onUnauthenticated]);

  return (
    <section className="editor-page" data-testid="editor-page">
      <p className="breadcrumb">
        <a href="/" onClick={followLink} data-testid="back-to-articles">
          ← All articles
        </a>
      </p>
      {state.kind === 'loading' && (
        <p className="status-message" aria-busy="true">
          Loading the article…
        </p>
      )}
      {state.kind === 'error' && (
        <div className="status-message error" role="alert" data-testid="editor-error">
          <strong>Could not open the article.</strong> {state.message}
        </div>
      )}
      {state.kind === 'ready' && (
        <>
          <h2 data-testid="editor-title">{articleTitle(state.article) || <span className="untitled">Untitled</span>}</h2>
          <p className="status-message">
            {state.article.segments.length === 1 ? '1 segment' : `${state.article.segments.length} segments`}. The side-by-side editor is coming soon; for now, export the article with{' '}
            <code>npx duet export {state.article.id}</code>.
          </p>
        </>
      )}
    </section>
  );
}

/** The same rule as the list's title (articleTitle in shared/article/article.ts): the front-matter title, else the source title. */
function articleTitle(article: ArticleJson): string {
  const title = article.meta.frontMatter.title;
  if (typeof title === 'string' && title.trim() !== '') return title;
  return article.meta.sourceTitle ?? '';
}
