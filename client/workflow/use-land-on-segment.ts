/**
 * Open the editor at the segment the URL names (`#segment=<id>`, from a
 * notification): once the segment is in the document, show it (switching the
 * filter off if it hides it), bring it into view and mark it. Each visit lands
 * once; afterwards this costs nothing per render.
 */
import { useEffect, useRef, useState } from 'react';
import { useSegmentInUrl } from '../ui/routing';

export interface LandingOptions {
  /** The ids of the rows shown now. */
  shown: string[];
  /** Is the segment in the article at all (perhaps hidden by the filter)? */
  exists(id: string): boolean;
  /** Show every row: the one asked for is filtered out. */
  showAll(): void;
  /** Scroll to the segment and put the caret in it where the person may write. */
  land(id: string): void;
}

/** The segment landed on last (for the row to mark), or null. */
export function useLandOnSegment({ shown, exists, showAll, land }: LandingOptions): string | null {
  const { segment, visit } = useSegmentInUrl();
  const landedVisit = useRef<number | null>(null);
  const [landed, setLanded] = useState<string | null>(null);
  useEffect(() => {
    if (!segment || landedVisit.current === visit) return;
    if (!shown.includes(segment)) {
      // Not loaded yet (the local copy or the server's answer is on its way), or filtered out.
      if (exists(segment)) showAll();
      return;
    }
    landedVisit.current = visit;
    setLanded(segment);
    land(segment);
  }, [segment, visit, shown, exists, showAll, land]);
  return landed;
}
