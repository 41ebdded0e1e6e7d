/** What a row's controls ask the page for: its actions menu's items. */
export type RowAction = 'insert-before' | 'insert-after' | 'merge-next' | 'toggle-omit' | 'copy-structure' | 'move-up' | 'move-down' | 'history';
