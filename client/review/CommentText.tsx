/** A comment's text with its @mentions marked, as plain text (never HTML from the document). */
import { Fragment } from 'react';

function escapeForPattern(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

export function CommentText({ text, mentions }: { text: string; mentions: readonly string[] }) {
  if (mentions.length === 0) return <>{text}</>;
  const pattern = new RegExp(
    `(@(?:${[...mentions]
      .sort((a, b) => b.length - a.length)
      .map(escapeForPattern)
      .join('|')}))`,
    'giu',
  );
  const parts = text.split(pattern);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="mention" data-testid="mention">
            {part}
          </span>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
