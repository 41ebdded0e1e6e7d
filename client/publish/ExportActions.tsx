/**
 * Taking the article out of Duet by hand: the Markdown file (as the server
 * exports it), the Markdown on the clipboard, the bilingual review copy and
 * the XLIFF file for CAT tools.
 */
import { useEffect, useState } from 'react';

const api = (articleId: string, rest: string) => `/api/articles/${encodeURIComponent(articleId)}/${rest}`;

/** Clipboard API where the page may use it; the selection and execCommand where it may not (plain http). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  if (!done) throw new Error('the browser refused to copy');
}

export function ExportActions({ articleId, markdown, fileName, saved }: { articleId: string; markdown: string; fileName: string; saved: boolean }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 4000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <section className="export-actions" aria-label="Export">
      <h3>Export</h3>
      <div className="export-buttons">
        <a className="button" href={api(articleId, 'export')} download={fileName} data-testid="download-markdown">
          Download .md
        </a>
        <button
          type="button"
          data-testid="copy-markdown"
          onClick={() =>
            copyText(markdown).then(
              () => setCopied('copied'),
              () => setCopied('failed'),
            )
          }
        >
          Copy Markdown
        </button>
        <a className="button" href={api(articleId, 'bilingual')} download data-testid="download-bilingual">
          Bilingual copy (HTML)
        </a>
        <a className="button" href={api(articleId, 'bilingual?format=md')} download data-testid="download-bilingual-md">
          Bilingual copy (Markdown)
        </a>
        <a className="button" href={api(articleId, 'xliff')} download data-testid="download-xliff">
          XLIFF 1.2
        </a>
      </div>
      {copied !== 'idle' && (
        <p className="export-note" role="status" data-testid="copy-status">
          {copied === 'copied' ? 'The Markdown is on the clipboard.' : 'Could not copy: select the Markdown text and copy it yourself.'}
        </p>
      )}
      {!saved && <p className="export-note">Downloads come from the server: your last changes are still on their way there.</p>}
    </section>
  );
}
