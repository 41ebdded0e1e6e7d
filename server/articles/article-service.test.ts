/** Importing a Chinese source into a store: what is stored, and that a refused source stores nothing. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readArticle } from '../../shared/article/article';
import { DuetError } from '../../shared/protocol/errors';
import { MemoryArticleStore } from '../store/memory-store';
import { importSourceArticle, loadArticleDoc, showArticle } from './article-service';

const WECHAT = fileURLToPath(new URL('../../shared/import/testdata/wechat-article.html', import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('importing a source article', () => {
  test('stores the source sides, empty English sides, untranslated, with the source metadata', async () => {
    const store = new MemoryArticleStore();
    const id = await importSourceArticle(store, { bytes: readFileSync(WECHAT), filename: 'wechat-article.html', sourceUrl: 'https://mp.weixin.qq.com/s/abc' });
    const shown = showArticle(store, id);
    expect(shown.meta).toMatchObject({ sourceTitle: '一线医生谈 AI 读片', sourceUrl: 'https://mp.weixin.qq.com/s/abc', frontMatter: {} });
    expect(shown.segments).toHaveLength(10);
    expect(shown.segments.map((segment) => segment.status)).toEqual(Array(10).fill('untranslated'));
    expect(shown.segments.map((segment) => segment.target.text)).toEqual(Array(10).fill(''));
    expect(shown.segments[2]!.source.markdown).toBe('我们医院每天要做**四百多人次**的 CT 检查。');
    const meta = readArticle(loadArticleDoc(store, id)).meta as Record<string, string>;
    expect(meta.sourceAuthor).toBe('李医生');
    expect(meta.sourceDate).toBe('2020-02-23T10:30');
  });

  test('a title is the English front-matter title', async () => {
    const store = new MemoryArticleStore();
    const id = await importSourceArticle(store, { bytes: bytes('第一段。\n\n第二段。'), format: 'text', title: 'Two paragraphs' });
    expect(showArticle(store, id).meta.frontMatter).toEqual({ title: 'Two paragraphs' });
  });

  test('a refused source stores nothing', async () => {
    const store = new MemoryArticleStore();
    const error = await importSourceArticle(store, { bytes: bytes('<script>alert(1)</script><p hidden>隐藏</p>'), format: 'html' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DuetError);
    expect((error as DuetError).code).toBe('invalid_input');
    expect(store.list()).toEqual([]);
  });
});
