/**
 * The memory's keys, as CAT tools have them: Ctrl+1…5 inserts the match of
 * that number into the segment with the caret; Ctrl+K opens the concordance
 * with the selected text.
 */
import { useEffect } from 'react';
import { useLatest } from '../ui/use-latest';

export function useMemoryKeys({ insert, openConcordance }: { insert(index: number): boolean; openConcordance(selected: string): void }): void {
  const latest = useLatest({ insert, openConcordance });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (/^[1-5]$/.test(event.key)) {
        // Only when there is a match of that number: otherwise the key is the browser's (Ctrl+1 picks a tab).
        if (latest.current.insert(Number(event.key) - 1)) event.preventDefault();
      } else if (event.key.toLowerCase() === 'k') {
        event.preventDefault();
        latest.current.openConcordance(window.getSelection()?.toString().trim() ?? '');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [latest]);
}
