import { lazy, Suspense, useEffect } from 'react';
import { may } from '../../shared/permissions/permissions';
import { discardEarly, openEarly } from '../collab/early-session';
import { openingAsked } from '../collab/opening';
import type { SessionUser } from '../api/api';
import { EditorPage } from '../editor/EditorPage';
import { SetupForm } from '../session/SetupForm';
import { SignInForm } from '../session/SignInForm';
import { useSession, type Session } from '../session/useSession';
import { AppHeader } from './AppHeader';
import { ArticleList } from './ArticleList';
import { followLink, parseRoute, useRoute } from '../ui/routing';

// Loaded when first opened: it brings the Markdown renderer, which the editor does not need.
const PublishPage = lazy(() => import('../publish/PublishPage'));
// Loaded when first opened: admins only, now and then.
const AlignPage = lazy(() => import('../memory/AlignPage'));

export function App() {
  const session = useSession();
  useOpenArticleEarly(session.state.kind);
  const user = session.state.kind === 'signed-in' ? session.state.user : null;
  return (
    <div className="app">
      <AppHeader user={user} onSignOut={session.signOut} />
      <main className="app-main">
        <SessionGate session={session} />
      </main>
    </div>
  );
}

/**
 * Loaded at /articles/<id>: start opening the article (its local copy, the
 * websocket) while the session is checked, instead of after; the editor
 * claims it. Dropped if nobody turns out to be signed in. Not when index.html
 * has asked for the article's opening rows: the editor shows those first, and
 * starts the article's session after them (client/editor/use-opening.ts).
 */
function useOpenArticleEarly(kind: Session['state']['kind']) {
  useEffect(() => {
    const route = parseRoute(window.location.pathname);
    if (route.page === 'article' && !openingAsked(route.id)) openEarly(route.id);
  }, []);
  useEffect(() => {
    if (kind !== 'checking' && kind !== 'signed-in') discardEarly();
  }, [kind]);
}

/** The page for the session's state; only a signed-in user gets past it to the routes. */
function SessionGate({ session }: { session: Session }) {
  const { state } = session;
  switch (state.kind) {
    case 'checking':
      return (
        <p className="status-message" aria-busy="true">
          Loading…
        </p>
      );
    case 'unavailable':
      return (
        <div className="status-message error" role="alert" data-testid="session-error">
          <strong>Duet is not answering.</strong> {state.message}{' '}
          <button type="button" className="button link" onClick={session.retry}>
            Try again
          </button>
        </div>
      );
    case 'setup':
      return <SetupForm onSignedIn={session.signedIn} onAlreadySetUp={session.alreadySetUp} />;
    case 'signed-out':
      return <SignInForm notice={state.notice} onSignedIn={session.signedIn} />;
    case 'signed-in':
      return <Pages user={state.user} onUnauthenticated={session.sessionEnded} />;
  }
}

function Pages({ user, onUnauthenticated }: { user: SessionUser; onUnauthenticated(): void }) {
  const route = useRoute();
  switch (route.page) {
    case 'articles':
      return <ArticleList canCreate={may(user, 'article.create')} canAlign={may(user, 'memory.import')} onUnauthenticated={onUnauthenticated} />;
    case 'article':
      // Keyed by id so moving between articles starts each page fresh.
      return <EditorPage key={route.id} articleId={route.id} user={user} onUnauthenticated={onUnauthenticated} />;
    case 'publish':
      return (
        <Suspense fallback={<p className="status-message">Loading…</p>}>
          <PublishPage key={route.id} articleId={route.id} user={user} onUnauthenticated={onUnauthenticated} />
        </Suspense>
      );
    case 'align':
      return (
        <Suspense fallback={<p className="status-message">Loading…</p>}>
          <AlignPage onUnauthenticated={onUnauthenticated} />
        </Suspense>
      );
    case 'not-found':
      return (
        <div className="status-message" data-testid="not-found">
          <p>There is no page at {route.path}.</p>
          <a href="/" onClick={followLink}>
            Go to the article list
          </a>
        </div>
      );
  }
}
