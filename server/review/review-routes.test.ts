/**
 * History and notifications through the real server: edits and comments over
 * websockets (y-websocket providers), read back over the HTTP API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readSegment, segmentIds, setStatus, sideFragment } from '../../shared/article/article';
import type { AppNotification, MembersResponse, NotificationsResponse, SegmentHistory } from '../../shared/protocol/api';
import type { Role } from '../../shared/protocol/roles';
import { assignSegments } from '../../shared/review/assignments';
import { diffText } from '../../shared/review/diff';
import { readThreads } from '../../shared/review/read-threads';
import { sendBack } from '../../shared/review/send-back';
import { openThread, reply } from '../../shared/review/threads';
import { ClientPool, type ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
const pool = new ClientPool(() => server);
afterEach(() => pool.destroyAll());
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const connect = (role: Role, articleId: string): Promise<ProtocolClient> => pool.connect(role, articleId);

/** Make a change and wait until the server has stored it. */
async function write(client: ProtocolClient, change: (doc: Y.Doc) => void): Promise<void> {
  change(client.doc);
  await waitFor(() => client.allSaved, 10_000, 'the change to be saved');
}

async function json<T>(role: Role, path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await server.as(role, path, init);
  return { status: response.status, body: (await response.json()) as T };
}

const text = (doc: Y.Doc, id: string) => (sideFragment(doc, id, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('history', () => {
  test('shows who changed the text and the status, with a correct diff between versions', async () => {
    const id = server.importArticle('The cat sat on the mat.\n\nUntouched.\n');
    const translator = await connect('translator', id);
    const admin = await connect('admin', id);
    const segment = segmentIds(translator.doc)[0]!;
    // The translator types (several keystrokes, one session), the admin edits, the translator confirms.
    await write(translator, (doc) => setStatus(doc, segment, 'draft', 'translator'));
    for (const [at, chars] of [
      [4, 'black '],
      [4 + 'black '.length + 'cat '.length, 'quietly '],
    ] as const) {
      for (const [i, char] of [...chars].entries()) await write(translator, (doc) => text(doc, segment).insert(at + i, char));
    }
    await waitFor(() => readSegment(admin.doc, segment).target.textContent === 'The black cat quietly sat on the mat.');
    await write(admin, (doc) => text(doc, segment).delete('The black cat quietly sat on the '.length, 'mat'.length));
    await write(admin, (doc) => text(doc, segment).insert('The black cat quietly sat on the '.length, 'rug'));
    await waitFor(() => readSegment(translator.doc, segment).target.textContent.endsWith('rug.'));
    await write(translator, (doc) => setStatus(doc, segment, 'translated', 'translator'));

    const { status, body } = await json<SegmentHistory>('viewer', `/api/articles/${id}/segments/${segment}/history`);
    expect(status).toBe(200);
    expect(body.versions.map((version) => [version.by, version.markdown])).toEqual([
      [null, 'The cat sat on the mat.'],
      ['translator', 'The black cat quietly sat on the mat.'],
      ['admin', 'The black cat quietly sat on the rug.'],
    ]);
    expect(body.statusChanges.map(({ from, to, by }) => [from, to, by])).toEqual([
      ['translated', 'draft', 'translator'],
      ['draft', 'translated', 'translator'],
    ]);
    const [baseline, mine, theirs] = body.versions;
    expect(diffText(baseline!.markdown, mine!.markdown).filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'insert', text: 'black ' },
      { kind: 'insert', text: 'quietly ' },
    ]);
    expect(diffText(mine!.markdown, theirs!.markdown).filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'mat' },
      { kind: 'insert', text: 'rug' },
    ]);
    // The untouched segment has no history.
    const other = await json<SegmentHistory>('viewer', `/api/articles/${id}/segments/${segmentIds(translator.doc)[1]}/history`);
    expect(other.body).toEqual({ segmentId: segmentIds(translator.doc)[1], statusChanges: [], versions: [] });
  });

  test('an unknown article is not found; signing in is required', async () => {
    expect((await json('viewer', '/api/articles/nope/segments/x/history')).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/articles/nope/segments/x/history`)).status).toBe(401);
  });
});

describe('the article list', () => {
  test('counts the requesting user’s assigned segments and how many are done', async () => {
    const id = server.importArticle('One.\n\nTwo.\n\nThree.\n');
    const admin = await connect('admin', id);
    const [one, two, three] = segmentIds(admin.doc) as [string, string, string];
    await write(admin, (doc) => {
      assignSegments(doc, [one, two, three], { translator: 'translator' });
      assignSegments(doc, [one, two], { reviewer: 'reviewer' });
      setStatus(doc, three, 'draft', 'admin');
      setStatus(doc, one, 'approved', 'admin');
    });
    const mine = async (role: Role) =>
      (await json<{ articles: { id: string; mine: { assigned: number; done: number } }[] }>(role, '/api/articles')).body.articles.find(
        (article) => article.id === id,
      )!.mine;
    expect(await mine('translator')).toEqual({ assigned: 3, done: 2 });
    expect(await mine('reviewer')).toEqual({ assigned: 2, done: 1 });
    expect(await mine('viewer')).toEqual({ assigned: 0, done: 0 });
  });
});

describe('members', () => {
  test('any signed-in user gets every account’s name and role', async () => {
    const { status, body } = await json<MembersResponse>('viewer', '/api/members');
    expect(status).toBe(200);
    expect(body.members).toEqual(
      expect.arrayContaining([
        { name: 'admin', role: 'admin' },
        { name: 'translator', role: 'translator' },
        { name: 'reviewer', role: 'reviewer' },
        { name: 'viewer', role: 'viewer' },
      ]),
    );
    expect((await fetch(`${server.baseUrl}/api/members`)).status).toBe(401);
  });
});

describe('notifications', () => {
  const mine = async (role: Role) => (await json<NotificationsResponse>(role, '/api/notifications')).body;
  const summary = (list: AppNotification[]) => list.map((n) => [n.kind, n.actor, n.text]);

  test('mentions, replies to my threads, and segments sent back to me; read one or all', async () => {
    const before = Object.fromEntries(
      await Promise.all((['admin', 'translator', 'reviewer', 'viewer'] as Role[]).map(async (role) => [role, (await mine(role)).notifications.length])),
    );
    const id = server.importArticle('---\ntitle: "Notified"\n---\n\nOne.\n\nTwo.\n\nThree.\n');
    const reviewer = await connect('reviewer', id);
    const translator = await connect('translator', id);
    const admin = await connect('admin', id);
    const [one, two, three] = segmentIds(admin.doc) as [string, string, string];

    await write(reviewer, (doc) =>
      openThread(doc, { segmentId: one, text: 'Is this right, @translator? cc @VIEWER', mentions: ['translator', 'viewer', 'admin'] }, 'reviewer'),
    );
    await waitFor(() => readThreads(translator.doc).length === 1);
    await write(translator, (doc) => reply(doc, readThreads(doc)[0]!.id, 'Yes, @reviewer.', 'translator', null, { mentions: ['reviewer'] }));
    await waitFor(() => readThreads(admin.doc)[0]?.comments.length === 2);
    await write(admin, (doc) => reply(doc, readThreads(doc)[0]!.id, 'Agreed.', 'admin'));
    // Sent back: to the assigned translator, else to the last who wrote the text.
    await write(admin, (doc) => assignSegments(doc, [two], { translator: 'translator' }));
    await write(translator, (doc) => text(doc, three).insert(0, 'Really '));
    await waitFor(() => readSegment(reviewer.doc, two).status === 'translated' && readSegment(reviewer.doc, three).target.textContent.startsWith('Really'));
    await write(reviewer, (doc) => sendBack(doc, two, 'Two needs work.', 'reviewer'));
    await write(reviewer, (doc) => sendBack(doc, three, 'Three too.', 'reviewer'));

    const forTranslator = await mine('translator');
    expect(summary(forTranslator.notifications.slice(0, forTranslator.notifications.length - before.translator!))).toEqual([
      ['sendBack', 'reviewer', 'Three too.'],
      ['sendBack', 'reviewer', 'Two needs work.'],
      ['reply', 'admin', 'Agreed.'],
      ['mention', 'reviewer', 'Is this right, @translator? cc @VIEWER'],
    ]);
    expect(forTranslator.notifications[0]).toMatchObject({ articleId: id, articleTitle: 'Notified', segmentId: three, read: false });
    const forReviewer = await mine('reviewer');
    // A mention in a reply is told as the mention, once.
    expect(summary(forReviewer.notifications.slice(0, forReviewer.notifications.length - before.reviewer!))).toEqual([
      ['reply', 'admin', 'Agreed.'],
      ['mention', 'translator', 'Yes, @reviewer.'],
    ]);
    // The viewer was mentioned (names ignore case); the admin was in the list but not in the text.
    expect(summary((await mine('viewer')).notifications.slice(0, 1))).toEqual([['mention', 'reviewer', 'Is this right, @translator? cc @VIEWER']]);
    expect((await mine('admin')).notifications.length).toBe(before.admin);

    // Reading.
    const unread = forTranslator.unread;
    const read = await json<{ ok: boolean; unread: number }>('translator', '/api/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [forTranslator.notifications[0]!.id] }),
    });
    expect(read.body).toEqual({ ok: true, unread: unread - 1 });
    expect((await mine('translator')).notifications[0]!.read).toBe(true);
    // Someone else's ids are ignored.
    await json('reviewer', '/api/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [forTranslator.notifications[1]!.id] }),
    });
    expect((await mine('translator')).notifications[1]!.read).toBe(false);
    const all = await json<{ unread: number }>('translator', '/api/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ all: true }),
    });
    expect(all.body.unread).toBe(0);
  });

  test('a malformed read request is refused and changes nothing', async () => {
    for (const body of [{}, { ids: 'x' }, { ids: [1] }, { all: 'yes' }]) {
      const response = await json<{ error: { code: string } }>('translator', '/api/notifications/read', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('bad_request');
    }
  });
});
