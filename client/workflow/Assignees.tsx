/** Who a segment is assigned to, as small initials in its status column (names on hover). */
import { memo } from 'react';
import type { Assignment } from './use-assignments';

export const initials = (name: string): string => name.slice(0, 2).toUpperCase();

export const Assignees = memo(function Assignees({ assignment }: { assignment: Assignment }) {
  return (
    <span className="assignees" data-testid="assignees">
      {assignment.translator && (
        <span
          className="assignee assignee-translator"
          title={`Translator: ${assignment.translator}`}
          data-testid="assignee"
          data-role="translator"
          data-user={assignment.translator}
        >
          {initials(assignment.translator)}
        </span>
      )}
      {assignment.reviewer && (
        <span
          className="assignee assignee-reviewer"
          title={`Reviewer: ${assignment.reviewer}`}
          data-testid="assignee"
          data-role="reviewer"
          data-user={assignment.reviewer}
        >
          {initials(assignment.reviewer)}
        </span>
      )}
    </span>
  );
});
