/** The page's notice line: one message at a time, gone after a few seconds. */
import { useEffect, useState } from 'react';

const SHOWN_MS = 6000;

export function useNotice(): [notice: string | null, notify: (message: string | null) => void] {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice];
}
