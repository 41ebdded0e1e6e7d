/**
 * Concordance: search the memory for a word or phrase on either side, with
 * the hits highlighted and a link to the article each unit came from. Opened
 * with Ctrl+K; it starts from the text selected in the editor.
 */
import { useEffect, useRef, useState } from 'react';
import type { ConcordanceResponse, HitPart } from '../../shared/protocol/memory-api';
import { errorMessage } from '../api/http';
import { articlePath } from '../ui/routing';
import { searchMemory } from './memory-api';

function Hits({ parts, lang }: { parts: HitPart[]; lang: string }) {
  return <span lang={lang}>{parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</span>;
}

export function ConcordancePanel({ initial, onClose }: { initial: string; onClose(): void }) {
  const [text, setText] = useState(initial);
  const [side, setSide] = useState<'source' | 'target' | 'both'>('both');
  const [answer, setAnswer] = useState<ConcordanceResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const query = text.trim();
    if (query === '') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchMemory(query, side, controller.signal).then(
        (found) => (setAnswer(found), setError(null)),
        (failure: unknown) => controller.signal.aborted || setError(errorMessage(failure)),
      );
    }, 150);
    return () => (clearTimeout(timer), controller.abort());
  }, [text, side]);

  return (
    <div className="concordance-panel" role="dialog" aria-label="Search the translation memory" data-testid="concordance-panel">
      <div className="concordance-bar">
        <input
          ref={input}
          type="search"
          value={text}
          placeholder="Word or phrase, Chinese or English"
          aria-label="Search the memory for"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && onClose()}
        />
        <select value={side} aria-label="In" onChange={(event) => setSide(event.target.value as typeof side)}>
          <option value="both">both sides</option>
          <option value="source">Chinese</option>
          <option value="target">English</option>
        </select>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <p role="status">The memory could not be searched: {error}</p>}
      {answer && text.trim() !== '' && (
        <>
          <p className="concordance-count" role="status">
            {answer.total === 0
              ? 'Nothing in the memory.'
              : `${answer.total} unit${answer.total === 1 ? '' : 's'}${answer.total > answer.hits.length ? `, the newest ${answer.hits.length} shown` : ''}`}
          </p>
          <ul className="concordance-hits">
            {answer.hits.map((hit) => (
              <li key={hit.unitId} data-testid="concordance-hit">
                <Hits parts={hit.source} lang="zh" />
                <Hits parts={hit.target} lang="en" />
                <span className="match-origin">
                  {hit.origin.kind === 'article' ? (
                    <a href={articlePath(hit.origin.articleId, hit.origin.segmentId)}>{hit.origin.articleTitle || 'article'}</a>
                  ) : (
                    hit.origin.file
                  )}
                  {hit.author ? ` · ${hit.author}` : ''} · {new Date(hit.changedAt).toLocaleDateString()}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
