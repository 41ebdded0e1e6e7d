/**
 * The websocket connects once the device's copy of the article is read.
 *
 * Connected at once, the provider would ask the server for what it lacks
 * while the document is still empty: a reload received the whole article
 * again (1.9 MB of duplicates to apply at 2,000 segments) and the copy, once
 * read, was sent back to the server. Read first, the request says what the
 * device has and the server sends only the rest.
 */
import type { CollabProvider } from './collab-provider';
import type { DeviceCopy } from './device-copy';

/** How long the connection waits for the copy (IndexedDB may be slow or stuck). */
const LOCAL_COPY_WAIT_MS = 1500;

/** Returns `cancel`, for a session closed before it connected. */
export function connectAfterLocalCopy(provider: CollabProvider, copy: DeviceCopy): () => void {
  let settled = false;
  const connect = () => {
    if (settled) return; // once: from then on the provider decides (it stops after a fatal close)
    settled = true;
    clearTimeout(waited);
    provider.connect();
  };
  const waited = setTimeout(connect, LOCAL_COPY_WAIT_MS);
  void copy.whenRead.then(connect); // also when there is no IndexedDB here (a private window, say): nothing to wait for
  return () => {
    settled = true;
    clearTimeout(waited);
  };
}
