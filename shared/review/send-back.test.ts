import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readSegment, setStatus } from '../article/article';
import { doc, p } from '../testing/builders';
import { readThreads } from './read-threads';
import { sendBack } from './send-back';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    segments: [
      { id: 's1', source: doc(p('一。')), target: doc(p('One.')) },
      { id: 's2', source: doc(p('二。')), target: doc(p('Two.')) },
    ],
  });
  return ydoc;
}

test('sending back sets draft and opens a sendBack thread in one transaction', () => {
  const ydoc = article();
  setStatus(ydoc, 's1', 'translated', 'translator');
  const origins: unknown[] = [];
  ydoc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
  const id = sendBack(ydoc, 's1', 'The tense is wrong.', 'reviewer', 'ui');
  expect(origins).toEqual(['ui']);
  expect(readSegment(ydoc, 's1')).toMatchObject({ status: 'draft', changedBy: 'reviewer' });
  expect(readThreads(ydoc)).toMatchObject([{ id, segmentId: 's1', kind: 'sendBack', createdBy: 'reviewer', comments: [{ text: 'The tense is wrong.' }] }]);
});

test('a send-back without a comment changes nothing', () => {
  const ydoc = article();
  setStatus(ydoc, 's1', 'translated', 'translator');
  expect(() => sendBack(ydoc, 's1', '', 'reviewer')).toThrow(/needs some text/);
  expect(readSegment(ydoc, 's1').status).toBe('translated');
});
