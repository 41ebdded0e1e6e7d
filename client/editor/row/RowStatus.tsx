/**
 * A row's status chip, offering the statuses the workflow lets this role set
 * from the row's (a send-back says so: it asks for a comment first), and the
 * tick box of those who act on many rows at once.
 */
import type { SegmentStatus } from '../../../shared/article/status';
import { statusOptions } from '../../../shared/permissions/permissions';
import { useArticle } from '../article-context';

export function RowStatus({ id, status, selected }: { id: string; status: SegmentStatus; selected: boolean }) {
  const { controls, user } = useArticle();
  const options = statusOptions(user.role, status);
  return (
    <>
      {controls.selectable && (
        <input
          type="checkbox"
          className="row-select"
          aria-label="Select this segment"
          data-testid="row-select"
          checked={selected}
          // onClick, not onChange: only the click says whether shift was held (a range).
          onClick={(event) => controls.select(id, event.shiftKey)}
          onChange={() => undefined}
        />
      )}
      <select
        className={`status-chip status-${status}`}
        value={status}
        aria-label="Status"
        data-testid="status-chip"
        disabled={options.length === 0}
        onChange={(event) => controls.setStatus(id, event.target.value as SegmentStatus)}
      >
        <option value={status}>{status}</option>
        {options.map((option) => (
          <option key={option.status} value={option.status}>
            {option.needsComment ? 'send back…' : option.status}
          </option>
        ))}
      </select>
    </>
  );
}
