/**
 * One undo history per segment side, kept outside the editor views: rows
 * mount and unmount as the page scrolls, and a translator's Ctrl+Z must still
 * undo what they typed before scrolling away. Only local edits (the sync
 * binding's origin) are tracked, so undo never reverts a colleague's work.
 *
 * Managers are created when a segment is first edited here, not for every
 * segment, so their per-transaction cost follows what this person touched.
 */
import * as Y from 'yjs';
import { ySyncPluginKey } from 'y-prosemirror';

export class UndoRegistry {
  private readonly managers = new Map<Y.XmlFragment, Y.UndoManager>();

  for(fragment: Y.XmlFragment): Y.UndoManager {
    let manager = this.managers.get(fragment);
    if (!manager) {
      manager = new Y.UndoManager(fragment, { trackedOrigins: new Set([ySyncPluginKey]), captureTimeout: 500 });
      this.managers.set(fragment, manager);
    }
    return manager;
  }

  destroy(): void {
    for (const manager of this.managers.values()) manager.destroy();
    this.managers.clear();
  }
}
