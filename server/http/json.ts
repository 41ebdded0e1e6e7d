/** JSON responses and errors in the API's one shape: `{ error: { code, message } }`. */
import type { ServerResponse } from 'node:http';
import { DuetError, type ErrorCode } from '../../shared/protocol/errors';

export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_input: 422,
  too_large: 413,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  too_many_requests: 429,
  internal: 500,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** JSON already serialized (kept in the store as text). */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  const known = error instanceof DuetError ? error : null;
  if (!known) log(`internal error: ${(error as Error)?.stack ?? String(error)}`);
  const body = (known ?? new DuetError('internal', 'something went wrong on the server; it has been logged')).toBody();
  if (res.headersSent) return void res.end();
  sendJson(res, STATUS_OF[body.error.code], body);
}
