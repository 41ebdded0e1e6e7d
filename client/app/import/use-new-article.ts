/**
 * The new-article dialog's state: the source, its format and address, the
 * title, the server's preview of the segments, and creating the article.
 * The preview comes from the API (POST /api/articles/import with preview), not
 * from running shared/import in the browser: the server's limits and its
 * exact cleaning apply, and the import code stays out of the bundle.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourcePreview } from '../../../shared/protocol/article-api';
import { createArticle, importArticle, previewImport, type ImportSourceRequest } from '../../api/api';
import { ApiError } from '../../api/http';
import { describeError } from '../../ui/messages';
import { bytesToBase64, describeImportError, fileRefusal, importRequest, type FormatChoice, type SourceInput } from './source-input';

/** Typing and editing the address should not send a preview per key. */
const PREVIEW_DELAY_MS = 250;

export interface PreviewState {
  status: 'idle' | 'reading' | 'loading' | 'ready' | 'error';
  /** The last preview; kept while a newer one loads so the list does not flash. */
  preview: SourcePreview | null;
  error: string | null;
}

interface PreviewAnswer {
  request: ImportSourceRequest;
  status: 'ready' | 'error';
  preview: SourcePreview | null;
  error: string | null;
}

export interface NewArticleCallbacks {
  /** An empty article was created (no source): the list shows it. */
  onCreated(article: { id: string; title: string }): void;
  /** A source was imported: open it. */
  onImported(id: string): void;
  onUnauthenticated(): void;
}

export function useNewArticle({ onCreated, onImported, onUnauthenticated }: NewArticleCallbacks) {
  const [source, setSource] = useState<SourceInput | null>(null);
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [sourceUrl, setSourceUrl] = useState('');
  /** null until the person edits it: until then the title follows the source's. */
  const [editedTitle, setEditedTitle] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  /** The server's last answer, and the request it answers. */
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const readGeneration = useRef(0);

  const request = useMemo(() => importRequest(source, format, sourceUrl), [source, format, sourceUrl]);
  const refusal = source?.kind === 'file' ? (source.refused ?? null) : null;

  // Nothing to preview forgets the last answer: the next source loads without the old list behind it.
  // Set while rendering (React renders again at once, before the children), not in an effect: no frame shows the old list.
  if (!request && answer !== null) setAnswer(null);

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewImport(request, controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) setAnswer({ request, status: 'ready', preview: result, error: null });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && error.code === 'unauthenticated') return onUnauthenticated();
          setAnswer({ request, status: 'error', preview: null, error: describeImportError(error, fileName(request)) });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [request, onUnauthenticated]);

  // Derived, not kept: loading is "the last answer is not to this request", and keeps that answer's list meanwhile.
  const preview: PreviewState = !request
    ? { status: refusal ? 'error' : 'idle', preview: null, error: refusal }
    : answer?.request === request
      ? answer
      : { status: 'loading', preview: answer?.preview ?? null, error: null };

  const sourceTitle = preview.preview?.meta.sourceTitle ?? '';
  const title = editedTitle ?? sourceTitle;
  const previewState: PreviewState = reading ? { status: 'reading', preview: null, error: null } : preview;

  function replaceSource(next: SourceInput | null) {
    readGeneration.current++;
    setReading(false);
    setSubmitError(null);
    setSource(next);
  }

  async function chooseFile(file: File) {
    const generation = ++readGeneration.current;
    setSubmitError(null);
    const refused = fileRefusal(file);
    if (refused) return setSource({ kind: 'file', name: file.name, size: file.size, base64: '', refused });
    setReading(true);
    try {
      const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      if (generation === readGeneration.current) setSource({ kind: 'file', name: file.name, size: file.size, base64 });
    } catch {
      if (generation === readGeneration.current)
        setSource({ kind: 'file', name: file.name, size: file.size, base64: '', refused: `${file.name} could not be read` });
    } finally {
      if (generation === readGeneration.current) setReading(false);
    }
  }

  const hasSource = source !== null && !(source.kind === 'typed' && source.text.trim() === '');
  const canSubmit = !busy && (!hasSource || previewState.status === 'ready');

  async function submit() {
    if (!canSubmit) return;
    const trimmed = title.trim();
    if (!hasSource && trimmed === '') return setSubmitError('Give the article a title, or paste or choose a source to import.');
    setBusy(true);
    setSubmitError(null);
    try {
      if (hasSource && request) {
        const { id } = await importArticle({ ...request, ...(trimmed !== '' ? { title: trimmed } : {}) });
        onImported(id);
      } else {
        const { id } = await createArticle({ title: trimmed });
        onCreated({ id, title: trimmed });
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'unauthenticated') return onUnauthenticated();
      setSubmitError(hasSource ? describeImportError(caught, request ? fileName(request) : undefined) : describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return {
    source,
    format,
    sourceUrl,
    title,
    sourceTitle,
    preview: previewState,
    busy,
    canSubmit,
    hasSource,
    submitError,
    setFormat,
    setSourceUrl,
    setTitle: (value: string) => setEditedTitle(value),
    type: (text: string) => replaceSource(text === '' ? null : { kind: 'typed', text }),
    paste: (html: string, text: string) => replaceSource({ kind: 'pasted', html, text, size: new TextEncoder().encode(html).length }),
    chooseFile,
    clear: () => replaceSource(null),
    submit,
  };
}

/** The name of the file being imported; a paste's stand-in name ("the pasted page") is not one. */
const fileName = (request: ImportSourceRequest): string | undefined => (request.contentBase64 !== undefined ? request.filename : undefined);

export type NewArticleModel = ReturnType<typeof useNewArticle>;
