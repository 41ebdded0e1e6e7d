/**
 * The bar above the rows for reviewers and admins: how many rows are ticked,
 * "Select all shown", and what can be done to the selection at once
 * (approve the reviewed ones; for an admin, assign them).
 */
export interface BulkBarProps {
  selected: number;
  /** Ticked rows that are reviewed now: the ones "Approve" would change. */
  reviewed: number;
  shown: number;
  canApprove: boolean;
  canAssign: boolean;
  onSelectAllShown(): void;
  onClear(): void;
  onApprove(): void;
  onAssign(): void;
}

export function BulkBar(props: BulkBarProps) {
  const { selected, reviewed } = props;
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <span className="bulk-count" data-testid="bulk-count">
        {selected === 0 ? 'Tick rows to act on several at once' : `${selected} selected`}
      </span>
      <button type="button" className="button" onClick={props.onSelectAllShown} disabled={props.shown === 0} data-testid="select-all-shown">
        Select all shown
      </button>
      {selected > 0 && (
        <button type="button" className="button" onClick={props.onClear} data-testid="clear-selection">
          Clear
        </button>
      )}
      {props.canApprove && selected > 0 && (
        <button
          type="button"
          className="button primary"
          onClick={props.onApprove}
          disabled={reviewed === 0}
          title={
            reviewed < selected
              ? `${selected - reviewed} of the selection ${selected - reviewed === 1 ? 'is' : 'are'} not reviewed and will stay as ${selected - reviewed === 1 ? 'it is' : 'they are'}`
              : undefined
          }
          data-testid="bulk-approve"
        >
          Approve {reviewed} reviewed
        </button>
      )}
      {props.canAssign && selected > 0 && (
        <button type="button" className="button" onClick={props.onAssign} data-testid="bulk-assign">
          Assign…
        </button>
      )}
    </div>
  );
}
