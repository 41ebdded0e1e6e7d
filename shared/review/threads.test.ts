/** Writing threads and comments: one transaction each, checked against what the document can tell. */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle } from '../article/article';
import { doc, p } from '../testing/builders';
import { readThread } from './read-threads';
import { deleteComment, editComment, openThread, removeThread, reopenThread, reply, resolveThread, setSuggestionState } from './threads';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, { segments: [{ id: 's1', source: doc(p('源。')), target: doc(p('Target.')) }] });
  return ydoc;
}

function transactions(ydoc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  ydoc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
  return origins;
}

describe('threads', () => {
  test('open, reply, resolve and reopen, each one transaction with the given origin', () => {
    const ydoc = article();
    const origins = transactions(ydoc);
    const id = openThread(ydoc, { segmentId: 's1', text: 'Is "Target" right? @translator', mentions: ['translator'], at: 10 }, 'reviewer', 'ui');
    const replyId = reply(ydoc, id, 'Yes.', 'translator', 'ui', { at: 20 });
    resolveThread(ydoc, id, 'reviewer', 'ui', 30);
    expect(readThread(ydoc, id)).toMatchObject({
      createdBy: 'reviewer',
      createdAt: 10,
      kind: 'comment',
      resolved: true,
      resolvedBy: 'reviewer',
      resolvedAt: 30,
      comments: [
        { author: 'reviewer', text: 'Is "Target" right? @translator', mentions: ['translator'], createdAt: 10, deleted: false, suggestion: null },
        { id: replyId, author: 'translator', text: 'Yes.', mentions: [], createdAt: 20 },
      ],
    });
    reopenThread(ydoc, id, 'translator', 'ui');
    expect(readThread(ydoc, id)).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
    expect(origins).toEqual(['ui', 'ui', 'ui', 'ui']);
  });

  test('only the author edits a comment; deleting empties it and keeps its place', () => {
    const ydoc = article();
    const id = openThread(ydoc, { segmentId: 's1', text: 'First' }, 'reviewer');
    const second = reply(ydoc, id, 'Second', 'translator');
    const [first] = readThread(ydoc, id)!.comments;
    expect(() => editComment(ydoc, id, first!.id, 'Hijacked', 'translator')).toThrow(/only its author/);
    editComment(ydoc, id, first!.id, 'First, better', 'reviewer', null, { at: 99 });
    deleteComment(ydoc, id, second, 'translator');
    expect(readThread(ydoc, id)!.comments).toMatchObject([
      { text: 'First, better', editedAt: 99, deleted: false },
      { id: second, text: '', deleted: true },
    ]);
    expect(() => editComment(ydoc, id, second, 'Back', 'translator')).toThrow(/deleted/);
  });

  test('a suggestion starts open and records who applied or declined it', () => {
    const ydoc = article();
    const id = openThread(ydoc, { segmentId: 's1', side: 'target', text: 'Try this', suggestion: 'The target.' }, 'reviewer');
    const [comment] = readThread(ydoc, id)!.comments;
    expect(comment).toMatchObject({ suggestion: 'The target.', suggestionState: 'open', suggestionBy: null });
    setSuggestionState(ydoc, id, comment!.id, 'applied', 'translator');
    expect(readThread(ydoc, id)!.comments[0]).toMatchObject({ suggestionState: 'applied', suggestionBy: 'translator' });
    setSuggestionState(ydoc, id, comment!.id, 'open', 'translator');
    expect(readThread(ydoc, id)!.comments[0]).toMatchObject({ suggestionState: 'open', suggestionBy: null });
    const plain = reply(ydoc, id, 'no suggestion here', 'reviewer');
    expect(() => setSuggestionState(ydoc, id, plain, 'applied', 'translator')).toThrow(/no suggestion/);
  });

  test('bad input is refused and changes nothing', () => {
    const ydoc = article();
    const before = Y.encodeStateVector(ydoc);
    expect(() => openThread(ydoc, { segmentId: 'nope', text: 'x' }, 'reviewer')).toThrow(/unknown segment/);
    expect(() => openThread(ydoc, { segmentId: 's1', text: '  ' }, 'reviewer')).toThrow(/needs some text/);
    expect(() => openThread(ydoc, { segmentId: 's1', side: 'source', text: 'x', suggestion: 'y' }, 'reviewer')).toThrow(/target/);
    expect(() => openThread(ydoc, { segmentId: 's1', text: 'x', anchor: { start: {}, end: {} } }, 'reviewer')).toThrow(/needs a side/);
    expect(() => reply(ydoc, 'nope', 'x', 'reviewer')).toThrow(/unknown thread/);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
  });

  test('an admin may remove a thread outright', () => {
    const ydoc = article();
    const id = openThread(ydoc, { segmentId: 's1', text: 'x' }, 'reviewer');
    removeThread(ydoc, id);
    expect(readThread(ydoc, id)).toBeNull();
  });
});
