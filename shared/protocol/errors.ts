/**
 * Errors that cross a boundary (HTTP API, CLI, websocket): a stable code a
 * program can switch on, and a one-sentence message a person can act on.
 * Over HTTP they travel as `{ error: { code, message } }`.
 */
export const ERROR_CODES = [
  /** The request itself is malformed (missing field, wrong type). */
  'bad_request',
  /** The content is unusable: not text, not UTF-8, malformed front matter, nothing to import. */
  'invalid_input',
  /** Larger than the documented limit. */
  'too_large',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  /** Too many attempts in a short time (signing in): the answer says when to try again, and so does its Retry-After header. */
  'too_many_requests',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export class DuetError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DuetError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
