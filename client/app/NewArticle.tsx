import { useId, useState, type FormEvent } from 'react';
import { createArticle } from '../api/api';
import { ApiError } from '../api/http';
import { describeError } from './messages';

/**
 * "New article": a button that opens a one-field form (the title) and creates
 * an empty article with it. Importing a file from here comes later (issue 4).
 */
export function NewArticle({
  onCreated,
  onUnauthenticated,
}: {
  onCreated(article: { id: string; title: string }): void;
  onUnauthenticated(): void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setOpen(false);
    setTitle('');
    setError(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = title.trim();
    if (busy) return;
    if (trimmed === '') return setError('Give the article a title.');
    setBusy(true);
    setError(null);
    try {
      const { id: articleId } = await createArticle({ title: trimmed });
      close();
      onCreated({ id: articleId, title: trimmed });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'unauthenticated') return onUnauthenticated();
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button primary" data-testid="new-article" onClick={() => setOpen(true)}>
        New article
      </button>
    );
  }
  return (
    <form className="new-article" data-testid="new-article-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        data-testid="new-article-title"
        autoFocus
        value={title}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      />
      <button type="submit" className="button primary" data-testid="new-article-submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create'}
      </button>
      <button type="button" className="button" onClick={close} disabled={busy}>
        Cancel
      </button>
      {error && (
        <p className="form-error" role="alert" id={`${id}-error`} data-testid="new-article-error">
          {error}
        </p>
      )}
    </form>
  );
}
