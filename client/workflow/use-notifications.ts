/**
 * My notifications, kept fresh cheaply: fetched on sign-in, every 30 seconds
 * while the page is visible, and when the window regains focus (at most once
 * per few seconds); nothing while the tab is hidden.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { listNotifications, markNotificationsRead, type AppNotification } from '../api/api';

export const POLL_INTERVAL_MS = 30_000;
/** A focus right after a fetch does not fetch again. */
const MIN_GAP_MS = 5_000;

export interface NotificationsState {
  notifications: AppNotification[];
  unread: number;
  /** The last fetch failed (offline, server gone): the list is as last seen. */
  stale: boolean;
  refresh(): void;
  markAllRead(): Promise<void>;
  /** A notification was followed: it is read (quietly; a failure only leaves it unread). */
  markRead(notification: AppNotification): void;
}

export function useNotifications(): NotificationsState {
  const [notifications, setNotifications] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [stale, setStale] = useState(false);
  const lastFetch = useRef(0);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    if (inFlight.current) return;
    const controller = new AbortController();
    inFlight.current = controller;
    lastFetch.current = Date.now();
    listNotifications(controller.signal)
      .then(
        (result) => {
          setNotifications(result.notifications);
          setUnread(result.unread);
          setStale(false);
        },
        () => {
          if (!controller.signal.aborted) setStale(true);
        },
      )
      .finally(() => {
        if (inFlight.current === controller) inFlight.current = null;
      });
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_INTERVAL_MS);
    const onFocus = () => {
      if (Date.now() - lastFetch.current >= MIN_GAP_MS) refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [refresh]);

  const markAllRead = useCallback(async () => {
    const { unread: left } = await markNotificationsRead({ all: true });
    setNotifications((list) => list.map((notification) => ({ ...notification, read: true })));
    setUnread(left ?? 0);
  }, []);

  const markRead = useCallback((notification: AppNotification) => {
    if (notification.read) return;
    setNotifications((list) => list.map((entry) => (entry.id === notification.id ? { ...entry, read: true } : entry)));
    setUnread((count) => Math.max(0, count - 1));
    markNotificationsRead({ ids: [notification.id] }).then(
      ({ unread: left }) => left !== null && setUnread(left),
      () => undefined,
    );
  }, []);

  return { notifications, unread, stale, refresh, markAllRead, markRead };
}
