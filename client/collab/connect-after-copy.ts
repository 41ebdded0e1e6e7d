/**
 * The websocket connects once the device's copy of the article is read.
 *
 * y-websocket connects at once and asks the server for what it lacks. Before
 * the IndexedDB copy is read the document is empty, so a reload received the
 * whole article again (1.9 MB of duplicates to apply at 2,000 segments) and
 * the copy, once read, was sent back to the server. Read first, the request
 * says what the device has and the server sends only the rest.
 */
import type { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';

/** How long the connection waits for the copy (IndexedDB may be slow or stuck). */
const LOCAL_COPY_WAIT_MS = 1500;

/**
 * For a provider created with `connect: false`. Returns `cancel`, for a
 * session closed before it connected.
 */
export function connectAfterLocalCopy(provider: WebsocketProvider, local: IndexeddbPersistence): () => void {
  // Other tabs (BroadcastChannel) are joined now, while the document is empty:
  // joining announces the whole document to them, a full encoding later on.
  provider.connectBc();
  let settled = false;
  const connect = () => {
    if (settled) return; // once: from then on the provider decides (it stops after a fatal close)
    settled = true;
    clearTimeout(waited);
    const { disableBc } = provider;
    provider.disableBc = true; // connect() would join the tabs again
    try {
      provider.connect();
    } finally {
      provider.disableBc = disableBc;
    }
  };
  const waited = setTimeout(connect, LOCAL_COPY_WAIT_MS);
  void local.whenSynced.then(connect);
  local._db.catch(connect); // no IndexedDB here (a private window, say): nothing to wait for
  return () => {
    settled = true;
    clearTimeout(waited);
  };
}
