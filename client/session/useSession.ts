/**
 * Who is using the app: found out once on load (GET /api/me, asked for by
 * index.html at navigation; then GET /api/setup when signed out), then changed
 * only by the forms and the sign-out button, or by the server saying the
 * session is gone.
 */
import { useCallback, useEffect, useState } from 'react';
import { getMe, getSetup, logout, signedInEarly, type SessionUser } from '../api/api';
import { describeError } from '../ui/messages';

export type SessionState =
  | { kind: 'checking' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'setup' }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; user: SessionUser };

export interface Session {
  state: SessionState;
  /** A form signed someone in (or created the first admin, who is then signed in). */
  signedIn(user: SessionUser): void;
  /** Sign out on the server, then show the sign-in form; throws if the server could not be told. */
  signOut(): Promise<void>;
  /** The server answered 401 mid-session (expired, or removed by an admin): back to sign-in, saying why. */
  sessionEnded(): void;
  /** Setup was already done by someone else meanwhile: go to sign-in instead. */
  alreadySetUp(): void;
  /** Check again after the server could not be reached. */
  retry(): void;
}

export function useSession(): Session {
  // Usually index.html's request has answered by the first render: no "Loading…" render, no effect, no wait.
  const [knownAtStart] = useState(signedInEarly);
  const [state, setState] = useState<SessionState>(knownAtStart ? { kind: 'signed-in', user: knownAtStart } : { kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (knownAtStart && attempt === 0) return;
    // Aborting on unmount keeps a late answer from overwriting what the user has done since.
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const user = await getMe(signal);
      if (signal.aborted) return;
      if (user) return setState({ kind: 'signed-in', user });
      const { needed } = await getSetup(signal);
      if (!signal.aborted) setState(needed ? { kind: 'setup' } : { kind: 'signed-out', notice: null });
    })().catch((error: unknown) => {
      if (!signal.aborted) setState({ kind: 'unavailable', message: describeError(error) });
    });
    return () => controller.abort();
  }, [attempt, knownAtStart]);

  const signedIn = useCallback((user: SessionUser) => setState({ kind: 'signed-in', user }), []);
  const signOut = useCallback(async () => {
    await logout();
    setState({ kind: 'signed-out', notice: 'You have signed out.' });
  }, []);
  const sessionEnded = useCallback(() => setState({ kind: 'signed-out', notice: 'Your session has ended. Sign in again to continue.' }), []);
  const alreadySetUp = useCallback(() => setState({ kind: 'signed-out', notice: 'Duet has already been set up. Sign in with your account.' }), []);
  const retry = useCallback(() => {
    setState({ kind: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, signedIn, signOut, sessionEnded, alreadySetUp, retry };
}
