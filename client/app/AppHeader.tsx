import { useState } from 'react';
import type { SessionUser } from '../api/api';
import { describeError } from '../ui/messages';
import { followLink } from '../ui/routing';
import { NotificationsMenu } from '../workflow/NotificationsMenu';

/** Duet's name (a link home), and when signed in: who, in what role, and a way out. */
export function AppHeader({ user, onSignOut }: { user: SessionUser | null; onSignOut(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await onSignOut();
    } catch (caught) {
      // Still signed in on the server, so stay signed in here too, and say so.
      setError(`Could not sign out: ${describeError(caught)}`);
      setBusy(false);
    }
  }

  return (
    <header className="app-header" data-testid="app-header">
      <h1 className="app-title">
        <a href="/" onClick={followLink}>
          Duet
        </a>
      </h1>
      {user && (
        <div className="account">
          {error && (
            <span className="form-error" role="alert" data-testid="sign-out-error">
              {error}
            </span>
          )}
          <NotificationsMenu />
          <span className="account-name" data-testid="current-user-name">
            {user.name}
          </span>
          <span className={`role-badge role-${user.role}`} data-testid="current-user-role">
            {user.role}
          </span>
          <button type="button" className="button" data-testid="sign-out" onClick={signOut} disabled={busy}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      )}
    </header>
  );
}
