import { useId, type ClipboardEvent } from 'react';
import { ACCEPTED_FILES, formatSize, type SourceInput } from './source-input';

export interface SourceFieldProps {
  source: SourceInput | null;
  /** Something is being dragged over the dialog. */
  dragging: boolean;
  disabled: boolean;
  onType(text: string): void;
  onPaste(html: string, text: string): void;
  onFile(file: File): void;
  onClear(): void;
}

/**
 * Where the source comes in: a paste area that keeps the clipboard's HTML
 * (as a string for the server, never put into the page), a file picker, and
 * the dialog as a drop zone (see NewArticleDialog).
 */
export function SourceField({ source, dragging, disabled, onType, onPaste, onFile, onClear }: SourceFieldProps) {
  const id = useId();
  const handlePaste = (event: ClipboardEvent<HTMLElement>) => {
    const data = event.clipboardData;
    const file = data.files[0];
    const html = data.getData('text/html');
    if (file) {
      event.preventDefault();
      onFile(file);
    } else if (html.trim() !== '') {
      // A web page's copy: its markup carries the headings, figures and links that plain text loses.
      event.preventDefault();
      onPaste(html, data.getData('text/plain'));
    }
    // Plain text only: the textarea takes it as typing.
  };

  return (
    <fieldset className={`import-source${dragging ? ' is-dragging' : ''}`} data-testid="import-source" disabled={disabled}>
      <legend>Source</legend>
      {source?.kind === 'pasted' || source?.kind === 'file' ? (
        <div className="import-source-summary" data-testid="import-source-summary" tabIndex={0} onPaste={handlePaste}>
          <span>
            {source.kind === 'pasted' ? (
              <>
                Pasted from a web page <span className="hint">({formatSize(source.size)} of HTML)</span>
              </>
            ) : (
              <>
                <strong className="file-name">{source.name}</strong> <span className="hint">({formatSize(source.size)})</span>
              </>
            )}
          </span>
          <button type="button" className="button link" data-testid="import-source-clear" onClick={onClear}>
            {source.kind === 'pasted' ? 'Clear' : 'Remove'}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-paste`}>Paste the Chinese source</label>
          <textarea
            id={`${id}-paste`}
            className="import-paste"
            data-testid="import-paste"
            lang="zh-Hans"
            rows={6}
            value={source?.kind === 'typed' ? source.text : ''}
            placeholder="Copy an answer on Zhihu, a WeChat article or any web page and paste it here, or paste Markdown or text."
            onPaste={handlePaste}
            onChange={(event) => onType(event.target.value)}
          />
        </>
      )}
      <div className="import-file">
        <label htmlFor={`${id}-file`}>Or choose a file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPTED_FILES}
          data-testid="import-file"
          aria-describedby={`${id}-file-hint`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            // Choosing the same file again (after fixing it) must fire again.
            event.target.value = '';
          }}
        />
        <p className="hint" id={`${id}-file-hint`}>
          .html, .md, .txt or .docx, up to 5 MiB; or drop one here.
        </p>
      </div>
    </fieldset>
  );
}
