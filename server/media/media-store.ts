/**
 * Images stored with articles. The bytes are files in the data folder named
 * by their SHA-256 (`media/<hash>.<ext>`), so an image uploaded twice, or into
 * two articles, is one file; which article has which image, and who added it,
 * is in SQLite. Names are made here from the bytes, never taken from a user,
 * so no request can name a path.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_MEDIA_BYTES, type MediaItem } from '../../shared/protocol/api';
import { DuetError } from '../../shared/protocol/errors';

export { MAX_MEDIA_BYTES, type MediaItem };
import { isMediaName, mediaUrl } from '../../shared/publish/media-url';
import type { Db } from '../store/database';
import { looksLikeSvg, sniffImageType } from './image-type';

export const MEDIA_FOLDER = 'media';
const MAX_FILENAME_LENGTH = 255;

export interface SaveOptions {
  filename?: string | null;
  sourceUrl?: string | null;
  createdBy?: string | null;
}

interface MediaRow {
  article_id: string;
  name: string;
  type: string;
  size: number;
  filename: string | null;
  source_url: string | null;
  created_by: string | null;
  created_at: string;
}

const toItem = (row: MediaRow): MediaItem => ({
  name: row.name,
  url: mediaUrl(row.article_id, row.name),
  type: row.type,
  size: row.size,
  filename: row.filename,
  sourceUrl: row.source_url,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** Check that bytes are an image Duet accepts; throws the DuetError a person can act on. */
export function checkImage(bytes: Uint8Array, what = 'the file') {
  if (bytes.length === 0) throw new DuetError('invalid_input', `${what} is empty`);
  if (bytes.length > MAX_MEDIA_BYTES)
    throw new DuetError('too_large', `${what} is ${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${MAX_MEDIA_BYTES / 1048576} MiB`);
  const type = sniffImageType(bytes);
  if (type) return type;
  if (looksLikeSvg(bytes)) throw new DuetError('invalid_input', `${what} is an SVG image; SVG is not accepted (it can carry scripts): convert it to PNG`);
  throw new DuetError('invalid_input', `${what} is not a PNG, JPEG, GIF or WebP image`);
}

export class MediaStore {
  private readonly folder: string;
  private readonly statements;

  constructor(
    db: Db,
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.folder = join(dataDir, MEDIA_FOLDER);
    this.statements = {
      insert: db.prepare<[string, string, string, number, string | null, string | null, string | null, string]>(
        'INSERT INTO media (article_id, name, type, size, filename, source_url, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[string, string], MediaRow>('SELECT * FROM media WHERE article_id = ? AND name = ?'),
      list: db.prepare<[string], MediaRow>('SELECT * FROM media WHERE article_id = ? ORDER BY created_at, name'),
      article: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE id = ?'),
    };
  }

  /**
   * Store an image with an article. Refuses (DuetError) an unknown article,
   * an empty or oversized file, SVG and anything not a PNG, JPEG, GIF or WebP.
   * `created` is false when the article already had this very image.
   */
  save(articleId: string, bytes: Uint8Array, options: SaveOptions = {}): { item: MediaItem; created: boolean } {
    if (!this.statements.article.get(articleId)) throw new DuetError('not_found', `no article with id "${articleId}"`);
    const type = checkImage(bytes, options.filename ? `"${options.filename}"` : 'the file');
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${type.extension}`;
    const existing = this.statements.get.get(articleId, name);
    if (existing) return { item: toItem(existing), created: false };
    this.writeFile(name, bytes);
    // eslint-disable-next-line no-control-regex -- control characters are what this removes or refuses
    const filename = options.filename?.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, MAX_FILENAME_LENGTH) || null;
    this.statements.insert.run(
      articleId,
      name,
      type.type,
      bytes.length,
      filename,
      options.sourceUrl ?? null,
      options.createdBy ?? null,
      this.now().toISOString(),
    );
    return { item: toItem(this.statements.get.get(articleId, name)!), created: true };
  }

  list(articleId: string): MediaItem[] {
    return this.statements.list.all(articleId).map(toItem);
  }

  get(articleId: string, name: string): MediaItem | null {
    if (!isMediaName(name)) return null;
    const row = this.statements.get.get(articleId, name);
    return row ? toItem(row) : null;
  }

  /** The bytes of an article's image, or null when the article has no such image. */
  read(articleId: string, name: string): { item: MediaItem; bytes: Buffer } | null {
    const item = this.get(articleId, name);
    if (!item) return null;
    return { item, bytes: readFileSync(this.filePath(name)) };
  }

  /** Where an image's bytes are; only for names this store made. */
  filePath(name: string): string {
    if (!isMediaName(name)) throw new Error(`not a stored image's name: ${JSON.stringify(name)}`);
    return join(this.folder, name);
  }

  /** Write to a temporary name and rename, so a crash never leaves half an image under a content name. */
  private writeFile(name: string, bytes: Uint8Array): void {
    const path = this.filePath(name);
    if (existsSync(path)) return;
    mkdirSync(this.folder, { recursive: true });
    const temporary = join(this.folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temporary, bytes);
      renameSync(temporary, path);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
}
