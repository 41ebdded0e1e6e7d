/**
 * Bringing an article back from a CAT tool (OmegaT, memoQ, Trados): the XLIFF
 * file Duet exported, translated there, is applied to the live article by the
 * server (docs/XLIFF.md), so everyone with it open sees the new targets at once.
 * A unit changed both here and there is a conflict: the import is refused
 * whole, and the user may choose to let the file win. Every translation an
 * empty target in the file erased or left alone is listed under the summary.
 */
import { useRef, useState } from 'react';
import { XliffImportSummarySchema, type XliffImportRequest, type XliffImportSummary } from '../../shared/protocol/xliff-api';
import { importReport } from '../../shared/xliff/import-report';
import { apiRequest, ApiError, readAs } from '../api/http';
import { describeError } from '../ui/messages';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; summary: XliffImportSummary }
  | { kind: 'conflict'; message: string; content: string }
  | { kind: 'failed'; message: string };

async function importXliff(articleId: string, content: string, overwrite: boolean): Promise<XliffImportSummary> {
  const body: XliffImportRequest = { content, overwrite };
  return readAs(XliffImportSummarySchema, await apiRequest('POST', `/api/articles/${encodeURIComponent(articleId)}/xliff`, { body }), 'the XLIFF import');
}

function describeSummary({ updated, targets, statuses, unchanged, skipped }: XliffImportSummary): string {
  if (updated === 0) return `Nothing to change: the file matches the article (${unchanged} units unchanged).`;
  const parts = [`${targets} translation${targets === 1 ? '' : 's'}`, `${statuses} status${statuses === 1 ? '' : 'es'}`];
  return `Updated ${updated} segment${updated === 1 ? '' : 's'} (${parts.join(', ')}); ${unchanged} unchanged${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}.`;
}

export function XliffImport({ articleId }: { articleId: string }) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  // The report's first line is the counts, said by describeSummary in the editor's words; the rest names each erased or kept translation.
  const details = state.kind === 'done' ? importReport(state.summary).slice(1) : [];

  async function run(content: string, overwrite: boolean) {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', summary: await importXliff(articleId, content, overwrite) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') setState({ kind: 'conflict', message: error.message, content });
      else setState({ kind: 'failed', message: describeError(error) });
    }
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    if (input.current) input.current.value = ''; // the same file may be chosen again after a fix
    await run(await file.text(), false);
  }

  return (
    <section className="xliff-import" aria-label="Import from a CAT tool">
      <h3>Back from a CAT tool</h3>
      <label className="button">
        Import XLIFF…
        <input
          ref={input}
          type="file"
          accept=".xlf,.xliff,.xml,application/x-xliff+xml"
          hidden
          data-testid="import-xliff"
          disabled={state.kind === 'busy'}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </label>
      <div role="status" data-testid="xliff-import-status">
        {state.kind === 'busy' && <p className="export-note">Importing…</p>}
        {state.kind === 'done' && <p className="export-note">{describeSummary(state.summary)}</p>}
        {details.length > 0 && <pre className="export-note">{details.join('\n')}</pre>}
        {state.kind === 'failed' && <p className="form-error">Not imported: {state.message}</p>}
        {state.kind === 'conflict' && (
          <div className="form-error">
            <p>Not imported: {state.message}</p>
            <button type="button" data-testid="xliff-overwrite" onClick={() => void run(state.content, true)}>
              Import anyway (the file wins)
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
