/**
 * The bell in the app header: how many notifications are unread, and a list
 * of mentions, replies and segments sent back to me, each a link to the
 * article opened at its segment.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AppNotification } from '../api/api';
import { describeError } from '../ui/messages';
import { articlePath, followLink } from '../ui/routing';
import { formatExactTime, formatLastActivity } from '../ui/time';
import { useNotifications } from './use-notifications';
import './workflow.css';

const WHAT: Record<AppNotification['kind'], string> = {
  mention: 'mentioned you',
  reply: 'replied',
  sendBack: 'sent a segment back to you',
};

export function NotificationsMenu() {
  const id = useId();
  const { notifications, unread, stale, refresh, markAllRead, markRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // Close on a click elsewhere or Escape, as menus do.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const now = new Date();
  return (
    <div className="notifications" ref={root}>
      <button
        type="button"
        className="button bell"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        data-testid="notifications-button"
        onClick={() => {
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="unread-count" data-testid="notifications-unread">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="notifications-panel" id={`${id}-list`} data-testid="notifications-panel">
          <header>
            <strong>Notifications</strong>
            <button
              type="button"
              className="button link"
              disabled={unread === 0}
              data-testid="notifications-mark-read"
              onClick={() =>
                markAllRead().then(
                  () => setError(null),
                  (caught: unknown) => setError(describeError(caught)),
                )
              }
            >
              Mark all read
            </button>
          </header>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {stale && <p className="hint">Could not check for new ones; showing what came before.</p>}
          {notifications.length === 0 ? (
            <p className="hint">Nothing yet. Mentions, replies to your threads and segments sent back to you appear here.</p>
          ) : (
            <ul>
              {notifications.map((notification) => (
                <li key={notification.id} className={notification.read ? 'read' : 'unread'} data-testid="notification" data-kind={notification.kind}>
                  <a
                    href={articlePath(notification.articleId, notification.segmentId ?? undefined)}
                    onClick={(event) => {
                      followLink(event);
                      markRead(notification);
                      setOpen(false);
                    }}
                    data-testid="notification-link"
                  >
                    <span className="notification-head">
                      <strong>{notification.actor ?? 'Someone'}</strong> {WHAT[notification.kind] ?? notification.kind} in{' '}
                      <em>{notification.articleTitle || 'an article'}</em>
                    </span>
                    {notification.text && <span className="notification-text">{notification.text}</span>}
                    <time dateTime={new Date(notification.at).toISOString()} title={formatExactTime(new Date(notification.at).toISOString())}>
                      {formatLastActivity(new Date(notification.at).toISOString(), now)}
                    </time>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** Drawn rather than an emoji: not every system (a headless browser, an older Linux desktop) has a font with the bell. */
function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.6L2.2 11a.6.6 0 0 0 .5.9h10.6a.6.6 0 0 0 .5-.9L12.5 8.6V6A4.5 4.5 0 0 0 8 1.5Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
      <path d="M6.3 13.3a1.8 1.8 0 0 0 3.4 0" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}
