/**
 * The review rules enforced over real websockets: a real server on port 0, a
 * real SQLite folder, y-websocket providers. Every role tries every status
 * transition, and forged updates (a comment in someone else's name, a
 * reviewer's text edit, a translator's approval, a send-back without its
 * comment, a viewer's comment, a translator's assignment) are refused:
 * nothing stored, nothing relayed. The legitimate versions are accepted.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readArticle, segmentIds, setStatus, sideFragment } from '../../shared/article/article';
import { articleTypes, COMMENT, THREAD } from '../../shared/article/layout';
import { SEGMENT_STATUSES, type SegmentStatus } from '../../shared/article/status';
import { ROLES, type Role } from '../../shared/protocol/roles';
import { anchorForRange } from '../../shared/review/anchors';
import { assignSegments, readAssignment } from '../../shared/review/assignments';
import { readThreads } from '../../shared/review/read-threads';
import { sendBack } from '../../shared/review/send-back';
import { deleteComment, openThread, reply, setSuggestionState } from '../../shared/review/threads';
import { may } from '../../shared/permissions/permissions';
import { loadArticleDoc } from '../articles/article-service';
import { ClientPool, type ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
const pool = new ClientPool(() => server);
afterEach(() => pool.destroyAll());
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// Settle the opening exchange first: the server answers the client's own sync step 2 with SAVED (or, to a viewer, a denial after the one on joining).
const connect = (role: Role, articleId: string): Promise<ProtocolClient> =>
  pool.connect(role, articleId, (client) => client.synced && (role === 'viewer' ? client.denials.length >= 2 : client.savedMessages > 0));

/**
 * Make `change` as `role` from a fresh connection; whether the server saved or
 * refused it. Waits for the server's answer to this update (a new SAVED or a
 * denial), not for the client's clock: a deletion does not advance it.
 */
async function attempt(role: Role, articleId: string, change: (doc: Y.Doc) => void): Promise<'saved' | 'refused'> {
  const client = await connect(role, articleId);
  const denials = client.denials.length;
  const saved = client.saved;
  client.doc.transact(() => change(client.doc), 'test');
  await waitFor(() => client.denials.length > denials || (client.saved !== saved && client.allSaved), 10_000, `the server to answer ${role}`);
  return client.denials.length > denials ? 'refused' : 'saved';
}

const storedDoc = (articleId: string) => loadArticleDoc(server.running.store, articleId);
const statuses = (doc: Y.Doc) => readArticle(doc).segments.map((segment) => segment.status);

/** An article with `count` segments, statuses set by an admin on the server's side. */
function articleWith(statusesWanted: SegmentStatus[]): { id: string; segments: string[] } {
  const id = server.importArticle(statusesWanted.map((_, i) => `Paragraph number ${i + 1}.`).join('\n\n') + '\n');
  let segments: string[] = [];
  server.running.collab.changeArticle(id, { name: 'admin', role: 'admin' }, (doc, origin) => {
    segments = segmentIds(doc);
    statusesWanted.forEach((status, i) => setStatus(doc, segments[i]!, status, 'admin', origin));
  });
  return { id, segments };
}

describe('every role, every status transition, over the websocket', () => {
  const pairs = SEGMENT_STATUSES.flatMap((from) => SEGMENT_STATUSES.map((to) => ({ from, to })));

  for (const role of ROLES) {
    test(`${role}`, async () => {
      const { id, segments } = articleWith(pairs.map((pair) => pair.from));
      const observer = await connect('admin', id);
      const results = await Promise.all(pairs.map(({ to }, i) => attempt(role, id, (doc) => setStatus(doc, segments[i]!, to, role))));
      const expected = pairs.map(({ from, to }) => (may({ name: role, role }, 'segment.setStatus', { from, to }) ? 'saved' : 'refused'));
      expect(results).toEqual(expected);
      const want = pairs.map(({ from, to }, i) => (results[i] === 'saved' ? to : from));
      expect(statuses(storedDoc(id))).toEqual(want);
      // Nothing refused was relayed: the observer holds exactly what the store holds.
      await waitFor(() => statuses(observer.doc).join() === want.join(), 10_000, 'the observer to see the accepted changes');
      expect(Y.encodeStateVector(observer.doc)).toEqual(Y.encodeStateVector(storedDoc(id)));
    });
  }

  test('a reviewer sends back with a comment, and only with one', async () => {
    const { id, segments } = articleWith(['translated', 'reviewed', 'approved', 'translated']);
    expect(await attempt('reviewer', id, (doc) => setStatus(doc, segments[0]!, 'draft', 'reviewer'))).toBe('refused');
    for (const segment of segments.slice(0, 3))
      expect(await attempt('reviewer', id, (doc) => sendBack(doc, segment, 'The tense is off.', 'reviewer'))).toBe('saved');
    // A comment thread that is not a send-back does not count.
    expect(
      await attempt('reviewer', id, (doc) => {
        openThread(doc, { segmentId: segments[3]!, text: 'Just a remark.' }, 'reviewer');
        setStatus(doc, segments[3]!, 'draft', 'reviewer');
      }),
    ).toBe('refused');
    const doc = storedDoc(id);
    expect(statuses(doc)).toEqual(['draft', 'draft', 'draft', 'translated']);
    expect(readThreads(doc).map((thread) => [thread.kind, thread.createdBy])).toEqual([
      ['sendBack', 'reviewer'],
      ['sendBack', 'reviewer'],
      ['sendBack', 'reviewer'],
    ]);
  });
});

describe('forged review updates', () => {
  test('are refused, stored nowhere and relayed to no one; their legitimate versions are accepted', async () => {
    const { id, segments } = articleWith(['translated', 'translated', 'draft']);
    const [first, second] = segments as [string, string];
    const observer = await connect('admin', id);
    const threadIn = (doc: Y.Doc) => readThreads(doc)[0]!;

    // A reviewer comments on a range of the target, with a suggestion.
    expect(
      await attempt('reviewer', id, (doc) => {
        const { anchor, quote } = anchorForRange(doc, first, 'target', 1, 10);
        openThread(
          doc,
          { segmentId: first, side: 'target', anchor, quote, text: 'Say it shorter, @translator.', mentions: ['translator'], suggestion: 'Para 1.' },
          'reviewer',
        );
      }),
    ).toBe('saved');

    const forged: [string, Role, (doc: Y.Doc) => void][] = [
      ['a comment claiming another author', 'reviewer', (doc) => reply(doc, threadIn(doc).id, 'I agree.', 'translator')],
      ['a thread claiming another author', 'translator', (doc) => openThread(doc, { segmentId: second, text: 'Approved by me.' }, 'reviewer')],
      ['a reviewer editing target text', 'reviewer', (doc) => ((sideFragment(doc, first, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'X')],
      ['a translator approving', 'translator', (doc) => setStatus(doc, first, 'approved', 'translator')],
      ['a reviewer approving a draft', 'reviewer', (doc) => setStatus(doc, segments[2]!, 'approved', 'reviewer')],
      ['a send-back without a comment', 'reviewer', (doc) => setStatus(doc, first, 'draft', 'reviewer')],
      ['a viewer commenting', 'viewer', (doc) => reply(doc, threadIn(doc).id, 'Nice.', 'viewer')],
      ['a translator assigning', 'translator', (doc) => assignSegments(doc, [first], { translator: 'translator' })],
      [
        'a translator editing the reviewer’s comment',
        'translator',
        (doc) => (articleTypes(doc).threads.get(threadIn(doc).id)!.get(THREAD.comments) as Y.Array<Y.Map<unknown>>).get(0).set(COMMENT.text, 'Fine as it is.'),
      ],
      [
        'a translator deleting the reviewer’s comment',
        'translator',
        (doc) => deleteComment(doc, threadIn(doc).id, threadIn(doc).comments[0]!.id, 'translator'),
      ],
      [
        'a reviewer applying a suggestion',
        'reviewer',
        (doc) => setSuggestionState(doc, threadIn(doc).id, threadIn(doc).comments[0]!.id, 'applied', 'reviewer'),
      ],
      ['a translator removing a thread', 'translator', (doc) => articleTypes(doc).threads.delete(threadIn(doc).id)],
    ];
    const before = Y.encodeStateVector(storedDoc(id));
    for (const [what, role, change] of forged) expect(await attempt(role, id, change), what).toBe('refused');
    expect(Y.encodeStateVector(storedDoc(id)), 'nothing stored').toEqual(before);
    expect(Y.encodeStateVector(observer.doc), 'nothing relayed').toEqual(before);
    expect(server.logs.filter((line) => line.includes('refused an update')).length).toBeGreaterThanOrEqual(forged.length - 1); // the viewer's is dropped before judging

    // The legitimate versions.
    const legit: [string, Role, (doc: Y.Doc) => void][] = [
      ['the translator replies', 'translator', (doc) => reply(doc, threadIn(doc).id, 'Done.', 'translator')],
      [
        'the translator applies the suggestion',
        'translator',
        (doc) => setSuggestionState(doc, threadIn(doc).id, threadIn(doc).comments[0]!.id, 'applied', 'translator'),
      ],
      ['the translator marks translated', 'translator', (doc) => setStatus(doc, segments[2]!, 'translated', 'translator')],
      ['the reviewer approves', 'reviewer', (doc) => setStatus(doc, first, 'approved', 'reviewer')],
      ['the admin assigns', 'admin', (doc) => assignSegments(doc, [second], { translator: 'translator', reviewer: 'reviewer' })],
      ['the admin deletes the reviewer’s comment', 'admin', (doc) => deleteComment(doc, threadIn(doc).id, threadIn(doc).comments[0]!.id, 'admin')],
    ];
    for (const [what, role, change] of legit) expect(await attempt(role, id, change), what).toBe('saved');
    const doc = storedDoc(id);
    expect(statuses(doc)).toEqual(['approved', 'translated', 'translated']);
    expect(readAssignment(doc, second)).toEqual({ translator: 'translator', reviewer: 'reviewer' });
    expect(threadIn(doc).comments.map((comment) => [comment.author, comment.deleted, comment.suggestionState])).toEqual([
      ['reviewer', true, null],
      ['translator', false, null],
    ]);
    await waitFor(() => Y.encodeStateVector(observer.doc).join() === Y.encodeStateVector(doc).join(), 10_000, 'the observer to see the accepted changes');
  });
});
