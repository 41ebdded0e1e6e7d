/**
 * A new thread's first comment: on a selected range (quoted above the box)
 * or on the whole pair. On a target range the writer may add a suggested
 * replacement, which the translator can then apply with one click.
 */
import { useState } from 'react';
import { mentionsIn } from '../../shared/review/mentions';
import { openThread } from '../../shared/review/threads';
import { EDITOR_ORIGIN } from '../editing/origins';
import { MentionInput } from './MentionInput';
import type { ThreadDraft } from './review-hub';
import type { ReviewEnv } from './review-env';

export function ThreadComposer({ env, draft }: { env: ReviewEnv; draft: ThreadDraft }) {
  const [text, setText] = useState('');
  const [suggesting, setSuggesting] = useState(false);
  const [suggestion, setSuggestion] = useState(draft.quote ?? '');
  const [error, setError] = useState<string | null>(null);
  const number = env.segmentNumber(draft.segmentId);
  const canSuggest = draft.side === 'target' && draft.anchor !== undefined;

  const submit = () => {
    try {
      const id = openThread(
        env.hub.doc,
        {
          segmentId: draft.segmentId,
          side: draft.side,
          anchor: draft.anchor,
          quote: draft.quote,
          text: text.trim(),
          mentions: mentionsIn(text, env.members),
          suggestion: canSuggest && suggesting ? suggestion : undefined,
        },
        env.me,
        EDITOR_ORIGIN,
      );
      env.hub.setPanel({ draft: null, active: id });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <form
      className="thread-composer"
      data-testid="thread-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="thread-where">
        New comment on #{number ?? '?'} {draft.side ? (draft.side === 'source' ? '中文' : 'EN') : '(the whole pair)'}
      </p>
      {draft.quote !== undefined && <blockquote className="thread-quote">{draft.quote}</blockquote>}
      <MentionInput
        value={text}
        onChange={setText}
        onSubmit={submit}
        members={env.members}
        label="Comment"
        placeholder="Comment (@ to mention someone)"
        testId="comment-input"
        autoFocus
      />
      {canSuggest && (
        <label className="suggest-toggle">
          <input type="checkbox" checked={suggesting} onChange={(event) => setSuggesting(event.target.checked)} data-testid="suggest-toggle" /> Suggest a
          replacement
        </label>
      )}
      {canSuggest && suggesting && (
        <textarea
          className="suggestion-input"
          aria-label="Suggested replacement"
          value={suggestion}
          rows={2}
          onChange={(event) => setSuggestion(event.target.value)}
          data-testid="suggestion-input"
        />
      )}
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      <div className="thread-buttons">
        <button type="submit" disabled={text.trim() === ''} data-testid="comment-submit">
          Comment
        </button>
        <button type="button" onClick={() => env.hub.setPanel({ draft: null })}>
          Cancel
        </button>
      </div>
    </form>
  );
}
