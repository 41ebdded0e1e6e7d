/**
 * Aligning published work from the browser (the Align page; docs/MEMORY.md
 * "Aligning published work"): propose an alignment of two files, and store
 * the rows a person corrected as memory units. Both are the admins', as
 * importing into the memory is. The server keeps nothing between the two
 * requests: the confirmation brings the files again and they are read again,
 * so what is stored is what these files say, and rows that do not fit them
 * are refused whole.
 */
import { MAX_IMPORT_BYTES } from '../../shared/import/text-file';
import { alignmentProblem } from '../../shared/memory/alignment-edit';
import { DuetError } from '../../shared/protocol/errors';
import { AlignConfirmedSchema, AlignConfirmSchema, AlignmentProposalSchema, AlignRequestSchema, type AlignFile } from '../../shared/protocol/align-api';
import { decodeBase64 } from '../routing/request-base64';
import type { RouteModule } from '../routing/duet-app';
import { alignFiles, alignmentProposal, importAlignment, type AlignedArticle } from './align-service';
import { originFileName } from '../routing/origin-file-name';
import type { TranslationMemory } from './translation-memory';

export interface AlignRouteDeps {
  memory: TranslationMemory;
}

/** Two files, each up to an import's limit, as base64 (a third larger) in JSON. */
const ALIGN_BODY_BYTES = MAX_IMPORT_BYTES * 3 + 4096;

function fileBytes(file: AlignFile, which: string): { bytes: Uint8Array; name: string } {
  // Over the import limit, the importers refuse it (shared/import/text-file.ts) with the message every import gives.
  const bytes = file.content !== undefined ? new TextEncoder().encode(file.content) : decodeBase64(file.contentBase64!, `${which}.contentBase64`);
  return { bytes, name: originFileName(file.fileName) };
}

const align = (body: { source: AlignFile; published: AlignFile }): Promise<AlignedArticle> =>
  alignFiles({ source: fileBytes(body.source, 'source'), published: fileBytes(body.published, 'published') });

export const alignRoutes =
  ({ memory }: AlignRouteDeps): RouteModule =>
  async (app) => {
    app.post(
      '/api/memory/align',
      { config: { access: 'memory.import' }, bodyLimit: ALIGN_BODY_BYTES, schema: { body: AlignRequestSchema, response: { 200: AlignmentProposalSchema } } },
      async (request) => alignmentProposal(await align(request.body)),
    );

    app.post(
      '/api/memory/align/confirm',
      { config: { access: 'memory.import' }, bodyLimit: ALIGN_BODY_BYTES, schema: { body: AlignConfirmSchema, response: { 200: AlignConfirmedSchema } } },
      async (request) => {
        const article = await align(request.body);
        const problem = alignmentProblem(request.body.rows, article.chinese.length, article.english.length);
        if (problem) throw new DuetError('invalid_input', `the rows do not align these files: ${problem}`);
        return importAlignment(memory, article, originFileName(request.body.published.fileName), Date.now(), request.body.rows);
      },
    );
  };
