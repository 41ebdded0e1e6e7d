/**
 * "Send back to draft": a reviewer returns a finished segment to its
 * translator, and must say why. The comment becomes the segment's sendBack
 * thread, written with the status change in one transaction (shared/review).
 */
import { useId, useState } from 'react';
import type { SegmentStatus } from '../../shared/article/status';
import { Modal } from '../ui/Modal';

export function SendBackDialog({ from, onSend, onCancel }: { from: SegmentStatus; onSend(comment: string): void; onCancel(): void }) {
  const id = useId();
  const [comment, setComment] = useState('');
  const [refused, setRefused] = useState(false);

  return (
    <Modal labelledBy={`${id}-heading`} onCancel={onCancel} className="workflow-dialog" testId="send-back-dialog">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (comment.trim() === '') return setRefused(true);
          onSend(comment.trim());
        }}
      >
        <header className="dialog-header">
          <h2 id={`${id}-heading`}>Send back to draft</h2>
          <p className="hint">The segment is {from}. Say what needs changing: the translator gets your comment with the segment.</p>
        </header>
        <div className="workflow-dialog-body field">
          <label htmlFor={`${id}-comment`}>Comment (required)</label>
          <textarea
            id={`${id}-comment`}
            rows={4}
            value={comment}
            autoFocus
            aria-invalid={refused && comment.trim() === ''}
            aria-describedby={refused ? `${id}-error` : undefined}
            data-testid="send-back-comment"
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <footer className="dialog-footer">
          {refused && comment.trim() === '' && (
            <p className="form-error" id={`${id}-error`} role="alert" data-testid="send-back-error">
              A segment goes back only with a comment saying what to change.
            </p>
          )}
          <button type="button" className="button" onClick={onCancel} data-testid="send-back-cancel">
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="send-back-submit">
            Send back
          </button>
        </footer>
      </form>
    </Modal>
  );
}
