import { useId, useState, type FormEvent } from 'react';
import { login, type SessionUser } from '../api/api';
import { ApiError } from '../api/http';
import { describeError } from '../ui/messages';

export function SignInForm({ notice, onSignedIn }: { notice: string | null; onSignedIn(user: SessionUser): void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(name.trim(), password));
    } catch (caught) {
      // The server says "wrong name or password" without saying which, on purpose; so do we.
      setError(caught instanceof ApiError && caught.code === 'unauthenticated' ? 'Wrong name or password.' : describeError(caught));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" data-testid="sign-in-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign in to Duet</h2>
      {notice && (
        <p className="notice" role="status" data-testid="sign-in-notice">
          {notice}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          data-testid="sign-in-name"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          data-testid="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" data-testid="sign-in-submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
