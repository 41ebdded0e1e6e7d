/** Reading a request body: bounded in size, JSON only where JSON is expected. */
import type { IncomingMessage } from 'node:http';
import { DuetError } from '../../shared/protocol/errors';
import { MAX_IMPORT_BYTES } from '../../shared/import/text-file';

/** The largest request body: an imported file at its limit, plus JSON's escaping. */
export const MAX_BODY_BYTES = MAX_IMPORT_BYTES * 2;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new DuetError('too_large', `the request body is over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) throw new DuetError('too_large', `the request body is over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new DuetError('bad_request', 'send the request body as application/json');
  const body = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new DuetError('bad_request', 'the request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DuetError('bad_request', 'the request body must be a JSON object');
  return value as Record<string, unknown>;
}

export function stringField(body: Record<string, unknown>, name: string, required: true): string;
export function stringField(body: Record<string, unknown>, name: string, required?: false): string | undefined;
export function stringField(body: Record<string, unknown>, name: string, required = false): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new DuetError('bad_request', `"${name}" is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new DuetError('bad_request', `"${name}" must be a string`);
  return value;
}
