/**
 * The glossary over the API (docs/GLOSSARY.md). Every signed-in member reads
 * it and may download it (TBX or CSV: a glossary is meant to travel to other
 * tools); translators and admins keep it; a reviewer's new entry is proposed
 * until one of them accepts it, and a reviewer may revise or withdraw only
 * their own proposals (mayReviseEntry). Importing a file is the admins'.
 */
import * as v from 'valibot';
import { mayReviseEntry, may } from '../../shared/permissions/permissions';
import { DuetError } from '../../shared/protocol/errors';
import {
  EntryInputSchema,
  EntryParamsSchema,
  GlossaryEntrySchema,
  GlossaryExportQuerySchema,
  GlossaryImportSchema,
  GlossaryImportSummarySchema,
  GlossaryListSchema,
  GlossaryQuerySchema,
  MAX_GLOSSARY_BYTES,
  type EntryInput,
  type EntryStatus,
} from '../../shared/protocol/glossary-api';
import { EntryError, normalizeEntry, type EntryContent } from '../../shared/glossary/glossary-entry';
import type { RouteModule } from '../routing/duet-app';
import { originFileName } from '../routing/origin-file-name';
import type { Glossary } from './glossary';
import { exportGlossary, GLOSSARY_FILES, importGlossaryFile } from './glossary-files';

export interface GlossaryRouteDeps {
  glossary: Glossary;
  /** Duet's version, which an exported file names. */
  version: string;
}

const PAGE = 100;
/** A glossary file in a JSON string: markup's quotes and line breaks are escaped, so allow twice the file. */
const IMPORT_BODY_BYTES = MAX_GLOSSARY_BYTES * 2 + 4096;

function contentOf(input: EntryInput): EntryContent {
  try {
    return normalizeEntry(input);
  } catch (error) {
    if (error instanceof EntryError) throw new DuetError('invalid_input', error.message);
    throw error;
  }
}

export const glossaryRoutes =
  ({ glossary, version }: GlossaryRouteDeps): RouteModule =>
  async (app) => {
    app.get(
      '/api/glossary',
      { config: { access: 'user' }, schema: { querystring: GlossaryQuerySchema, response: { 200: GlossaryListSchema } } },
      async (request) => glossary.list({ text: request.query.q, limit: request.query.limit ?? PAGE, offset: request.query.offset ?? 0 }),
    );

    app.get('/api/glossary/export', { config: { access: 'user' }, schema: { querystring: GlossaryExportQuerySchema } }, async (request, reply) => {
      const format = request.query.format ?? 'tbx';
      const file = GLOSSARY_FILES[format];
      return reply
        .headers({ 'content-type': `${file.contentType}; charset=utf-8`, 'content-disposition': `attachment; filename="${file.fileName}"` })
        .send(exportGlossary(glossary, format, version));
    });

    app.get(
      '/api/glossary/:entryId',
      { config: { access: 'user' }, schema: { params: EntryParamsSchema, response: { 200: GlossaryEntrySchema } } },
      async (request) => {
        const entry = glossary.get(request.params.entryId);
        if (!entry) throw new DuetError('not_found', `no glossary entry with id ${request.params.entryId}`);
        return entry;
      },
    );

    app.post(
      '/api/glossary',
      { config: { access: 'glossary.propose' }, schema: { body: EntryInputSchema, response: { 201: GlossaryEntrySchema } } },
      async (request, reply) => {
        const user = request.auth!.user;
        const editor = may(user, 'glossary.edit');
        if (request.body.status === 'approved' && !editor)
          throw new DuetError('forbidden', `a ${user.role} proposes entries; a translator or an admin accepts them`);
        const status: EntryStatus = editor ? (request.body.status ?? 'approved') : 'proposed';
        return reply.code(201).send(glossary.add(contentOf(request.body), status, user.name, Date.now()));
      },
    );

    app.put(
      '/api/glossary/:entryId',
      { config: { access: 'glossary.propose' }, schema: { params: EntryParamsSchema, body: EntryInputSchema, response: { 200: GlossaryEntrySchema } } },
      async (request) => {
        const user = request.auth!.user;
        const entry = glossary.get(request.params.entryId);
        if (!entry) throw new DuetError('not_found', `no glossary entry with id ${request.params.entryId}`);
        if (!mayReviseEntry(user, entry)) throw new DuetError('forbidden', `a ${user.role} may change only their own proposed entries`);
        const status = request.body.status ?? entry.status;
        if (status === 'approved' && !may(user, 'glossary.edit')) throw new DuetError('forbidden', `a ${user.role} may not accept an entry`);
        return glossary.update(entry.id, contentOf(request.body), status, user.name, Date.now())!;
      },
    );

    app.delete(
      '/api/glossary/:entryId',
      { config: { access: 'glossary.propose' }, schema: { params: EntryParamsSchema, response: { 200: v.object({ ok: v.literal(true) }) } } },
      async (request) => {
        const user = request.auth!.user;
        const entry = glossary.get(request.params.entryId);
        if (!entry) throw new DuetError('not_found', `no glossary entry with id ${request.params.entryId}`);
        if (!mayReviseEntry(user, entry)) throw new DuetError('forbidden', `a ${user.role} may delete only their own proposed entries`);
        glossary.remove(entry.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/glossary/import',
      {
        config: { access: 'glossary.import' },
        bodyLimit: IMPORT_BODY_BYTES,
        schema: { body: GlossaryImportSchema, response: { 200: GlossaryImportSummarySchema } },
      },
      // A file the readers refuse is a DuetError (invalid_input, or too_large) naming its line, and nothing is stored.
      async (request) => importGlossaryFile(glossary, request.body.content, originFileName(request.body.fileName), request.body.format, Date.now()),
    );
  };
