/**
 * The route /articles/<id>/publish: the article as it will leave Duet. The
 * QA checks (each issue links to its segment in the editor), the preview as
 * the site will show it beside the Markdown that produces it, the downloads,
 * and, for those who may publish, publishing into the site's repository.
 *
 * Everything is computed from the live document, so a fix made in the editor
 * (here or by a colleague) shows here a moment later.
 */
import { useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore } from 'react';
import { may } from '../../shared/permissions/permissions';
import { mediaResolver } from '../../shared/export/media-urls';
import type { PreviewOptions } from '../../shared/export/preview-html';
import { checkArticle as checkArticleExists, type SessionUser } from '../api/api';
import { ApiError } from '../api/http';
import { describeError } from '../ui/messages';
import { articlePath, followLink } from '../ui/routing';
import { ArticleSession } from '../collab/article-session';
import { planPublication, DEFAULT_SITE_LAYOUT } from '../../shared/publish/publication-plan';
import { todayPostDate } from '../../shared/publish/post-date';
import { useApprovedTranslations, useLiveExport } from './use-live-export';
import { QaPanel } from './QaPanel';
import { ExportActions } from './ExportActions';
import { XliffImport } from './XliffImport';
import { PublishPanel } from './PublishPanel';
import type { LiveExport } from './live-export';
import './publish.css';

type PageState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; session: ArticleSession; openedFor: string };

const LOADING: PageState = { kind: 'loading' };

export default function PublishPage({ articleId, user, onUnauthenticated }: { articleId: string; user: SessionUser; onUnauthenticated(): void }) {
  const state = useCheckedSession(articleId, user, onUnauthenticated);
  if (state.kind === 'ready') return <PublishContent session={state.session} articleId={articleId} user={user} />;
  return (
    <section className="publish-page" data-testid="publish-page">
      <p className="breadcrumb">
        <a href="/" onClick={followLink}>
          ← All articles
        </a>
      </p>
      {state.kind === 'loading' ? (
        <p className="status-message" aria-busy="true">
          Loading the article…
        </p>
      ) : (
        <div className="status-message error" role="alert" data-testid="publish-error">
          <strong>Could not open the article.</strong> {state.message}
        </div>
      )}
    </section>
  );
}

/**
 * The article checked (it exists, and the person is signed in), then its session (the device's
 * copy, the websocket) opened in the check's answer: the session is the outcome of the check, not
 * state an effect sets after a render. Closed when the page goes, or when the person changes
 * (a new role): until the new check answers, the page is loading again.
 */
function useCheckedSession(articleId: string, user: SessionUser, onUnauthenticated: () => void): PageState {
  const [state, setState] = useState<PageState>(LOADING);
  const { id, name, role } = user;
  const person = JSON.stringify([id, name, role]);
  // Signing out is an event of the check's answer: a new callback does not check again.
  const signedOut = useEffectEvent(onUnauthenticated);
  useEffect(() => {
    const controller = new AbortController();
    let opened: ArticleSession | null = null;
    const open = () => {
      opened = new ArticleSession(articleId, { id, name, role });
      setState({ kind: 'ready', session: opened, openedFor: person });
    };
    checkArticleExists(articleId, controller.signal).then(
      () => {
        if (!controller.signal.aborted) open();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'unauthenticated') return signedOut();
        if (error instanceof ApiError && error.status === 0) return open(); // offline: the local copy still previews
        setState({
          kind: 'error',
          message: error instanceof ApiError && error.code === 'not_found' ? 'There is no article with this address.' : describeError(error),
        });
      },
    );
    return () => {
      controller.abort();
      opened?.destroy();
    };
  }, [articleId, id, name, role, person]);
  // A session opened for the person as they were is closed already: not shown.
  return state.kind === 'ready' && state.openedFor !== person ? LOADING : state;
}

/** The `.md` file's name: the file the site will get, when the article names one. */
function markdownFileName(live: LiveExport): string {
  try {
    const plan = planPublication(live.snapshot, { layout: DEFAULT_SITE_LAYOUT, today: todayPostDate() });
    return plan.postPath.split('/').pop() ?? 'article.md';
  } catch {
    return 'article.md';
  }
}

function PublishContent({ session, articleId, user }: { session: ArticleSession; articleId: string; user: SessionUser }) {
  const sessionState = useSyncExternalStore(session.subscribe, () => session.snapshot);
  const connected = sessionState.connection === 'connected';
  const offline = sessionState.connection === 'offline';
  // The server's state, or (offline) the local copy: before either, the document is empty and every check would be wrong.
  const ready = connected || (offline && sessionState.loaded);
  const preview = useMemo<PreviewOptions>(() => ({ resolveImage: mediaResolver({ articleId }) }), [articleId]);
  const approved = useApprovedTranslations(articleId);
  const live = useLiveExport(session.doc, ready, preview, approved);
  const canPublish = may(user, 'article.publish');
  const canOverride = may(user, 'publish.override');
  const [tab, setTab] = useState<'both' | 'preview' | 'markdown'>('both');

  return (
    <section className="publish-page" data-testid="publish-page">
      <header className="publish-header">
        <a href={articlePath(articleId)} onClick={followLink} data-testid="back-to-editor">
          ← Back to the editor
        </a>
        <h2 data-testid="publish-title">{live?.title ?? 'Preview and publish'}</h2>
        <span className={`connection connection-${sessionState.connection}`} data-testid="connection" data-state={sessionState.connection}>
          {connected ? 'Live' : offline ? 'Offline: showing this device’s copy' : 'Connecting…'}
        </span>
      </header>
      {!live ? (
        <p className="status-message" aria-busy="true">
          Reading the article…
        </p>
      ) : (
        <div className="publish-layout">
          <aside className="publish-side">
            <QaPanel issues={live.issues} articleId={articleId} numbers={live.numbers} />
            <ExportActions articleId={articleId} markdown={live.markdown} fileName={markdownFileName(live)} saved={connected && sessionState.saved} />
            {may(user, 'xliff.import') && <XliffImport articleId={articleId} />}
            {canPublish ? (
              <PublishPanel
                articleId={articleId}
                snapshot={live.snapshot}
                issues={live.issues}
                ready={connected && sessionState.saved}
                canOverride={canOverride}
              />
            ) : (
              <section className="publish-panel">
                <h3>Publish</h3>
                <p>An administrator publishes the article once the checks pass.</p>
              </section>
            )}
          </aside>
          <div className={`publish-views show-${tab}`}>
            <div className="publish-tabs" role="tablist">
              {(['both', 'preview', 'markdown'] as const).map((name) => (
                <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
                  {name === 'both' ? 'Side by side' : name === 'preview' ? 'Preview' : 'Markdown'}
                </button>
              ))}
            </div>
            <section className="publish-preview" aria-label="Preview">
              {/* Sanitized by previewHtml (shared/export/preview-schema.ts): no scripts, handlers or unsafe URLs reach here. */}
              <article className="site-preview" lang="en" data-testid="preview" dangerouslySetInnerHTML={{ __html: live.html }} />
            </section>
            <section className="publish-markdown" aria-label="Markdown">
              <textarea readOnly spellCheck={false} value={live.markdown} data-testid="markdown-text" aria-label="The article's Markdown" />
            </section>
          </div>
        </div>
      )}
    </section>
  );
}
