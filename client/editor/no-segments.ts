/**
 * What an editor page without rows tells the translator. Before the local copy
 * is read and the server has answered, "no segments" would be a lie: a long
 * article takes a moment to arrive.
 */
import type { SessionState } from '../collab/article-session';

export function noSegmentsMessage(state: Pick<SessionState, 'loaded' | 'received' | 'connection'>): string {
  if (state.received) return 'This article has no segments yet.';
  if (!state.loaded || state.connection === 'connecting') return 'Opening the article…';
  return 'This article is not on this device yet: it appears once the server can be reached.';
}
