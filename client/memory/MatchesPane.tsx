/**
 * The memory's matches for the segment with the caret, docked under the
 * grid, at a fixed height (the rows never move when matches arrive): up to five, each with its
 * score, its source's differences from this source, its target, and where
 * and when it was confirmed. Ctrl+1…5 (or a click) inserts one.
 */
import type { SourceDiffPart, TmMatch } from '../../shared/protocol/memory-api';
import type { MatchesState } from './use-matches';

const STATUS_LABEL: Record<TmMatch['status'], string> = { imported: 'imported', translated: 'translated', reviewed: 'reviewed', approved: 'approved' };

export const scoreLabel = (score: number): string => (score > 100 ? '101% in context' : `${score}%`);

function SourceDiff({ parts }: { parts: SourceDiffPart[] }) {
  return (
    <span className="match-source" lang="zh">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i} title="In the memory's source, not in this one">
            {part.text}
          </ins>
        ) : (
          <del key={i} title="In this source, not in the memory's">
            {part.text}
          </del>
        ),
      )}
    </span>
  );
}

function originLabel(match: TmMatch): string {
  const when = new Date(match.changedAt).toLocaleDateString();
  const who = match.author ? ` by ${match.author}` : '';
  return match.origin.kind === 'article' ? `${match.origin.articleTitle || 'an article'}${who}, ${when}` : `${match.origin.file}${who}, ${when}`;
}

export function MatchesPane({ state, canInsert, onInsert }: { state: MatchesState; canInsert: boolean; onInsert(match: TmMatch): void }) {
  // Always there, at one height: the grid above never changes size as matches come and go.
  return (
    <section className="matches-pane" aria-label="Translation memory matches" data-testid="matches-pane" aria-busy={state.loading}>
      {!state.segmentId ? (
        <p className="matches-empty">Put the caret in a segment to see the memory's matches.</p>
      ) : state.error ? (
        <p className="matches-empty" role="status">
          The memory could not be asked: {state.error}
        </p>
      ) : state.matches.length === 0 ? (
        <p className="matches-empty">{state.loading ? 'Looking in the memory…' : 'No match in the memory.'}</p>
      ) : (
        <ol className="matches">
          {state.matches.map((match, i) => (
            <li key={match.unitId} className="match" data-testid="memory-match" data-score={match.score}>
              <span className={`match-score ${match.score >= 100 ? 'exact' : ''}`}>{scoreLabel(match.score)}</span>
              <div className="match-body">
                <SourceDiff parts={match.sourceDiff} />
                <span className="match-target" lang="en">
                  {match.targetText}
                </span>
                <span className="match-origin">
                  {STATUS_LABEL[match.status]} · {originLabel(match)}
                  {match.numbersSubstituted ? ' · numbers adjusted to this source' : ''}
                  {match.usedCount > 0 ? ` · used ${match.usedCount}×` : ''}
                </span>
              </div>
              {canInsert && (
                <button
                  type="button"
                  className="match-insert"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onInsert(match)}
                  title={`Insert (Ctrl+${i + 1})`}
                >
                  <kbd>Ctrl+{i + 1}</kbd> Insert
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
