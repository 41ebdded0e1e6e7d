/**
 * The one place the client talks HTTP to Duet's API: it adds the CSRF header
 * the server requires on cookie-authenticated changes, and turns the API's
 * `{ error: { code, message } }` envelope (shared/protocol/errors) into an
 * ApiError a component can switch on by code.
 */
import * as v from 'valibot';
import { ERROR_CODES, type ErrorCode } from '../../shared/protocol/errors';

/**
 * The server's error codes, plus two for failures that never reached our API:
 * `network` (no answer at all) and `unexpected_response` (an answer that is not
 * Duet's JSON: a proxy's error page, an HTML fallback, a crash).
 */
export type ApiErrorCode = ErrorCode | 'network' | 'unexpected_response';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** The HTTP status, or 0 when there was no response. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Sent on every unsafe request; the server refuses cookie-authenticated changes without it (server/auth/http-auth.ts). */
export const CSRF_HEADER = 'x-duet-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Method = 'GET' | 'POST';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

/** Headers for a request: JSON in and out, and the CSRF marker on anything that may change data. */
export function requestHeaders(method: Method, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) headers[CSRF_HEADER] = '1';
  return headers;
}

/** Call the API at a same-origin path and return the parsed JSON body, or throw an ApiError. */
export async function apiRequest(method: Method, path: string, options: RequestOptions = {}): Promise<unknown> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
      // Same-origin is fetch's default already; spelled out because the session cookie is the whole point.
      credentials: 'same-origin',
    });
  } catch (error) {
    // An abort is the caller's own doing, not a failure to report: let it through unchanged.
    if (options.signal?.aborted) throw error;
    throw networkError();
  }
  return readApiResponse(response);
}

/** The body of a successful API response, or the ApiError its envelope (or its absence) describes. */
export async function readApiResponse(response: Response): Promise<unknown> {
  return readApiBody(response.status, await response.text());
}

/** readApiResponse for an answer already read: its status and the text of its body. */
export function readApiBody(status: number, text: string): unknown {
  let body: unknown = null;
  let isJson = false;
  if (text !== '') {
    try {
      body = JSON.parse(text);
      isJson = true;
    } catch {
      // Not JSON: judged below, with the status in hand.
    }
  }
  if (status >= 200 && status < 300) {
    if (!isJson) throw new ApiError('unexpected_response', `The server sent something other than JSON (HTTP ${status}).`, status);
    return body;
  }
  const envelope = errorEnvelope(body);
  if (envelope) throw new ApiError(envelope.code, envelope.message, status);
  throw new ApiError('unexpected_response', `The server answered HTTP ${status} without an explanation.`, status);
}

/** No answer at all: the server is down, or this device is offline. */
export function networkError(): ApiError {
  return new ApiError('network', 'Could not reach the Duet server. Check your connection and try again.', 0);
}

function errorEnvelope(body: unknown): { code: ErrorCode; message: string } | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message } = body.error;
  if (typeof message !== 'string') return null;
  // An unknown code from a newer server is still an error with a readable message; treat it as internal.
  return { code: isErrorCode(code) ? code : 'internal', message };
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * An answer read with its shared schema (shared/protocol): the same schema the
 * server's route declares, so a renamed field fails the type check on both
 * sides, and an answer of another shape (talking to the wrong thing) is an
 * `unexpected_response` here rather than a crash later in a component.
 */
export function readAs<S extends v.GenericSchema>(schema: S, body: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  throw new ApiError('unexpected_response', `The server sent an unexpected answer for ${what}.`, 200);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, human message for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
