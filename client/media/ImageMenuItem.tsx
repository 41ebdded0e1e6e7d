/** "Insert image…" in a row's menu: a file chooser dressed as a menu item (a label around a hidden input needs no script to open it). */
import type { ChangeEvent } from 'react';
import './media.css';

export const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

/** Take the chosen file and reset the input, so choosing the same file again still counts. */
export function takeFile(event: ChangeEvent<HTMLInputElement>): File | null {
  const file = event.target.files?.[0] ?? null;
  event.target.value = '';
  const menu = event.target.closest('details');
  if (menu) menu.open = false;
  return file;
}

export function ImageMenuItem({ onFile }: { onFile(file: File): void }) {
  return (
    <label className="menu-file-item" data-testid="insert-image">
      Insert image…
      <input
        type="file"
        accept={IMAGE_TYPES}
        hidden
        data-testid="insert-image-input"
        onChange={(event) => {
          const file = takeFile(event);
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
