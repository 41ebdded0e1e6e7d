/**
 * "Assign…" (admin): a translator and/or a reviewer for the ticked segments,
 * chosen from the members (GET /api/members). Each choice may also be left as
 * it is, or cleared.
 */
import { useEffect, useId, useState } from 'react';
import { may } from '../../shared/permissions/permissions';
import type { Assignment } from '../../shared/review/assignments';
import { listMembers, type Member } from '../api/api';
import { Modal } from '../ui/Modal';
import { describeError } from '../ui/messages';

/** '' leaves the assignment as it is; NOBODY clears it; anything else is an account name. */
const KEEP = '';
const NOBODY = '\u0000nobody';

const toAssignment = (value: string): string | null | undefined => (value === KEEP ? undefined : value === NOBODY ? null : value);

export function AssignDialog({ count, onAssign, onCancel }: { count: number; onAssign(assignment: Assignment): void; onCancel(): void }) {
  const id = useId();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [translator, setTranslator] = useState(KEEP);
  const [reviewer, setReviewer] = useState(KEEP);

  useEffect(() => {
    const controller = new AbortController();
    listMembers(controller.signal).then(
      (list) => setMembers(list),
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(describeError(caught));
      },
    );
    return () => controller.abort();
  }, []);

  // Anyone who may write translations may be given segments to translate; likewise for review.
  const translators = (members ?? []).filter((member) => may(member, 'target.edit'));
  const reviewers = (members ?? []).filter((member) => may(member, 'segment.setStatus', { from: 'translated', to: 'reviewed' }));
  const nothingChosen = translator === KEEP && reviewer === KEEP;

  const picker = (label: string, value: string, set: (value: string) => void, people: Member[], testId: string) => (
    <div className="field">
      <label htmlFor={`${id}-${testId}`}>{label}</label>
      <select id={`${id}-${testId}`} value={value} onChange={(event) => set(event.target.value)} disabled={!members} data-testid={testId}>
        <option value={KEEP}>Leave as it is</option>
        <option value={NOBODY}>Nobody (clear)</option>
        {people.map((member) => (
          <option key={member.name} value={member.name}>
            {member.name}
            {member.role === 'admin' ? ' (admin)' : ''}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Modal labelledBy={`${id}-heading`} onCancel={onCancel} className="workflow-dialog" testId="assign-dialog">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (nothingChosen) return;
          onAssign({ translator: toAssignment(translator), reviewer: toAssignment(reviewer) });
        }}
      >
        <header className="dialog-header">
          <h2 id={`${id}-heading`}>
            Assign {count} segment{count === 1 ? '' : 's'}
          </h2>
          <p className="hint">The people chosen see these segments under “Assigned to me” and in their counts on the article list.</p>
        </header>
        <div className="workflow-dialog-body">
          {!members && !error && <p aria-busy="true">Loading the members…</p>}
          {picker('Translator', translator, setTranslator, translators, 'assign-translator')}
          {picker('Reviewer', reviewer, setReviewer, reviewers, 'assign-reviewer')}
        </div>
        <footer className="dialog-footer">
          {error && (
            <p className="form-error" role="alert">
              Could not load the members. {error}
            </p>
          )}
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={nothingChosen} data-testid="assign-submit">
            Assign
          </button>
        </footer>
      </form>
    </Modal>
  );
}
