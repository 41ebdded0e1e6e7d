/** Real Duet servers for the stories, serving the built client, and articles to find in them. */
import * as Y from 'yjs';
import { createArticle, type ArticleInit, type SegmentInit } from '../../shared/article/article';
import { newId } from '../../shared/article/ids';
import type { SegmentStatus } from '../../shared/article/status';
import { doc, p } from '../../shared/testing/builders';
import { openDataFolder } from '../../server/store/data-dir';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { requireBuiltClient } from './built-client';
import { Accounts } from '../../server/auth/accounts';
import type { Role } from '../../shared/protocol/roles';

import { PASSWORD } from '../../server/testing/test-server';

export { PASSWORD };

/** A server on port 0 with one account per role (name = role, password PASSWORD). */
export async function startDuet(): Promise<TestServer> {
  requireBuiltClient();
  return startTestServer();
}

export interface SeedArticle {
  title: string;
  sourceTitle: string;
  /** One segment per status, in order, with short Chinese source and English target text. */
  statuses: SegmentStatus[];
}

/** Store an article in the server's store, as an import would; returns its id. */
export function storeArticle(server: TestServer, init: ArticleInit): string {
  const ydoc = new Y.Doc();
  createArticle(ydoc, init);
  const id = newId();
  server.running.store.create(id, Y.encodeStateAsUpdate(ydoc));
  return id;
}

/** A small article: one segment per status, with short Chinese source and English target text. */
export function seedArticle(server: TestServer, article: SeedArticle): string {
  const segments: SegmentInit[] = article.statuses.map((status, i) => ({
    source: doc(p(`第${i + 1}段：人工智能正在改变翻译。`)),
    target: status === 'untranslated' ? null : doc(p(`Paragraph ${i + 1}: AI is changing translation.`)),
    status,
  }));
  return storeArticle(server, { meta: { sourceTitle: article.sourceTitle }, frontMatter: [{ key: 'title', value: article.title }], segments });
}

/** Another account on the server (the stories' second translator), with the shared PASSWORD. */
export async function addAccount(server: TestServer, name: string, role: Role): Promise<void> {
  const folder = openDataFolder(server.dataDir);
  try {
    await new Accounts(folder.db).addUser(name, role, PASSWORD);
  } finally {
    folder.close();
  }
}
