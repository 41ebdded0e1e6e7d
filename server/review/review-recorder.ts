/**
 * The review side of every accepted change: history and notifications.
 * Wire it with `collab.onAccepted(reviewRecorder(db))` (server/main.ts).
 */
import type { Db } from '../store/database';
import type { AcceptedListener } from '../collab/room';
import { HistoryStore } from './history-store';
import { recordHistory } from './history-recorder';
import { NotificationStore } from './notification-store';
import { recordNotifications } from './notification-recorder';

export function reviewRecorder(db: Db): AcceptedListener {
  const history = new HistoryStore(db);
  const notifications = new NotificationStore(db);
  return (change) => {
    recordHistory(history, change);
    recordNotifications(notifications, history, change);
  };
}
