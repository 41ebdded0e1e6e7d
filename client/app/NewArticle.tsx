import { useState } from 'react';
import { NewArticleDialog } from './import/NewArticleDialog';
import { articlePath, navigate } from '../ui/routing';

/**
 * "New article": a button that opens the dialog (client/app/import/). An
 * imported source opens in the editor; an empty article joins the list.
 */
export function NewArticle({ onCreated, onUnauthenticated }: { onCreated(article: { id: string; title: string }): void; onUnauthenticated(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button primary" data-testid="new-article" onClick={() => setOpen(true)}>
        New article
      </button>
      {open && (
        // Mounted only while open, so every opening starts from an empty form.
        <NewArticleDialog
          onClose={() => setOpen(false)}
          onCreated={(article) => {
            setOpen(false);
            onCreated(article);
          }}
          onImported={(id) => navigate(articlePath(id))}
          onUnauthenticated={onUnauthenticated}
        />
      )}
    </>
  );
}
