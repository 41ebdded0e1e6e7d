/** A word diff as a reader wants it: the text once, deletions struck through, insertions underlined. */
import type { DiffPart } from '../../shared/review/diff';

export function WordDiff({ parts }: { parts: readonly DiffPart[] }) {
  if (parts.every((part) => part.kind === 'equal')) return <p className="hint">No change in the text.</p>;
  return (
    <p className="word-diff" data-testid="word-diff">
      {parts.map((part, i) =>
        part.kind === 'insert' ? <ins key={i}>{part.text}</ins> : part.kind === 'delete' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}
