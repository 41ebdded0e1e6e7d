/**
 * A segment's history (GET /api/articles/:id/segments/:segmentId/history):
 * status changes and versions of its translation, newest first, each with
 * who and when; pick two versions to see what changed between them, word by
 * word (diffText, shared/review/diff.ts).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { diffText } from '../../shared/review/diff';
import { getSegmentHistory, type SegmentHistory } from '../api/api';
import { describeError } from '../ui/messages';
import { formatExactTime, formatLastActivity } from '../ui/time';
import { WordDiff } from './WordDiff';

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; history: SegmentHistory };

type Entry =
  | { kind: 'status'; at: number; by: string | null; from: string | null; to: string; key: string }
  | { kind: 'text'; at: number; by: string | null; index: number; key: string };

export function HistoryPanel({ articleId, segmentId, onClose }: { articleId: string; segmentId: string; onClose(): void }) {
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  // Indexes into history.versions (oldest first): the older and the newer version to compare.
  const [pair, setPair] = useState<{ a: number; b: number } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getSegmentHistory(articleId, segmentId, controller.signal).then(
      (history) => {
        if (controller.signal.aborted) return;
        setLoaded({ kind: 'ready', history });
        // Start with the last change: the version before the newest, and the newest.
        const n = history.versions.length;
        setPair((current) => (current && current.b < n ? current : n >= 2 ? { a: n - 2, b: n - 1 } : null));
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setLoaded({ kind: 'error', message: describeError(caught) });
      },
    );
    return () => controller.abort();
  }, [articleId, segmentId, generation]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const history = loaded.kind === 'ready' ? loaded.history : null;
  const entries = useMemo<Entry[]>(() => {
    if (!history) return [];
    const list: Entry[] = [
      ...history.statusChanges.map((change, i) => ({ kind: 'status' as const, at: change.at, by: change.by, from: change.from, to: change.to, key: `s${i}` })),
      ...history.versions.map((version, index) => ({ kind: 'text' as const, at: version.at, by: version.by, index, key: `v${index}` })),
    ];
    return list.sort((x, y) => y.at - x.at || (x.kind === y.kind ? 0 : x.kind === 'status' ? -1 : 1));
  }, [history]);

  const parts = useMemo(() => {
    if (!history || !pair) return null;
    const older = history.versions[Math.min(pair.a, pair.b)];
    const newer = history.versions[Math.max(pair.a, pair.b)];
    return older && newer ? diffText(older.markdown, newer.markdown) : null;
  }, [history, pair]);

  const pick = (which: 'a' | 'b', index: number) => setPair((current) => ({ a: current?.a ?? index, b: current?.b ?? index, [which]: index }));
  const now = new Date();

  return (
    <aside className="history-panel" data-testid="history-panel" aria-labelledby={`${id}-heading`}>
      <header>
        <h3 id={`${id}-heading`}>History of this segment</h3>
        <span>
          <button type="button" className="button link" onClick={() => setGeneration((n) => n + 1)}>
            Refresh
          </button>{' '}
          <button type="button" className="button" onClick={onClose} data-testid="history-close">
            Close
          </button>
        </span>
      </header>
      {loaded.kind === 'loading' && <p aria-busy="true">Loading the history…</p>}
      {loaded.kind === 'error' && (
        <p className="form-error" role="alert">
          Could not load the history. {loaded.message}
        </p>
      )}
      {history && entries.length === 0 && <p className="hint">Nothing has changed here yet.</p>}
      {history && entries.length > 0 && (
        <>
          <table className="history-list">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">When</th>
                <th scope="col" title="Compare this version (older)">
                  A
                </th>
                <th scope="col" title="with this version (newer)">
                  B
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.key} data-testid={entry.kind === 'status' ? 'history-status' : 'history-version'} data-author={entry.by ?? ''}>
                  <td>
                    {entry.kind === 'status'
                      ? `Status: ${entry.from ?? 'new'} → ${entry.to}`
                      : entry.by === null
                        ? `Text, version ${entry.index + 1} (before the recorded edits)`
                        : `Text, version ${entry.index + 1}`}
                  </td>
                  <td className="history-author">{entry.by ?? '—'}</td>
                  <td>
                    <time dateTime={new Date(entry.at).toISOString()} title={formatExactTime(new Date(entry.at).toISOString())}>
                      {formatLastActivity(new Date(entry.at).toISOString(), now)}
                    </time>
                  </td>
                  {entry.kind === 'text' ? (
                    <>
                      <td>
                        <input
                          type="radio"
                          name={`${id}-a`}
                          aria-label={`Compare from version ${entry.index + 1}`}
                          checked={pair?.a === entry.index}
                          onChange={() => pick('a', entry.index)}
                          data-testid="history-pick-a"
                        />
                      </td>
                      <td>
                        <input
                          type="radio"
                          name={`${id}-b`}
                          aria-label={`Compare to version ${entry.index + 1}`}
                          checked={pair?.b === entry.index}
                          onChange={() => pick('b', entry.index)}
                          data-testid="history-pick-b"
                        />
                      </td>
                    </>
                  ) : (
                    <td colSpan={2} />
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {pair && parts && (
            <section className="history-diff" aria-label="What changed">
              <h4>
                Version {Math.min(pair.a, pair.b) + 1} → version {Math.max(pair.a, pair.b) + 1}
              </h4>
              {pair.a === pair.b ? <p className="hint">Choose two different versions.</p> : <WordDiff parts={parts} />}
            </section>
          )}
          {history.versions.length < 2 && <p className="hint">One version so far: nothing to compare yet.</p>}
        </>
      )}
    </aside>
  );
}
