/** What is wrong with an XLIFF file being imported, unit by unit, and the one error that refuses it. */
import { DuetError, type ErrorCode } from '../protocol/errors';

export interface XliffProblem {
  /** The trans-unit's id, or null for the file as a whole. */
  unit: string | null;
  message: string;
  /** invalid_input: unusable content; conflict: changed in Duet and in the file; too_large: over the limit. */
  code: Extract<ErrorCode, 'invalid_input' | 'conflict' | 'too_large'>;
}

/** At most this many problems are spelled out in one error message. */
const LISTED_PROBLEMS = 10;

/** The errors of a refused import as one DuetError: too_large, conflict (when every problem is one), else invalid_input. */
export function importError(errors: readonly XliffProblem[]): DuetError {
  const code = errors.some((problem) => problem.code === 'too_large')
    ? 'too_large'
    : errors.every((problem) => problem.code === 'conflict')
      ? 'conflict'
      : 'invalid_input';
  const listed = errors.slice(0, LISTED_PROBLEMS).map((problem) => problem.message);
  if (errors.length > LISTED_PROBLEMS) listed.push(`and ${errors.length - LISTED_PROBLEMS} more`);
  const count = errors.length === 1 ? '' : ` (${errors.length} problems)`;
  return new DuetError(code, `the XLIFF file was not imported, nothing changed${count}: ${listed.join('; ')}`);
}
