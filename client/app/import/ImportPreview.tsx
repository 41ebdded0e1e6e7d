import { useId } from 'react';
import type { PreviewSegment } from '../../../shared/import/import-source';
import { FORMAT_NAMES, figureImage, segmentCount, segmentKind } from './source-input';
import type { PreviewState } from './use-new-article';

/** Enough to check an import by eye; a longer source is previewed in full by its count. */
const SHOWN_SEGMENTS = 300;

/** What the import will create: the detected format, the source's metadata and every segment, before anything is stored. */
export function ImportPreview({ state }: { state: PreviewState }) {
  const headingId = useId();
  const { status, preview, error } = state;
  const segments = preview?.segments ?? [];
  return (
    <section
      className="import-preview"
      aria-labelledby={headingId}
      aria-busy={status === 'loading' || status === 'reading'}
      data-testid="import-preview"
      data-state={status}
    >
      <h3 id={headingId}>Preview</h3>
      {status === 'idle' && <p className="hint">Paste a page or choose a file to see its segments here before anything is created.</p>}
      {status === 'reading' && <p className="hint">Reading the file…</p>}
      {status === 'loading' && !preview && <p className="hint">Reading the source…</p>}
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {preview && (
        <div className={status === 'loading' ? 'import-result is-stale' : 'import-result'}>
          <dl className="import-meta">
            <dt>Format</dt>
            <dd data-testid="import-format">{FORMAT_NAMES[preview.format] ?? preview.format}</dd>
            {preview.meta.sourceTitle && (
              <>
                <dt>Source title</dt>
                <dd lang="zh-Hans" data-testid="import-source-title">
                  {preview.meta.sourceTitle}
                </dd>
              </>
            )}
            {preview.meta.sourceAuthor && (
              <>
                <dt>Author</dt>
                <dd lang="zh-Hans">{preview.meta.sourceAuthor}</dd>
              </>
            )}
            {preview.meta.sourceDate && (
              <>
                <dt>Published</dt>
                <dd>{preview.meta.sourceDate}</dd>
              </>
            )}
            {preview.meta.sourceUrl && (
              <>
                <dt>Address</dt>
                <dd className="import-url">{preview.meta.sourceUrl}</dd>
              </>
            )}
          </dl>
          <p className="import-count" role="status">
            <strong data-testid="import-count">{segmentCount(segments.length)}</strong>
            {status === 'loading' && <span className="hint"> · updating…</span>}
          </p>
          <ol className="import-segments" aria-label="Segments" data-testid="import-segments">
            {segments.slice(0, SHOWN_SEGMENTS).map((segment, index) => (
              <SegmentItem key={index} segment={segment} />
            ))}
          </ol>
          {segments.length > SHOWN_SEGMENTS && <p className="hint">…and {segments.length - SHOWN_SEGMENTS} more.</p>}
        </div>
      )}
    </section>
  );
}

function SegmentItem({ segment }: { segment: PreviewSegment }) {
  const image = figureImage(segment);
  return (
    <li className={`import-segment kind-${segment.type}`} data-testid="import-segment" data-type={segment.type}>
      <span className="import-segment-kind" data-testid="import-segment-kind">
        {segmentKind(segment)}
      </span>
      {image !== null ? (
        <div className="import-segment-body">
          {/* The address as text: the preview loads nothing from the source's servers. */}
          <div className="import-figure-src" data-testid="import-figure-src">
            {image}
          </div>
          <div className="import-segment-text" lang="zh-Hans" data-testid="import-segment-text">
            {segment.text || <span className="hint">No caption</span>}
          </div>
        </div>
      ) : segment.type === 'horizontal_rule' ? (
        <div className="import-segment-body import-rule" aria-hidden="true" />
      ) : (
        <div
          className={`import-segment-body import-segment-text${segment.type === 'raw_block' ? ' is-code' : ''}`}
          lang="zh-Hans"
          data-testid="import-segment-text"
        >
          {segment.text}
        </div>
      )}
    </li>
  );
}
