/** Page-wide keys: search (Ctrl+F) and help (? outside a text field, or Ctrl+/) work wherever the focus is; Escape closes both. */
import { useEffect } from 'react';

export function usePageKeys({ openSearch, toggleHelp, closeAll }: { openSearch(): void; toggleHelp(): void; closeAll(): void }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inEditor = (event.target as HTMLElement | null)?.closest?.('.ProseMirror, input, textarea, select');
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        openSearch();
      } else if ((event.key === '?' && !inEditor) || ((event.ctrlKey || event.metaKey) && event.key === '/')) {
        event.preventDefault();
        toggleHelp();
      } else if (event.key === 'Escape') {
        closeAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSearch, toggleHelp, closeAll]);
}
