/**
 * The Align page (admins; docs/MEMORY.md "Aligning published work"): a
 * Chinese source and its published English article, their blocks paired side
 * by side as the aligner proposes, for a person to correct (move a block
 * across a boundary, unpair a row, pair a row with the next) and then confirm
 * into the translation memory. Rows the aligner is unsure of are marked, so
 * the eye goes where the work is.
 */
import { useId, useRef, useState } from 'react';
import { canMoveBlock, canPairWithNext, canUnpair, type AlignmentSide } from '../../shared/memory/alignment-edit';
import type { AlignConfirmed, AlignedBlock, AlignFile } from '../../shared/protocol/align-api';
import { bytesToBase64, fileRefusal } from '../app/import/source-input';
import { ApiError } from '../api/http';
import { describeError } from '../ui/messages';
import { confirmAlignment, proposeAlignment, type AlignFiles } from './align-api';
import { useAlignmentRows, type Correction, type ProposedRow } from './use-alignment-rows';
import './align.css';

/** Below this the aligner is guessing between neighbours: the row is marked for a look. */
const UNSURE = 0.6;

type Status =
  { kind: 'idle' } | { kind: 'busy'; doing: string } | { kind: 'failed'; message: string } | { kind: 'stored'; summary: AlignConfirmed; pairs: number };

interface Blocks {
  chinese: AlignedBlock[];
  english: AlignedBlock[];
}

async function readFile(file: File): Promise<AlignFile> {
  const refused = fileRefusal(file);
  if (refused) throw new Error(refused);
  // As bytes, not decoded here, so the server's checks (not UTF-8, a Word file) see what the person chose.
  return { fileName: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}

const pairsIn = (rows: readonly ProposedRow[]) => rows.filter((row) => row.source.length > 0 && row.target.length > 0).length;

export default function AlignPage({ onUnauthenticated }: { onUnauthenticated(): void }) {
  const headingId = useId();
  const sourceInput = useRef<HTMLInputElement>(null);
  const publishedInput = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<AlignFiles | null>(null);
  const [blocks, setBlocks] = useState<Blocks | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const { rows, corrections, start, correct, undo, clear } = useAlignmentRows();

  function failed(error: unknown) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return onUnauthenticated();
    setStatus({ kind: 'failed', message: describeError(error) });
  }

  async function propose() {
    const source = sourceInput.current?.files?.[0];
    const published = publishedInput.current?.files?.[0];
    if (!source || !published) return setStatus({ kind: 'failed', message: 'Choose both the Chinese source and the published article.' });
    setStatus({ kind: 'busy', doing: 'Aligning…' });
    clear();
    setBlocks(null);
    try {
      const chosen = { source: await readFile(source), published: await readFile(published) };
      const proposal = await proposeAlignment(chosen);
      setFiles(chosen);
      setBlocks({ chinese: proposal.chinese, english: proposal.english });
      start(proposal.rows);
      setStatus({ kind: 'idle' });
    } catch (error) {
      failed(error);
    }
  }

  async function store() {
    if (!files || !rows) return;
    setStatus({ kind: 'busy', doing: 'Adding to the memory…' });
    try {
      setStatus({ kind: 'stored', summary: await confirmAlignment(files, rows), pairs: pairsIn(rows) });
    } catch (error) {
      failed(error);
    }
  }

  const busy = status.kind === 'busy';
  return (
    <section className="align-page" aria-labelledby={headingId} data-testid="align-page">
      <div className="page-heading">
        <h2 id={headingId}>Align published work</h2>
      </div>
      <p className="align-intro">
        Pair a Chinese source with its published English translation, block by block, correct what the aligner got wrong, and add the pairs to the translation
        memory: the team&apos;s earlier work is then offered while translating.
      </p>
      <div className="align-files">
        <label>
          Chinese source <span className="hint">(.html, .md, .txt or .docx)</span>
          <input ref={sourceInput} type="file" accept=".html,.htm,.xhtml,.md,.markdown,.txt,.docx" data-testid="align-source-file" disabled={busy} />
        </label>
        <label>
          Published article <span className="hint">(Markdown with front matter)</span>
          <input ref={publishedInput} type="file" accept=".md,.markdown" data-testid="align-published-file" disabled={busy} />
        </label>
        <button type="button" className="button primary" data-testid="align-propose" disabled={busy} onClick={() => void propose()}>
          Align
        </button>
      </div>
      <div role="status" className="align-status" data-testid="align-status">
        {status.kind === 'busy' && <p>{status.doing}</p>}
        {status.kind === 'failed' && <p className="form-error">{status.message}</p>}
        {status.kind === 'stored' && <p className="notice">{storedSentence(status.summary, status.pairs)}</p>}
      </div>
      {blocks && rows && (
        <>
          <AlignmentSummary blocks={blocks} rows={rows} />
          <div className="align-actions">
            <button type="button" className="button" data-testid="align-undo" disabled={busy || corrections === 0} onClick={undo}>
              Undo correction
            </button>
            <button type="button" className="button primary" data-testid="align-confirm" disabled={busy} onClick={() => void store()}>
              Add {pairsIn(rows)} pairs to the memory
            </button>
          </div>
          <AlignmentGrid blocks={blocks} rows={rows} disabled={busy} onCorrect={correct} />
        </>
      )}
    </section>
  );
}

function storedSentence(summary: AlignConfirmed, pairs: number): string {
  const parts = [`${summary.added} of ${pairs} pairs added to the memory`];
  if (summary.unchanged > 0) parts.push(`${summary.unchanged} were there already`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} left out with no text on one side`);
  if (summary.untranslated > 0) parts.push(`${summary.untranslated} left out as their English is Chinese text`);
  return `${parts.join('; ')}.`;
}

function AlignmentSummary({ blocks, rows }: { blocks: Blocks; rows: readonly ProposedRow[] }) {
  const unsure = rows.filter((row) => row.confidence !== null && row.confidence < UNSURE).length;
  const chineseOnly = rows.filter((row) => row.target.length === 0).length;
  const englishOnly = rows.filter((row) => row.source.length === 0).length;
  return (
    <p className="align-summary" data-testid="align-summary">
      {blocks.chinese.length} Chinese blocks, {blocks.english.length} English blocks: {pairsIn(rows)} pairs, {englishOnly} English only, {chineseOnly} Chinese
      only.{unsure > 0 && ` ${unsure} ${unsure === 1 ? 'row is' : 'rows are'} marked for a look: the aligner was unsure.`}
    </p>
  );
}

function AlignmentGrid({
  blocks,
  rows,
  disabled,
  onCorrect,
}: {
  blocks: Blocks;
  rows: readonly ProposedRow[];
  disabled: boolean;
  onCorrect(correction: Correction): void;
}) {
  return (
    <ol className="align-grid" aria-label="Aligned rows">
      {rows.map((row, index) => {
        const unsure = row.confidence !== null && row.confidence < UNSURE;
        const side = (name: AlignmentSide, list: readonly AlignedBlock[], lang: string) => (
          <div className={`align-side align-${name}`} lang={lang}>
            {row[name].map((block, position) => (
              <Block
                key={block}
                block={list[block]!}
                label={`${name === 'source' ? 'Chinese' : 'English'} block ${block + 1}`}
                up={position === 0 && canMoveBlock(rows, index, name, 'up') ? () => onCorrect({ kind: 'move', row: index, side: name, direction: 'up' }) : null}
                down={
                  position === row[name].length - 1 && canMoveBlock(rows, index, name, 'down')
                    ? () => onCorrect({ kind: 'move', row: index, side: name, direction: 'down' })
                    : null
                }
                disabled={disabled}
              />
            ))}
          </div>
        );
        return (
          <li
            key={`${row.source.join()}:${row.target.join()}`}
            className={`align-row${unsure ? ' unsure' : ''}`}
            data-testid="align-row"
            data-source={row.source.join(' ')}
            data-target={row.target.join(' ')}
          >
            <span className="align-number" aria-hidden="true">
              {index + 1}
            </span>
            {side('source', blocks.chinese, 'zh-Hans')}
            {side('target', blocks.english, 'en')}
            <div className="align-row-actions">
              {unsure && (
                <span className="align-unsure" title={`The aligner is ${Math.round(row.confidence! * 100)} % sure of this row`}>
                  check
                </span>
              )}
              {canUnpair(rows, index) && (
                <button
                  type="button"
                  className="button"
                  data-testid="align-unpair"
                  disabled={disabled}
                  onClick={() => onCorrect({ kind: 'unpair', row: index })}
                >
                  Unpair
                </button>
              )}
              {canPairWithNext(rows, index) && (
                <button
                  type="button"
                  className="button"
                  data-testid="align-pair-next"
                  disabled={disabled}
                  aria-label={`Pair row ${index + 1} with row ${index + 2}`}
                  onClick={() => onCorrect({ kind: 'pair', row: index })}
                >
                  Pair with next
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function Block({
  block,
  label,
  up,
  down,
  disabled,
}: {
  block: AlignedBlock;
  label: string;
  up: (() => void) | null;
  down: (() => void) | null;
  disabled: boolean;
}) {
  return (
    <div className={`align-block block-${block.type}`} data-testid="align-block">
      <span className="align-text">{block.text || '(empty)'}</span>
      <span className="align-moves">
        {up && <MoveButton direction="up" label={label} disabled={disabled} onClick={up} />}
        {down && <MoveButton direction="down" label={label} disabled={disabled} onClick={down} />}
      </span>
    </div>
  );
}

function MoveButton({ direction, label, disabled, onClick }: { direction: 'up' | 'down'; label: string; disabled: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      className="button"
      data-testid={`align-move-${direction}`}
      aria-label={`Move ${label} to the row ${direction === 'up' ? 'above' : 'below'}`}
      disabled={disabled}
      onClick={onClick}
    >
      {direction === 'up' ? '↑' : '↓'}
    </button>
  );
}
