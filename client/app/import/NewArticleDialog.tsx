import { useId, useState, type DragEvent } from 'react';
import { ImportPreview } from './ImportPreview';
import { Modal } from '../../ui/Modal';
import { SourceField } from './SourceField';
import { FORMAT_CHOICES, FORMAT_NAMES, type FormatChoice } from './source-input';
import { useNewArticle, type NewArticleCallbacks } from './use-new-article';

/**
 * "New article": a title, and optionally a Chinese source to import (pasted,
 * chosen or dropped) with the server's preview of its segments. Without a
 * source it creates an empty article, as before.
 */
export function NewArticleDialog({ onClose, ...callbacks }: NewArticleCallbacks & { onClose(): void }) {
  const id = useId();
  const model = useNewArticle(callbacks);
  const [dragging, setDragging] = useState(false);
  const { preview } = model;
  const detected = model.format === 'auto' && preview.status === 'ready' && preview.preview ? FORMAT_NAMES[preview.preview.format] : null;

  const acceptsDrag = (event: DragEvent) => ['Files', 'text/html', 'text/plain'].some((type) => event.dataTransfer.types.includes(type));

  return (
    <Modal labelledBy={`${id}-heading`} busy={model.busy} onCancel={onClose} className="new-article-dialog" testId="new-article-dialog">
      <form
        className="new-article"
        data-testid="new-article-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.submit();
        }}
        onDragOver={(event) => {
          if (!acceptsDrag(event) || model.busy) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          // Dropped anywhere on the dialog: a file dropped a little off target must not make the browser leave the page.
          event.preventDefault();
          setDragging(false);
          if (model.busy) return;
          const data = event.dataTransfer;
          const file = data.files[0];
          const html = data.getData('text/html');
          if (file) void model.chooseFile(file);
          else if (html.trim() !== '') model.paste(html, data.getData('text/plain'));
          else if (data.getData('text/plain') !== '') model.type(data.getData('text/plain'));
        }}
      >
        <header className="dialog-header">
          <h2 id={`${id}-heading`}>New article</h2>
          <p className="hint">Paste or choose the Chinese source to import it, one segment per paragraph; or leave it empty to start from nothing.</p>
        </header>
        <div className="new-article-body">
          <div className="new-article-fields">
            <div className="field">
              <label htmlFor={`${id}-title`}>Title</label>
              <input
                id={`${id}-title`}
                data-testid="new-article-title"
                autoFocus
                value={model.title}
                aria-describedby={`${id}-title-hint`}
                onChange={(event) => model.setTitle(event.target.value)}
              />
              <p className="hint" id={`${id}-title-hint`}>
                {model.hasSource ? 'The English title. Starts as the source’s; you can change it later.' : 'Needed for an empty article.'}
              </p>
            </div>
            <SourceField
              source={model.source}
              dragging={dragging}
              disabled={model.busy}
              onType={model.type}
              onPaste={model.paste}
              onFile={(file) => void model.chooseFile(file)}
              onClear={model.clear}
            />
            <div className="field">
              <label htmlFor={`${id}-format`}>Format</label>
              <select
                id={`${id}-format`}
                data-testid="import-format-choice"
                value={model.format}
                onChange={(event) => model.setFormat(event.target.value as FormatChoice)}
              >
                {FORMAT_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.value === 'auto' && detected ? `${choice.label} (${detected})` : choice.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-url`}>Source URL</label>
              <input
                id={`${id}-url`}
                type="url"
                inputMode="url"
                data-testid="import-source-url"
                placeholder="https://www.zhihu.com/question/…"
                value={model.sourceUrl}
                aria-describedby={`${id}-url-hint`}
                onChange={(event) => model.setSourceUrl(event.target.value)}
              />
              <p className="hint" id={`${id}-url-hint`}>
                Optional: where it was published, if the page does not say.
              </p>
            </div>
          </div>
          <ImportPreview state={preview} />
        </div>
        <footer className="dialog-footer">
          {model.submitError && (
            <p className="form-error" role="alert" data-testid="new-article-error">
              {model.submitError}
            </p>
          )}
          <button type="button" className="button" data-testid="new-article-cancel" onClick={onClose} disabled={model.busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="new-article-submit" disabled={!model.canSubmit}>
            {model.busy ? 'Creating…' : 'Create article'}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
