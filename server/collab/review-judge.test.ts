/**
 * Review rules judged from real Yjs transactions (classification and
 * permission together): the status workflow for every role and transition,
 * threads and comments written as oneself, edits by authors, suggestion
 * state by those who may edit the target, assignments by admins.
 * The same rules over real websockets: review-enforcement.test.ts.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, setSide, setStatus, sideFragment } from '../../shared/article/article';
import { classifyTransaction, collectUnlessStatus, type ArticleChanges } from '../../shared/article/changes';
import { articleTypes, COMMENT, SEGMENT, THREAD } from '../../shared/article/layout';
import { SEGMENT_STATUSES } from '../../shared/article/status';
import { ROLES, type Role } from '../../shared/protocol/roles';
import { assignSegments } from '../../shared/review/assignments';
import { anchorForRange } from '../../shared/review/anchors';
import { readThreads } from '../../shared/review/read-threads';
import { sendBack } from '../../shared/review/send-back';
import { deleteComment, editComment, openThread, removeThread, reply, resolveThread, setSuggestionState } from '../../shared/review/threads';
import { may } from '../../shared/permissions/permissions';
import { doc, p } from '../../shared/testing/builders';
import { judgeArticleChanges } from './judge';

/** An article with one segment per status, s-<status>, each with a reviewer's thread holding a suggestion. */
function article(): Y.Doc {
  const ydoc = new Y.Doc({ gcFilter: collectUnlessStatus });
  createArticle(ydoc, {
    segments: SEGMENT_STATUSES.map((status) => ({ id: `s-${status}`, source: doc(p('源文。')), target: doc(p('The target.')), status })),
  });
  openThread(ydoc, { segmentId: 's-translated', side: 'target', text: 'Try this.', suggestion: 'A target.' }, 'reviewer');
  return ydoc;
}

const thread = (d: Y.Doc) => readThreads(d)[0]!;

/** Run `change` as `name` on a copy of the article; the changes its transaction made. */
function changesOf(change: (d: Y.Doc) => void, base = article()): ArticleChanges {
  const copy = new Y.Doc({ gcFilter: collectUnlessStatus });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  let changes: ArticleChanges | null = null;
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin === 'test') changes = classifyTransaction(transaction);
  });
  copy.transact(() => change(copy), 'test');
  return changes!;
}

const judge = (role: Role, change: (d: Y.Doc) => void, name: string = role) => judgeArticleChanges({ name, role }, changesOf(change), () => true);

describe('the status workflow, every role and transition', () => {
  for (const role of ROLES) {
    for (const from of SEGMENT_STATUSES) {
      test(`${role} from ${from}`, () => {
        for (const to of SEGMENT_STATUSES) {
          const plain = judge(role, (d) => setStatus(d, `s-${from}`, to, role));
          expect(plain.ok, `${role}: ${from} → ${to}`).toBe(may({ name: role, role }, 'segment.setStatus', { from, to }));
          if (to === 'draft') {
            const withComment = judge(role, (d) => sendBack(d, `s-${from}`, 'Please redo.', role));
            expect(withComment.ok, `${role}: ${from} → draft with a send-back comment`).toBe(
              may({ name: role, role }, 'segment.setStatus', { from, to, sendBackComment: true }) && role !== 'viewer',
            );
          }
        }
      });
    }
  }

  test('the reasons say what is wrong', () => {
    expect(judge('translator', (d) => setStatus(d, 's-translated', 'approved', 'translator'))).toEqual({
      ok: false,
      reason: 'a translator may not set a segment to approved',
    });
    expect(judge('reviewer', (d) => setStatus(d, 's-draft', 'approved', 'reviewer'))).toEqual({
      ok: false,
      reason: 'a reviewer may not set a draft segment to approved',
    });
    expect(judge('reviewer', (d) => setStatus(d, 's-approved', 'draft', 'reviewer'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/only with a comment/),
    });
  });

  test('a send-back comment on another segment, or an empty one, does not count', () => {
    const elsewhere = judge('reviewer', (d) => {
      openThread(d, { segmentId: 's-reviewed', text: 'Wrong row.', kind: 'sendBack' }, 'reviewer');
      setStatus(d, 's-approved', 'draft', 'reviewer');
    });
    expect(elsewhere.ok).toBe(false);
    const plainThread = judge('reviewer', (d) => {
      openThread(d, { segmentId: 's-approved', text: 'Not a send-back.' }, 'reviewer');
      setStatus(d, 's-approved', 'draft', 'reviewer');
    });
    expect(plainThread.ok).toBe(false);
  });

  test('judged from the status the writer saw, not from a concurrent write that reached the server first', () => {
    const server = article();
    const translator = new Y.Doc();
    const reviewer = new Y.Doc();
    Y.applyUpdate(translator, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(reviewer, Y.encodeStateAsUpdate(server));
    setStatus(translator, 's-translated', 'draft', 'translator'); // the translator edits on
    setStatus(reviewer, 's-translated', 'approved', 'reviewer'); // while the reviewer approves what they read
    Y.applyUpdate(server, Y.encodeStateAsUpdate(translator));
    let changes: ArticleChanges | null = null;
    server.on('afterTransaction', (transaction: Y.Transaction) => (changes = classifyTransaction(transaction)));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(reviewer));
    expect(changes!.statusWrites).toEqual([{ segmentId: 's-translated', from: 'translated', to: 'approved' }]);
    expect(judgeArticleChanges({ name: 'reviewer', role: 'reviewer' }, changes!, () => true)).toEqual({ ok: true });
  });
});

describe('threads and comments', () => {
  test('who may open, reply, resolve', () => {
    for (const role of ROLES) {
      const mayComment = role !== 'viewer';
      expect(judge(role, (d) => openThread(d, { segmentId: 's-draft', text: 'Hm.' }, role)).ok, `${role} opens`).toBe(mayComment);
      expect(judge(role, (d) => reply(d, thread(d).id, 'Yes.', role)).ok, `${role} replies`).toBe(mayComment);
      expect(judge(role, (d) => resolveThread(d, thread(d).id, role)).ok, `${role} resolves`).toBe(mayComment);
    }
  });

  test('an anchored thread is accepted; rewriting its anchor later is not', () => {
    expect(
      judge('reviewer', (d) => {
        const { anchor, quote } = anchorForRange(d, 's-draft', 'target', 1, 4);
        openThread(d, { segmentId: 's-draft', side: 'target', anchor, quote, text: 'This word.' }, 'reviewer');
      }).ok,
    ).toBe(true);
    const moved = judge('admin', (d) => articleTypes(d).threads.get(thread(d).id)!.set(THREAD.segmentId, 's-draft'));
    expect(moved).toMatchObject({ ok: false, reason: expect.stringMatching(/changed after the thread was opened/) });
  });

  test('a thread, comment or resolution claimed for someone else is refused', () => {
    expect(judge('reviewer', (d) => openThread(d, { segmentId: 's-draft', text: 'Forged.' }, 'translator'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/createdBy must be your own name/),
    });
    expect(judge('reviewer', (d) => reply(d, thread(d).id, 'Forged.', 'admin'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/author must be your own name/),
    });
    expect(judge('translator', (d) => resolveThread(d, thread(d).id, 'reviewer'))).toMatchObject({ ok: false, reason: 'resolvedBy must be your own name' });
  });

  test('only the author edits a comment; the author or an admin deletes it', () => {
    const first = (d: Y.Doc) => thread(d).comments[0]!.id;
    expect(judge('reviewer', (d) => editComment(d, thread(d).id, first(d), 'Better.', 'reviewer')).ok).toBe(true);
    // Written directly: editComment itself refuses a non-author.
    const hijack = (d: Y.Doc) =>
      (articleTypes(d).threads.get(thread(d).id)!.get(THREAD.comments) as Y.Array<Y.Map<unknown>>).get(0).set(COMMENT.text, 'Hijacked');
    expect(judge('translator', hijack)).toMatchObject({ ok: false, reason: "only its author may edit reviewer's comment" });
    expect(judge('admin', hijack).ok).toBe(false);
    expect(judge('reviewer', (d) => deleteComment(d, thread(d).id, first(d), 'reviewer')).ok).toBe(true);
    expect(judge('translator', (d) => deleteComment(d, thread(d).id, first(d), 'translator'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/author or an admin may delete/),
    });
    expect(judge('admin', (d) => deleteComment(d, thread(d).id, first(d), 'admin')).ok).toBe(true);
  });

  test('a comment author or id cannot be rewritten', () => {
    const comment = (d: Y.Doc) => (articleTypes(d).threads.get(thread(d).id)!.get(THREAD.comments) as Y.Array<Y.Map<unknown>>).get(0);
    expect(judge('reviewer', (d) => comment(d).set(COMMENT.author, 'translator')).ok).toBe(false);
    expect(judge('admin', (d) => comment(d).set(COMMENT.id, 'other')).ok).toBe(false);
  });

  test('suggestions are applied or declined by those who may edit the target', () => {
    const decide = (state: 'applied' | 'declined', as: string) => (d: Y.Doc) => setSuggestionState(d, thread(d).id, thread(d).comments[0]!.id, state, as);
    expect(judge('translator', decide('applied', 'translator')).ok).toBe(true);
    expect(judge('admin', decide('declined', 'admin')).ok).toBe(true);
    expect(judge('reviewer', decide('declined', 'reviewer'))).toEqual({ ok: false, reason: 'a reviewer may not apply or decline suggestions' });
    expect(judge('translator', decide('applied', 'admin'))).toEqual({ ok: false, reason: 'suggestionBy must be your own name' });
    // Applying is the text change and the state together.
    const apply = (d: Y.Doc) => {
      setSide(d, 's-translated', 'target', doc(p('A target.')), 'translator');
      decide('applied', 'translator')(d);
    };
    expect(judge('translator', apply).ok).toBe(true);
  });

  test('removing threads or comment entries is for admins', () => {
    expect(judge('reviewer', (d) => removeThread(d, thread(d).id))).toMatchObject({ ok: false, reason: expect.stringMatching(/may not remove threads/) });
    expect(judge('admin', (d) => removeThread(d, thread(d).id)).ok).toBe(true);
    const dropComment = (d: Y.Doc) => (articleTypes(d).threads.get(thread(d).id)!.get(THREAD.comments) as Y.Array<unknown>).delete(0, 1);
    expect(judge('reviewer', dropComment).ok).toBe(false);
    const replaceThread = (d: Y.Doc) => articleTypes(d).threads.set(thread(d).id, new Y.Map());
    expect(judge('translator', replaceThread).ok).toBe(false);
  });

  test('malformed threads are not part of an article', () => {
    expect(judge('admin', (d) => articleTypes(d).threads.set('x', new Y.Map())).ok).toBe(false);
    expect(judge('admin', (d) => articleTypes(d).threads.set('x', 'text' as unknown as Y.Map<unknown>)).ok).toBe(false);
    const extra = judge('reviewer', (d) => {
      const id = openThread(d, { segmentId: 's-draft', text: 'x' }, 'reviewer');
      articleTypes(d).threads.get(id)!.set('secret', 1);
    });
    expect(extra).toMatchObject({ ok: false, reason: expect.stringMatching(/thread field "secret"/) });
  });
});

describe('assignments', () => {
  test('only admins assign', () => {
    for (const role of ROLES) {
      expect(judge(role, (d) => assignSegments(d, ['s-draft'], { translator: 'translator', reviewer: 'reviewer' })).ok, role).toBe(role === 'admin');
    }
    expect(
      judge('admin', (d) =>
        articleTypes(d)
          .segments.get('s-draft')!
          .set(SEGMENT.assignedTranslator, 42 as unknown as string),
      ).ok,
    ).toBe(false);
  });
});

describe('what the classification tells history', () => {
  test('segments touched, and how', () => {
    const changes = changesOf((d) => {
      ((sideFragment(d, 's-draft', 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Now ');
      setStatus(d, 's-translated', 'reviewed', 'reviewer');
      assignSegments(d, ['s-approved'], { translator: 'translator' });
    });
    expect(changes.segments.get('s-draft')).toMatchObject({ targetText: true, sourceText: false });
    expect(changes.segments.get('s-approved')).toMatchObject({ assignment: true, targetText: false });
    expect(changes.statusWrites).toEqual([{ segmentId: 's-translated', from: 'translated', to: 'reviewed' }]);
    expect([...changes.kinds].sort()).toEqual(['assignment', 'status', 'targetText']);
  });

  test('new threads and comments with what they say', () => {
    const changes = changesOf((d) => {
      const id = openThread(d, { segmentId: 's-draft', text: 'Hi @translator', mentions: ['translator'] }, 'reviewer');
      reply(d, id, 'Again', 'reviewer');
    });
    expect(changes.newThreads).toMatchObject([{ segmentId: 's-draft', kind: 'comment', createdBy: 'reviewer' }]);
    expect(changes.newComments).toMatchObject([
      { author: 'reviewer', text: 'Hi @translator', mentions: ['translator'], opensThread: true },
      { author: 'reviewer', text: 'Again', opensThread: false },
    ]);
  });
});
