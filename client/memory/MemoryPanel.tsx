/**
 * The article against the memory, from the editor's header: its analysis by
 * match band (as CAT tools give it before work starts) and pre-translation,
 * which fills every untranslated segment whose best match reaches the chosen
 * score, as draft, for everyone at once.
 */
import { useEffect, useState } from 'react';
import type { AnalysisBand, ArticleAnalysis } from '../../shared/protocol/memory-api';
import { errorMessage } from '../api/http';
import { analyzeArticle, pretranslateArticle } from './memory-api';

const BAND_LABEL: Record<AnalysisBand, string> = {
  '101': '101 % (in context)',
  repetitions: 'Repetitions',
  '100': '100 %',
  '95-99': '95–99 %',
  '85-94': '85–94 %',
  '75-84': '75–84 %',
  none: 'No match',
};

const THRESHOLDS = [101, 100, 95, 85, 75];

export function MemoryPanel({ articleId, canFill, onClose, notify }: { articleId: string; canFill: boolean; onClose(): void; notify(message: string): void }) {
  const [analysis, setAnalysis] = useState<ArticleAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [threshold, setThreshold] = useState(100);
  const [filling, setFilling] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    analyzeArticle(articleId, controller.signal).then(
      (answer) => (setAnalysis(answer), setError(null)),
      (failure: unknown) => controller.signal.aborted || setError(errorMessage(failure)),
    );
    return () => controller.abort();
  }, [articleId, version]);

  const fill = () => {
    setFilling(true);
    pretranslateArticle(articleId, { threshold })
      .then(
        ({ considered, filled }) =>
          notify(
            filled === 0
              ? `No untranslated segment has a match of ${threshold} % or more.`
              : `${filled} of ${considered} untranslated segments filled from the memory, as draft.`,
          ),
        (failure: unknown) => notify(`Could not fill from the memory: ${errorMessage(failure)}`),
      )
      .finally(() => (setFilling(false), setVersion((n) => n + 1)));
  };

  return (
    <section className="memory-panel" aria-label="Translation memory" data-testid="memory-panel">
      <header>
        <h3>Translation memory</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error && <p role="status">The analysis could not be made: {error}</p>}
      {analysis ? (
        <table className="analysis" data-testid="analysis">
          <thead>
            <tr>
              <th scope="col">Match</th>
              <th scope="col">Segments</th>
              <th scope="col">Chinese characters</th>
              <th scope="col">English words (est.)</th>
            </tr>
          </thead>
          <tbody>
            {analysis.bands.map((band) => (
              <tr key={band.band} data-band={band.band}>
                <th scope="row">{BAND_LABEL[band.band]}</th>
                <td>{band.segments}</td>
                <td>{band.characters}</td>
                <td>{band.words}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{analysis.total.segments}</td>
              <td>{analysis.total.characters}</td>
              <td>{analysis.total.words}</td>
            </tr>
          </tfoot>
        </table>
      ) : (
        !error && <p>Analysing…</p>
      )}
      {canFill && (
        <div className="pretranslate">
          <label>
            Fill untranslated segments with matches of{' '}
            <select value={threshold} onChange={(event) => setThreshold(Number(event.target.value))} aria-label="Least score">
              {THRESHOLDS.map((score) => (
                <option key={score} value={score}>
                  {score === 101 ? '101 % (in context)' : `${score} % or more`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={fill} disabled={filling} data-testid="pretranslate">
            {filling ? 'Filling…' : 'Fill from memory'}
          </button>
        </div>
      )}
    </section>
  );
}
