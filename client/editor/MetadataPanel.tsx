/**
 * Every front-matter field and Duet's own source fields, edited in place and
 * synced like the text (each field is one value in the article's Y.Doc).
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readFrontMatter, setFrontMatterValue, setMeta, removeFrontMatterKey } from '../../shared/article/article';
import { articleTypes, type JsonValue } from '../../shared/article/layout';
import { EDITOR_ORIGIN } from '../editing/origins';

const DUET_FIELDS = [
  ['sourceUrl', 'Source URL'],
  ['sourceTitle', 'Source title'],
  ['slug', 'Slug'],
] as const;

/** Lists are edited as comma-separated text; everything else as its text. */
const toText = (value: JsonValue): string => (Array.isArray(value) ? value.join(', ') : value == null ? '' : String(value));
const fromText = (text: string, previous: JsonValue): JsonValue =>
  Array.isArray(previous)
    ? text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : typeof previous === 'number' && /^-?\d+(\.\d+)?$/.test(text)
      ? Number(text)
      : text;

export function MetadataPanel({ doc, editable, onClose }: { doc: Y.Doc; editable: boolean; onClose(): void }) {
  const [, setVersion] = useState(0);
  const [newKey, setNewKey] = useState('');
  useEffect(() => {
    const { frontMatter, frontMatterOrder, meta } = articleTypes(doc);
    const bump = () => setVersion((version) => version + 1);
    frontMatter.observe(bump);
    frontMatterOrder.observe(bump);
    meta.observe(bump);
    return () => {
      frontMatter.unobserve(bump);
      frontMatterOrder.unobserve(bump);
      meta.unobserve(bump);
    };
  }, [doc]);
  const entries = readFrontMatter(doc);
  const meta = articleTypes(doc).meta;
  return (
    <aside className="metadata-panel" data-testid="metadata-panel" aria-label="Article metadata">
      <header>
        <h3>Front matter</h3>
        <button type="button" onClick={onClose} aria-label="Close metadata">
          ×
        </button>
      </header>
      {entries.map(({ key, value }) => (
        <label key={key} className="meta-field">
          <span>{key}</span>
          <Field
            value={toText(value)}
            disabled={!editable}
            multiline={key === 'blurb'}
            testId={`front-matter-${key}`}
            onCommit={(text) => setFrontMatterValue(doc, key, fromText(text, value), EDITOR_ORIGIN)}
          />
          {editable && (
            <button type="button" className="remove-key" aria-label={`Remove ${key}`} onClick={() => removeFrontMatterKey(doc, key, EDITOR_ORIGIN)}>
              ×
            </button>
          )}
        </label>
      ))}
      {editable && (
        <form
          className="meta-add"
          onSubmit={(event) => {
            event.preventDefault();
            const key = newKey.trim();
            if (key && !entries.some((entry) => entry.key === key)) setFrontMatterValue(doc, key, '', EDITOR_ORIGIN);
            setNewKey('');
          }}
        >
          <input value={newKey} placeholder="new key" aria-label="New front-matter key" onChange={(event) => setNewKey(event.target.value)} />
          <button type="submit">Add</button>
        </form>
      )}
      <h3>Source</h3>
      {DUET_FIELDS.map(([key, label]) => (
        <label key={key} className="meta-field">
          <span>{label}</span>
          <Field
            value={String(meta.get(key) ?? '')}
            disabled={!editable}
            testId={`meta-${key}`}
            onCommit={(text) => setMeta(doc, key, text || null, EDITOR_ORIGIN)}
          />
        </label>
      ))}
    </aside>
  );
}

/** A text field that shows remote changes unless the person is typing in it, and commits on blur or Enter. */
function Field({
  value,
  disabled,
  multiline = false,
  testId,
  onCommit,
}: {
  value: string;
  disabled: boolean;
  multiline?: boolean;
  testId: string;
  onCommit(text: string): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const common = {
    value: draft ?? value,
    disabled,
    'data-testid': testId,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
  };
  return multiline ? <textarea {...common} rows={3} /> : <input {...common} onKeyDown={(event) => event.key === 'Enter' && commit()} />;
}
