/**
 * What every row of the editor page reads from the page: the document, who is
 * editing and what they may change, the page-wide hubs (presence, undo,
 * review, media), what the row's keys and controls do, and the registry its
 * views join. Rows take only their own data as props (row/SegmentRow.tsx).
 *
 * The value stays the same object while the page is shown (it changes when the
 * session starts or the opening rows are handed over): a new value re-renders
 * every mounted row. Nothing in it changes with typing. What does change for
 * a row (its thread count, who is in it) each part reads by subscription.
 */
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { SegmentStatus } from '../../shared/article/status';
import type { SessionUser } from '../collab/article-session';
import type { PresenceHub } from '../editing/presence';
import type { UndoRegistry } from '../editing/undo-registry';
import type { RowMedia } from '../media/row-media';
import type { ConsistencyHub } from '../publish/consistency-hub';
import type { RowReview } from '../review/RowThreads';
import type { RowAction } from './row/row-actions';
import type { RowViews } from './row/row-views';
import type { SegmentCommands } from './row/side-view';

/** A row's controls: the status chip, the actions menu, the tick box. */
export interface RowControls {
  setStatus(id: string, status: SegmentStatus): void;
  act(id: string, action: RowAction): void;
  /** Reviewers and admins tick rows for bulk actions. */
  selectable: boolean;
  select(id: string, shift: boolean): void;
}

export interface ArticleContextValue {
  /** The document shown: the article's, or its opening rows' (use-opening.ts). */
  doc: Y.Doc;
  /** Who is editing; the statuses offered follow the role. */
  user: SessionUser;
  /** The target by the role; the source by the role, and never in the opening rows. */
  canEditTarget: boolean;
  canEditSource: boolean;
  presence: PresenceHub;
  undo: UndoRegistry;
  /** What keys in a row's editors mean for the article. */
  commands: SegmentCommands;
  controls: RowControls;
  /** The mounted rows' views, which each row joins. */
  views: RowViews;
  /** Measure a row's element for the virtualized list (use-virtual-rows.ts). */
  measure(id: string, element: HTMLElement | null): void;
  review: RowReview;
  /** Image tools: none in the opening rows. */
  media: RowMedia | null;
  /** The rows' consistency warnings, compared across the article: none in the opening rows. */
  consistency: ConsistencyHub | null;
}

const ArticleContext = createContext<ArticleContextValue | null>(null);

export const ArticleProvider = ArticleContext.Provider;

export function useArticle(): ArticleContextValue {
  const value = useContext(ArticleContext);
  if (!value) throw new Error('useArticle: a row is rendered outside the editor page');
  return value;
}
