/**
 * One thread in full: where it is, what it quotes (and whether that text is
 * still there), its comments with authors and times, suggestions to apply or
 * decline, a reply box with @mentions, and resolve / reopen.
 */
import { useState } from 'react';
import type { CommentSnapshot, ThreadSnapshot } from '../../shared/review/read-threads';
import { mentionsIn } from '../../shared/review/mentions';
import { deleteComment, editComment, reopenThread, reply, resolveThread, setSuggestionState } from '../../shared/review/threads';
import { formatExactTime, formatLastActivity } from '../ui/time';
import { EDITOR_ORIGIN } from '../editing/origins';
import { CommentText } from './CommentText';
import { MentionInput } from './MentionInput';
import { applySuggestion } from './review-actions';
import { mayOnComment, type ReviewEnv } from './review-env';

const iso = (ms: number) => new Date(ms).toISOString();

function attempt(env: ReviewEnv, fn: () => void | Promise<void>): void {
  try {
    const result = fn();
    if (result) result.catch((error: unknown) => env.notify(error instanceof Error ? error.message : String(error)));
  } catch (error) {
    env.notify(error instanceof Error ? error.message : String(error));
  }
}

export function ThreadView({ env, thread }: { env: ReviewEnv; thread: ThreadSnapshot }) {
  const [text, setText] = useState('');
  const number = env.segmentNumber(thread.segmentId);

  const send = () => {
    if (text.trim() === '') return;
    attempt(env, () => {
      reply(env.hub.doc, thread.id, text.trim(), env.me, EDITOR_ORIGIN, { mentions: mentionsIn(text, env.members) });
      setText('');
    });
  };

  return (
    <article className={`thread-view${thread.resolved ? ' is-resolved' : ''}`} data-testid="thread-view" data-thread={thread.id}>
      <header className="thread-view-head">
        <button type="button" className="link-button" onClick={() => env.hub.setPanel({ active: null })} data-testid="thread-back">
          ← All comments
        </button>
        <span className="thread-where">
          #{number ?? '–'} {thread.side ? (thread.side === 'source' ? '中文' : 'EN') : 'pair'}
          {thread.kind === 'sendBack' && <span className="thread-kind"> · sent back</span>}
        </span>
      </header>
      {thread.anchor && (
        <blockquote className="thread-quote" data-testid="thread-quote">
          {thread.quote}
        </blockquote>
      )}
      {thread.anchorState === 'deleted' && (
        <p className="anchor-deleted" data-testid="anchor-deleted">
          The commented text was deleted.
        </p>
      )}
      {!thread.segmentExists && <p className="anchor-deleted">This segment no longer exists.</p>}
      <ol className="comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} env={env} thread={thread} comment={comment} />
        ))}
      </ol>
      {thread.resolved && (
        <p className="thread-resolved-note" data-testid="thread-resolved">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}
          {thread.resolvedAt ? ` ${formatLastActivity(iso(thread.resolvedAt))}` : ''}.
        </p>
      )}
      {env.canComment && (
        <div className="thread-reply">
          <MentionInput
            value={text}
            onChange={setText}
            onSubmit={send}
            members={env.members}
            label="Reply"
            placeholder="Reply (@ to mention someone)"
            testId="reply-input"
          />
          <div className="thread-buttons">
            <button type="button" onClick={send} disabled={text.trim() === ''} data-testid="reply-submit">
              Reply
            </button>
            {thread.resolved ? (
              <button type="button" onClick={() => attempt(env, () => reopenThread(env.hub.doc, thread.id, env.me, EDITOR_ORIGIN))} data-testid="thread-reopen">
                Reopen
              </button>
            ) : (
              <button
                type="button"
                onClick={() => attempt(env, () => resolveThread(env.hub.doc, thread.id, env.me, EDITOR_ORIGIN))}
                data-testid="thread-resolve"
              >
                Resolve
              </button>
            )}
          </div>
        </div>
      )}
    </article>
  );
}

function CommentItem({ env, thread, comment }: { env: ReviewEnv; thread: ThreadSnapshot; comment: CommentSnapshot }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const save = () => {
    if (editing === null || editing.trim() === '') return;
    attempt(env, () => {
      editComment(env.hub.doc, thread.id, comment.id, editing.trim(), env.me, EDITOR_ORIGIN, { mentions: mentionsIn(editing, env.members) });
      setEditing(null);
    });
  };

  const apply = () => {
    setBusy(true);
    attempt(env, () =>
      applySuggestion({ hub: env.hub, actor: env.me, origin: EDITOR_ORIGIN, reveal: env.reveal }, thread, comment).finally(() => setBusy(false)),
    );
  };

  return (
    <li className={`comment${comment.deleted ? ' is-deleted' : ''}`} data-testid="comment" data-author={comment.author}>
      <div className="comment-head">
        <strong className="comment-author">{comment.author}</strong>{' '}
        <time dateTime={iso(comment.createdAt)} title={formatExactTime(iso(comment.createdAt))}>
          {formatLastActivity(iso(comment.createdAt))}
        </time>
        {comment.editedAt !== null && !comment.deleted && <span className="comment-edited"> (edited)</span>}
      </div>
      {comment.deleted ? (
        <p className="comment-text comment-deleted">This comment was deleted.</p>
      ) : editing !== null ? (
        <div className="comment-edit">
          <MentionInput
            value={editing}
            onChange={setEditing}
            onSubmit={save}
            members={env.members}
            label="Edit comment"
            testId="comment-edit-input"
            autoFocus
          />
          <div className="thread-buttons">
            <button type="button" onClick={save} disabled={editing.trim() === ''} data-testid="comment-save">
              Save
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p className="comment-text" data-testid="comment-text">
          <CommentText text={comment.text} mentions={comment.mentions} />
        </p>
      )}
      {comment.suggestion !== null && !comment.deleted && (
        <div className={`suggestion suggestion-${comment.suggestionState ?? 'open'}`} data-testid="suggestion" data-state={comment.suggestionState ?? 'open'}>
          <span className="suggestion-label">Suggested:</span> {thread.quote && <del>{thread.quote}</del>} →{' '}
          <ins data-testid="suggestion-text">{comment.suggestion || '(delete)'}</ins>
          {comment.suggestionState === 'open' || comment.suggestionState === null ? (
            env.canDecideSuggestions && (
              <div className="thread-buttons">
                <button type="button" onClick={apply} disabled={busy || thread.anchorState === 'deleted'} data-testid="suggestion-apply">
                  Apply
                </button>
                <button
                  type="button"
                  onClick={() => attempt(env, () => setSuggestionState(env.hub.doc, thread.id, comment.id, 'declined', env.me, EDITOR_ORIGIN))}
                  data-testid="suggestion-decline"
                >
                  Decline
                </button>
              </div>
            )
          ) : (
            <span className="suggestion-outcome" data-testid="suggestion-outcome">
              {comment.suggestionState === 'applied' ? 'Applied' : 'Declined'}
              {comment.suggestionBy ? ` by ${comment.suggestionBy}` : ''}
            </span>
          )}
        </div>
      )}
      {!comment.deleted && editing === null && mayOnComment(env, 'comment.delete', comment) && (
        <div className="comment-tools">
          {mayOnComment(env, 'comment.edit', comment) && (
            <button type="button" className="link-button" onClick={() => setEditing(comment.text)} data-testid="comment-edit">
              Edit
            </button>
          )}
          {confirming ? (
            <>
              <span>Delete this comment?</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => attempt(env, () => deleteComment(env.hub.doc, thread.id, comment.id, env.me, EDITOR_ORIGIN))}
                data-testid="comment-delete-confirm"
              >
                Delete
              </button>{' '}
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="link-button" onClick={() => setConfirming(true)} data-testid="comment-delete">
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
}
