/**
 * A row's actions menu (⋯): history, and for those who may edit the target,
 * structure (insert, merge, move, omit) and images. Its items exist only while
 * it is open: a dozen nodes in every mounted row otherwise.
 */
import { useState } from 'react';
import { ImageMenuItem } from '../../media/ImageMenuItem';
import { useArticle } from '../article-context';
import type { SegmentRowModel } from '../use-segments';
import type { RowAction } from './row-actions';

export function RowActionsMenu({ row }: { row: SegmentRowModel }) {
  const { controls, canEditTarget, media } = useArticle();
  const [open, setOpen] = useState(false);

  // Run a menu action, then close the menu it came from.
  const act = (action: RowAction) => (event: { currentTarget: HTMLElement }) => {
    const menu = event.currentTarget.closest('details');
    if (menu) menu.open = false;
    controls.act(row.id, action);
  };

  return (
    <details className="row-actions" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary aria-label="Segment actions" data-testid="row-actions">
        ⋯
      </summary>
      {open && (
        <div>
          <button type="button" data-testid="open-history" onClick={act('history')}>
            History…
          </button>
          {canEditTarget && (
            <>
              <button type="button" onClick={act('copy-structure')}>
                Copy source structure
              </button>
              <button type="button" data-testid="insert-before" onClick={act('insert-before')}>
                Insert note before
              </button>
              <button type="button" data-testid="insert-after" onClick={act('insert-after')}>
                Insert note after
              </button>
              <button type="button" data-testid="merge-next" onClick={act('merge-next')}>
                Merge with next
              </button>
              <button type="button" data-testid="move-up" onClick={act('move-up')}>
                Move up
              </button>
              <button type="button" data-testid="move-down" onClick={act('move-down')}>
                Move down
              </button>
              <button type="button" data-testid="toggle-omit" onClick={act('toggle-omit')}>
                {row.omitted ? 'Translate this block' : 'Omit this block'}
              </button>
              {media && <ImageMenuItem onFile={(file) => void media.placeFile(row.id, file)} />}
            </>
          )}
        </div>
      )}
    </details>
  );
}
