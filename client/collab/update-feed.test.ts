import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { updateFeed } from './update-feed';

const SERVER = { name: 'server' };

interface Heard {
  update: Uint8Array;
  origin: unknown;
}

/** A colleague's document and one change made in it, as the server would relay it. */
function colleagueChange(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const colleague = new Y.Doc();
  Y.applyUpdate(colleague, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(colleague);
  change(colleague);
  return Y.encodeStateAsUpdate(colleague, before);
}

function setUp(unwanted?: (transaction: Y.Transaction) => boolean) {
  const doc = new Y.Doc();
  doc.getText('target').insert(0, 'Hello');
  const heard: Heard[] = [];
  const feed = updateFeed(doc, unwanted);
  feed.subscribe((update, origin) => heard.push({ update, origin }));
  const base = Y.encodeStateAsUpdate(doc);
  /** A copy of the document as it was, with everything the subscribers heard applied. */
  const replayHeard = () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, base);
    for (const entry of heard) Y.applyUpdate(copy, entry.update);
    return copy;
  };
  return { doc, heard, replayHeard, feed };
}

describe('updates from the server reach the subscribers as they arrived', () => {
  test('subscribers get the arrived bytes themselves, once, with the origin', () => {
    const { doc, heard, replayHeard, feed } = setUp();
    const update = colleagueChange(doc, (colleague) => colleague.getText('target').insert(5, ', world'));

    feed.applying(update, SERVER, () => Y.applyUpdate(doc, update, SERVER));

    expect(doc.getText('target').toString()).toBe('Hello, world');
    expect(heard).toHaveLength(1);
    expect(heard[0]!.update).toBe(update);
    expect(heard[0]!.origin).toBe(SERVER);
    // What a subscriber stores rebuilds the change elsewhere.
    expect(replayHeard().getText('target').toString()).toBe('Hello, world');
  });

  test('a change made in reaction to the server’s is encoded by Yjs and heard after it', () => {
    const { doc, heard, replayHeard, feed } = setUp();
    const status = doc.getMap('status');
    doc.getText('target').observe((event) => {
      if (event.transaction.origin === SERVER) doc.transact(() => status.set('s1', 'draft'), 'reaction');
    });
    const update = colleagueChange(doc, (colleague) => colleague.getText('target').insert(0, '> '));

    feed.applying(update, SERVER, () => Y.applyUpdate(doc, update, SERVER));

    expect(heard.map((entry) => entry.origin)).toEqual([SERVER, 'reaction']);
    expect(heard[0]!.update).toBe(update);
    const replayed = replayHeard();
    expect(replayed.getMap('status').get('s1')).toBe('draft');
    expect(replayed.getText('target').toString()).toBe('> Hello');
  });

  test('an update that changes nothing is not heard, as Yjs would not emit it', () => {
    const { doc, heard, feed } = setUp();
    const known = Y.encodeStateAsUpdate(doc);

    feed.applying(known, SERVER, () => Y.applyUpdate(doc, known, SERVER));

    expect(heard).toEqual([]);
  });

  test('subscribers hear as before once the server’s change is done, including one subscribed during it', () => {
    const { doc, heard, replayHeard, feed } = setUp();
    const late: Uint8Array[] = [];
    let subscribed = false;
    doc.getText('target').observe(() => {
      if (subscribed) return;
      subscribed = true;
      feed.subscribe((update) => late.push(update));
    });
    const update = colleagueChange(doc, (colleague) => colleague.getText('target').insert(5, '!'));

    feed.applying(update, SERVER, () => Y.applyUpdate(doc, update, SERVER));
    doc.getText('target').insert(0, 'Local: ');

    expect(heard).toHaveLength(2);
    expect(heard[1]!.origin).toBeNull();
    // As with Yjs's own emit, a subscriber added by an observer hears that transaction too.
    expect(late).toEqual([update, heard[1]!.update]);
    expect(replayHeard().getText('target').toString()).toBe('Local: Hello!');
  });

  test('subscribers hear again even when applying throws', () => {
    const { doc, heard, feed } = setUp();
    doc.getText('target').observe((event) => {
      if (event.transaction.origin === SERVER) throw new Error('observer failed');
    });
    const update = colleagueChange(doc, (colleague) => colleague.getText('target').insert(0, 'x'));

    expect(() => feed.applying(update, SERVER, () => Y.applyUpdate(doc, update, SERVER))).toThrow('observer failed');
    doc.getMap('meta').set('title', 'Still heard');

    expect(heard.map((entry) => entry.origin)).toEqual([SERVER, null]);
  });

  test('other transactions while no server update is applied are left to Yjs', () => {
    const { doc, heard } = setUp();
    const update = colleagueChange(doc, (colleague) => colleague.getText('target').insert(0, 'x'));
    Y.applyUpdate(doc, update, SERVER); // not through `applying`
    doc.getText('target').insert(0, 'y');

    expect(heard).toHaveLength(2);
    expect(heard[0]!.update).not.toBe(update); // Yjs's own encoding
    expect(heard[0]!.origin).toBe(SERVER);
  });

  test('another update listener of the document hears Yjs’s encoding of the same change', () => {
    const { doc, heard, replayHeard, feed } = setUp();
    const other: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => other.push(update));
    const update = colleagueChange(doc, (colleague) => colleague.getText('target').insert(5, '?'));

    feed.applying(update, SERVER, () => Y.applyUpdate(doc, update, SERVER));

    expect(heard.map((entry) => entry.update)).toEqual([update]);
    expect(other).toHaveLength(1);
    expect(replayHeard().getText('target').toString()).toBe('Hello?');
  });

  test('after destroy the subscribers hear nothing more', () => {
    const { doc, heard, feed } = setUp();
    feed.destroy();
    doc.getText('target').insert(0, 'y');

    expect(heard).toEqual([]);
  });
});

describe('a transaction whose bytes nobody wants reaches no subscriber', () => {
  const COPY = { name: 'local copy' };

  test('the local copy read before anyone asks for it is not encoded; later changes are', () => {
    let wanted = false;
    const { doc, heard, replayHeard } = setUp((transaction) => transaction.origin === COPY && !wanted);
    const stored = colleagueChange(doc, (copy) => copy.getText('target').insert(5, ' from the copy'));

    Y.applyUpdate(doc, stored, COPY);
    expect(doc.getText('target').toString()).toBe('Hello from the copy');
    expect(heard).toEqual([]);

    wanted = true;
    const more = colleagueChange(doc, (copy) => copy.getText('target').insert(0, '> '));
    Y.applyUpdate(doc, more, COPY);
    doc.getText('target').insert(doc.getText('target').length, '.');
    expect(heard.map((entry) => entry.origin)).toEqual([COPY, null]);
    // What was not heard comes to others another way (the answer to the server's step 1 carries it).
    const replayed = replayHeard();
    expect(replayed.getText('target').toString()).toBe('> Hello');
    Y.applyUpdate(replayed, stored);
    expect(replayed.getText('target').toString()).toBe('> Hello from the copy.');
  });

  test('a change an observer makes while the copy is read is still heard', () => {
    const { doc, heard } = setUp((transaction) => transaction.origin === COPY);
    doc.getText('target').observe((event) => {
      if (event.transaction.origin === COPY) doc.transact(() => doc.getMap('status').set('s1', 'draft'), 'reaction');
    });
    Y.applyUpdate(
      doc,
      colleagueChange(doc, (copy) => copy.getText('target').insert(0, 'x')),
      COPY,
    );

    expect(heard.map((entry) => entry.origin)).toEqual(['reaction']);
  });
});
