/**
 * The route /articles/<id>: checks the article exists (and that the session
 * still holds), then opens the side-by-side editor. With the server out of
 * reach it opens the editor anyway, from the copy kept on this device.
 */
import { useEffect, useState } from 'react';
import type { SessionUser } from '../api/api';
import { checkArticle } from '../api/api';
import { ApiError } from '../api/http';
import { describeError } from '../ui/messages';
import { followLink } from '../ui/routing';
import { openedEarly } from '../collab/early-session';
import { openingAsked } from '../collab/opening';
import { ArticleEditor } from './ArticleEditor';

type PageState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready' };

export function EditorPage({ articleId, user, onUnauthenticated }: { articleId: string; user: SessionUser; onUnauthenticated(): void }) {
  // An article already opening (the app was loaded at its address: its session, or its opening rows)
  // is shown while the check runs; waiting for it would add a round trip after the rows have arrived.
  const [state, setState] = useState<PageState>(() => (openedEarly(articleId) || openingAsked(articleId) ? { kind: 'ready' } : { kind: 'loading' }));

  useEffect(() => {
    const controller = new AbortController();
    checkArticle(articleId, controller.signal).then(
      () => {
        if (!controller.signal.aborted) setState({ kind: 'ready' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'unauthenticated') return onUnauthenticated();
        if (error instanceof ApiError && error.status === 0) return setState({ kind: 'ready' }); // offline: work from the local copy
        setState({
          kind: 'error',
          message: error instanceof ApiError && error.code === 'not_found' ? 'There is no article with this address.' : describeError(error),
        });
      },
    );
    return () => controller.abort();
  }, [articleId, onUnauthenticated]);

  if (state.kind === 'ready') return <ArticleEditor articleId={articleId} user={user} />;
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
    </section>
  );
}
