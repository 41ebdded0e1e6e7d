/**
 * Find in both columns. It searches the model, not the page, so it reaches
 * rows that are not mounted; choosing a hit scrolls to it and focuses it.
 */
import { useMemo, useState } from 'react';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema/schema';
import type { SegmentRowModel } from './use-segments';

interface Hit {
  id: string;
  index: number;
  side: 'source' | 'target';
  excerpt: string;
}

const MAX_HITS = 200;

function textOf(fragment: SegmentRowModel['source']): string {
  return yXmlFragmentToProseMirrorRootNode(fragment, schema).textContent;
}

export function search(rows: SegmentRowModel[], query: string): Hit[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [];
  const hits: Hit[] = [];
  rows.forEach((row, index) => {
    for (const side of ['source', 'target'] as const) {
      if (hits.length >= MAX_HITS) return;
      const text = textOf(row[side]);
      const at = text.toLocaleLowerCase().indexOf(needle);
      if (at >= 0) hits.push({ id: row.id, index, side, excerpt: text.slice(Math.max(0, at - 30), at + needle.length + 30) });
    }
  });
  return hits;
}

export function SearchPanel({ rows, onClose, onGo }: { rows: SegmentRowModel[]; onClose(): void; onGo(id: string, side: 'source' | 'target'): void }) {
  const [query, setQuery] = useState('');
  const hits = useMemo(() => search(rows, query), [rows, query]);
  return (
    <div className="search-panel" role="search" data-testid="search-panel">
      <input
        autoFocus
        type="search"
        placeholder="Search source and translation"
        aria-label="Search source and translation"
        value={query}
        data-testid="search-input"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && hits[0]) onGo(hits[0].id, hits[0].side);
          if (event.key === 'Escape') onClose();
        }}
      />
      <span className="search-count">{query ? `${hits.length}${hits.length >= MAX_HITS ? '+' : ''} found` : ''}</span>
      <button type="button" onClick={onClose} aria-label="Close search">
        ×
      </button>
      {hits.length > 0 && (
        <ol className="search-hits">
          {hits.map((hit) => (
            <li key={`${hit.id}-${hit.side}`}>
              <button type="button" data-testid="search-hit" onClick={() => onGo(hit.id, hit.side)}>
                <span className="hit-where">
                  #{hit.index + 1} {hit.side === 'source' ? '中文' : 'EN'}
                </span>{' '}
                {hit.excerpt}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
