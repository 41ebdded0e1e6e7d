/** The record of every publication: which file and commit an article became, who published it, and why despite QA errors. */
import type { Publication, PublishedMedia } from '../../shared/protocol/api';
import type { Db } from '../store/database';

export type { Publication, PublishedMedia };

interface PublicationRow {
  id: number;
  article_id: string;
  path: string;
  url: string | null;
  commit_sha: string;
  committed: number;
  pushed: number;
  push_error: string | null;
  media: string;
  co_authors: string;
  published_by: string;
  published_at: string;
  override_reason: string | null;
}

const toPublication = (row: PublicationRow): Publication => ({
  id: row.id,
  articleId: row.article_id,
  path: row.path,
  url: row.url,
  commit: row.commit_sha,
  committed: row.committed === 1,
  pushed: row.pushed === 1,
  pushError: row.push_error,
  media: JSON.parse(row.media) as PublishedMedia[],
  coAuthors: JSON.parse(row.co_authors) as string[],
  publishedBy: row.published_by,
  publishedAt: row.published_at,
  overrideReason: row.override_reason,
});

export class Publications {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO publications (article_id, path, url, commit_sha, committed, pushed, push_error, media, co_authors, published_by, published_at, override_reason)
         VALUES (@article_id, @path, @url, @commit_sha, @committed, @pushed, @push_error, @media, @co_authors, @published_by, @published_at, @override_reason)`,
      ),
      byId: db.prepare<[number], PublicationRow>('SELECT * FROM publications WHERE id = ?'),
      forArticle: db.prepare<[string], PublicationRow>('SELECT * FROM publications WHERE article_id = ? ORDER BY id DESC'),
      latest: db.prepare<[string], PublicationRow>('SELECT * FROM publications WHERE article_id = ? ORDER BY id DESC LIMIT 1'),
      latestAtPath: db.prepare<[string], PublicationRow>(
        'SELECT p.* FROM publications p WHERE p.id = (SELECT MAX(id) FROM publications q WHERE q.article_id = p.article_id) AND p.path = ?',
      ),
    };
  }

  record(publication: Omit<Publication, 'id'>): Publication {
    const { lastInsertRowid } = this.statements.insert.run({
      article_id: publication.articleId,
      path: publication.path,
      url: publication.url,
      commit_sha: publication.commit,
      committed: publication.committed ? 1 : 0,
      pushed: publication.pushed ? 1 : 0,
      push_error: publication.pushError,
      media: JSON.stringify(publication.media),
      co_authors: JSON.stringify(publication.coAuthors),
      published_by: publication.publishedBy,
      published_at: publication.publishedAt,
      override_reason: publication.overrideReason,
    });
    return toPublication(this.statements.byId.get(Number(lastInsertRowid))!);
  }

  /** An article's publications, newest first. */
  list(articleId: string): Publication[] {
    return this.statements.forArticle.all(articleId).map(toPublication);
  }

  latest(articleId: string): Publication | null {
    const row = this.statements.latest.get(articleId);
    return row ? toPublication(row) : null;
  }

  /** The articles whose current post is at `path`. */
  articlesAt(path: string): string[] {
    return this.statements.latestAtPath.all(path).map((row) => row.article_id);
  }
}
