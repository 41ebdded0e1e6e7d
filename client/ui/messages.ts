import { ApiError, errorMessage } from '../api/http';

/**
 * The server's messages are written to be read in logs and CLIs too, so they
 * start lower-case and end without a full stop; on a page they read as sentences.
 */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capitalised = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** What to tell a person about an error from the API (or anything else that went wrong). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'internal') {
    return 'Something went wrong on the server. Try again; if it keeps happening, tell your administrator (it has been logged).';
  }
  return sentence(errorMessage(error));
}
