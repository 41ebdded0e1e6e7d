/**
 * Open the editor at the segment the URL names (`#segment=<id>`, from a
 * notification): once the segment is in the document, show it (switching the
 * filter off if it hides it), bring it into view and mark it. Each visit lands
 * once; afterwards this costs nothing per render.
 */
import { useEffect, useEffectEvent, useState } from 'react';
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
  const [landed, setLanded] = useState<{ segment: string; visit: number } | null>(null);
  const waiting = segment !== null && landed?.visit !== visit;
  const arrived = waiting && shown.includes(segment);
  // Marked while rendering, the moment the row is shown (React renders again at once, before the
  // children): the row is marked in the commit that shows it, and the effect below brings it into view.
  if (arrived) setLanded({ segment, visit });

  useEffect(() => {
    if (segment === null || landed?.visit === visit || shown.includes(segment)) return;
    // Not loaded yet (the local copy or the server's answer is on its way), or filtered out.
    if (exists(segment)) showAll();
  }, [segment, visit, landed, shown, exists, showAll]);

  // Once per landing: the caret is not taken again when `land` is a new function.
  const landOn = useEffectEvent(land);
  useEffect(() => {
    if (landed) landOn(landed.segment);
  }, [landed]);

  return landed?.segment ?? null;
}
