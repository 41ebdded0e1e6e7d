/**
 * Every role against every kind of change, judged from real Yjs transactions
 * on a real article document (classification and permission together).
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, insertSegmentsAt, removeSegment, setFrontMatterValue, setSide, setStatus, sideFragment } from '../../shared/article/article';
import { classifyTransaction, collectUnlessStatus, type ArticleChanges } from '../../shared/article/changes';
import { sourceFingerprint } from '../../shared/article/source-fingerprint';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import type { Role } from '../../shared/protocol/roles';
import { a, doc, fig, p } from '../../shared/testing/builders';
import { insertTranslatorSegment, moveSegment, setOmitted, splitSegment } from '../../shared/article/structure';
import { judgeArticleChanges } from './judge';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    frontMatter: [{ key: 'title', value: 'T' }],
    segments: [
      { id: 's1', source: doc(p('第一段。')), target: doc(p('First.')), status: 'translated' },
      { id: 's2', source: doc(p('第二段。')), target: doc(p('Second.')), status: 'translated' },
    ],
  });
  return ydoc;
}

/** Run `change` on a copy of the article and classify the transaction it made. */
function changesOf(change: (doc: Y.Doc) => void, prepare?: (doc: Y.Doc) => void): { changes: ArticleChanges; sourceUnchanged: boolean } {
  const base = article();
  prepare?.(base);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const before = sourceFingerprint(copy);
  let changes: ArticleChanges | null = null;
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    changes = classifyTransaction(transaction);
  });
  copy.transact(() => change(copy), 'test');
  return { changes: changes!, sourceUnchanged: sourceFingerprint(copy) === before };
}

function verdict(role: Role, change: (doc: Y.Doc) => void, name = 'alice') {
  const { changes, sourceUnchanged } = changesOf(change);
  return judgeArticleChanges({ name, role }, changes, () => sourceUnchanged);
}

const typeInTarget = (d: Y.Doc) => ((sideFragment(d, 's1', 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Very ');
const typeInSource = (d: Y.Doc) => ((sideFragment(d, 's1', 'source').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '真');
const statusTo = (status: 'draft' | 'translated' | 'reviewed' | 'approved') => (d: Y.Doc) => setStatus(d, 's1', status, 'alice');
const insertNote = (d: Y.Doc) => insertSegmentsAt(d, 1, [{ target: doc(p("Translator's note.")) }]);
const editTitle = (d: Y.Doc) => setFrontMatterValue(d, 'title', 'New');
// A merge as the editor does it: move s2's source and target into s1, then remove s2.
const merge = (d: Y.Doc) => {
  setSide(d, 's1', 'source', doc(p('第一段。'), p('第二段。')), 'alice');
  setSide(d, 's1', 'target', doc(p('First.'), p('Second.')), 'alice');
  removeSegment(d, 's2');
};

const split = (d: Y.Doc) => splitSegment(d, 's1', 'source', 3, 'alice');
const omit = (d: Y.Doc) => setOmitted(d, 's2', true);
const moveSourcePastSource = (d: Y.Doc) => moveSegment(d, 's2', -1);
const moveNotePastSource = (d: Y.Doc) => moveSegment(d, insertTranslatorSegment(d, 's1', 'after'), 1);
const removeSource = (d: Y.Doc) => removeSegment(d, 's2');
const removeNote = (d: Y.Doc) => removeSegment(d, insertTranslatorSegment(d, 's1', 'after'));

const table: [string, (d: Y.Doc) => void, Record<Role, boolean>][] = [
  ['splitting a segment at a source caret (source moved, not changed)', split, { admin: true, translator: true, reviewer: false, viewer: false }],
  ['marking a source block omitted', omit, { admin: true, translator: true, reviewer: false, viewer: false }],
  ['typing in a target', typeInTarget, { admin: true, translator: true, reviewer: false, viewer: false }],
  ['typing in a source', typeInSource, { admin: true, translator: false, reviewer: false, viewer: false }],
  // A reviewer sends back only with a comment (server/collab/review-judge.test.ts covers the workflow).
  ['marking draft', statusTo('draft'), { admin: true, translator: true, reviewer: false, viewer: false }],
  ['marking translated', statusTo('translated'), { admin: true, translator: true, reviewer: false, viewer: false }],
  ['marking reviewed', statusTo('reviewed'), { admin: true, translator: false, reviewer: true, viewer: false }],
  ['approving', statusTo('approved'), { admin: true, translator: false, reviewer: true, viewer: false }],
  ["inserting a translator's segment", insertNote, { admin: true, translator: true, reviewer: false, viewer: false }],
  ['merging two segments (source moved, not changed)', merge, { admin: true, translator: true, reviewer: false, viewer: false }],
  ['editing the front matter', editTitle, { admin: true, translator: true, reviewer: false, viewer: false }],
  [
    'moving a source past another (the source reads in another order)',
    moveSourcePastSource,
    { admin: true, translator: false, reviewer: false, viewer: false },
  ],
  ["moving a translator's note past a source", moveNotePastSource, { admin: true, translator: true, reviewer: false, viewer: false }],
  ['removing a segment with a source', removeSource, { admin: true, translator: false, reviewer: false, viewer: false }],
  ["removing a translator's note", removeNote, { admin: true, translator: true, reviewer: false, viewer: false }],
];

describe('who may make which change', () => {
  for (const [name, change, expected] of table) {
    test.each(Object.entries(expected))(`${name}: %s → %s`, (role, allowed) => {
      expect(verdict(role as Role, change).ok).toBe(allowed);
    });
  }
});

describe('forged changes', () => {
  test('a new segment that arrives already approved is a status change', () => {
    const result = verdict('translator', (d) => insertSegmentsAt(d, 0, [{ target: doc(p('x')), status: 'approved' }]));
    expect(result).toEqual({ ok: false, reason: 'a translator may not set a segment to approved' });
  });

  test('a new segment carrying source text needs source permission', () => {
    const result = verdict('translator', (d) => insertSegmentsAt(d, 0, [{ source: doc(p('伪造')), target: doc(p('x')) }]));
    expect(result.ok).toBe(false);
  });

  test('a split that changes the source text is refused to a translator', () => {
    const result = verdict('translator', (d) => {
      setSide(d, 's1', 'source', doc(p('改了。')), 'alice');
      insertSegmentsAt(d, 1, [{ target: doc(p('x')) }]);
    });
    expect(result.ok).toBe(false);
  });

  test('a source added outside the reading order, then moved in, is refused at the first step', () => {
    const orphan = (d: Y.Doc) => {
      const [id] = insertSegmentsAt(d, 0, [{ id: 'forged', source: doc(p('伪造的句子。')), target: doc(p('x')) }]);
      articleTypes(d).order.delete(0, 1); // stored, but in no reading position yet
      return id;
    };
    expect(verdict('translator', (d) => void orphan(d)).ok).toBe(false);
    // Had an earlier server stored it, moving it in is refused too: the article would then show it.
    const { changes, sourceUnchanged } = changesOf(
      (d) => articleTypes(d).order.insert(0, ['s-orphan']),
      (d) => {
        insertSegmentsAt(d, 0, [{ id: 's-orphan', source: doc(p('伪造的句子。')), target: doc(p('x')) }]);
        articleTypes(d).order.delete(0, 1);
      },
    );
    expect(judgeArticleChanges({ name: 'alice', role: 'translator' }, changes, () => sourceUnchanged)).toEqual({
      ok: false,
      reason: 'a translator may not make a source text appear, change, move or vanish (split, merge and notes keep it as it reads)',
    });
  });

  test("a split that also changes a source link's address is refused to a translator", () => {
    const result = verdict('translator', (d) => {
      splitSegment(d, 's1', 'source', 3, 'alice');
      setSide(d, 's2', 'source', doc(p(a('https://evil.example/', '第二段。'))), 'alice');
    });
    expect(result.ok).toBe(false);
  });

  test("a translator's note inserted with a source image swapped in the same step is refused", () => {
    const base = (d: Y.Doc) => insertSegmentsAt(d, 2, [{ id: 's3', source: doc(fig('/media/a.png', '图')) }]);
    const { changes, sourceUnchanged } = changesOf((d) => {
      insertTranslatorSegment(d, 's1', 'after');
      (sideFragment(d, 's3', 'source').get(0) as Y.XmlElement).setAttribute('src', '/media/forged.png');
    }, base);
    expect(judgeArticleChanges({ name: 'alice', role: 'translator' }, changes, () => sourceUnchanged).ok).toBe(false);
  });

  test('changedBy must be the sender', () => {
    expect(verdict('translator', (d) => setStatus(d, 's1', 'draft', 'mallory')).ok).toBe(false);
  });

  test('an unknown status value is refused', () => {
    const result = verdict('admin', (d) => articleTypes(d).segments.get('s1')!.set(SEGMENT.status, 'published'));
    expect(result).toEqual({ ok: false, reason: 'not part of an article: status "published"' });
  });

  test('a root outside the article layout is refused', () => {
    const result = verdict('admin', (d) => d.getMap('secrets').set('x', 1));
    expect(result.ok).toBe(false);
  });

  test('replacing a side fragment is refused to a translator', () => {
    const result = verdict('translator', (d) => articleTypes(d).segments.get('s1')!.set(SEGMENT.target, new Y.XmlFragment()));
    expect(result.ok).toBe(false);
  });
});

describe('concurrent writes', () => {
  test('the sender is judged by what it wrote, even when a concurrent write wins the key', () => {
    for (const [first, second] of [
      ['reviewer', 'translator'],
      ['translator', 'reviewer'],
    ] as const) {
      // The server keeps overwritten statuses (Room's documents do): each write is judged from what its writer replaced.
      const server = new Y.Doc({ gcFilter: collectUnlessStatus });
      Y.applyUpdate(server, Y.encodeStateAsUpdate(article()));
      const translatorDoc = new Y.Doc();
      Y.applyUpdate(translatorDoc, Y.encodeStateAsUpdate(server));
      const reviewerDoc = new Y.Doc();
      Y.applyUpdate(reviewerDoc, Y.encodeStateAsUpdate(server));
      setStatus(translatorDoc, 's1', 'draft', 'translator');
      setStatus(reviewerDoc, 's1', 'approved', 'reviewer');
      const updates = { translator: Y.encodeStateAsUpdate(translatorDoc), reviewer: Y.encodeStateAsUpdate(reviewerDoc) };
      Y.applyUpdate(server, updates[first]);
      let changes: ArticleChanges | null = null;
      server.on('afterTransaction', (transaction: Y.Transaction) => {
        changes = classifyTransaction(transaction);
      });
      Y.applyUpdate(server, updates[second], 'test');
      const judged = judgeArticleChanges({ name: second, role: second }, changes!, () => true);
      expect(judged, `${second} after ${first}`).toEqual({ ok: true });
      expect(changes!.statuses).toEqual([second === 'translator' ? 'draft' : 'approved']);
    }
  });
});
