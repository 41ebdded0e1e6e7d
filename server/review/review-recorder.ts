/**
 * The review side of every accepted change: history and notifications.
 * Wire it with `collab.derive(reviewRecorder(db))` (server/main.ts).
 */
import type { Db } from '../store/database';
import type { Deriver } from '../collab/derivation';
import { HistoryStore } from './history-store';
import { recordStatusHistory, recordTextVersion } from './history-recorder';
import { NotificationStore } from './notification-store';
import { recordNotifications } from './notification-recorder';

export function reviewRecorder(db: Db): Deriver {
  const history = new HistoryStore(db);
  const notifications = new NotificationStore(db);
  return {
    change(change, doc) {
      recordStatusHistory(history, change);
      recordNotifications(notifications, history, change, doc);
    },
    text: (settled, doc) => recordTextVersion(history, settled, doc),
  };
}
