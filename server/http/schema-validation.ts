/**
 * Fastify checks request bodies, parameters and queries against the routes'
 * valibot schemas (shared/protocol) with these compilers. A request that does
 * not fit is refused with the API's error shape and a message naming the
 * field: `"content" is required`, `"dryRun" must be true or false`; a list
 * over its documented length is `too_large` (413) like every other limit.
 * A schema's own message, where it has one, wins.
 *
 * Answers are not checked at run time: the type provider
 * (server/routing/valibot-type-provider.ts) makes every handler return what
 * its response schema says, and JSON.stringify writes all of it (no field is
 * dropped, as a serializer built from the schema could).
 */
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import * as v from 'valibot';
import { DuetError } from '../../shared/protocol/errors';

const TOO_LARGE = new Set(['max_length', 'max_size', 'max_entries', 'max_bytes', 'max_graphemes', 'max_words']);

const EXPECTED: Record<string, string> = {
  string: 'must be a string',
  boolean: 'must be true or false',
  number: 'must be a number',
  array: 'must be a list',
  object: 'must be an object',
  regex: 'is not in the expected form',
};

/**
 * Stands for "the schema gave no message": the message is made once the
 * whole path is known (valibot adds the outer keys after the inner schema
 * has written its issue).
 */
const UNSET = '\u0000';

/** The message for an issue whose schema gave none. */
function defaultMessage(issue: v.BaseIssue<unknown>): string {
  const field = v.getDotPath(issue);
  if (field === null) {
    return issue.input === null || issue.input === undefined
      ? 'send the request body as a JSON object (application/json)'
      : 'the request body must be a JSON object';
  }
  // An object's missing key: the issue's input is the absent value.
  if (issue.kind === 'schema' && issue.input === undefined) return `"${field}" is required`;
  if (issue.type === 'picklist' || issue.type === 'literal') return `"${field}" must be ${issue.expected?.replace(/ \| /g, ' or ')}`;
  return `"${field}" ${EXPECTED[issue.type] ?? `is not valid (expected ${issue.expected})`}`;
}

export const validatorCompiler: FastifySchemaCompiler<v.GenericSchema> =
  ({ schema, httpPart }) =>
  (data) => {
    // valibot reads an array as an object with no keys; a body that is one is the wrong thing altogether.
    if (httpPart === 'body' && Array.isArray(data)) return { error: new DuetError('bad_request', 'the request body must be a JSON object') };
    const result = v.safeParse(schema, data, { message: () => UNSET });
    if (result.success) return { value: result.output };
    const issue = result.issues[0];
    const message = issue.message === UNSET ? defaultMessage(issue) : issue.message;
    return { error: new DuetError(TOO_LARGE.has(issue.type) ? 'too_large' : 'bad_request', message) };
  };

export const serializerCompiler: FastifySerializerCompiler<v.GenericSchema> = () => (data) => JSON.stringify(data);
