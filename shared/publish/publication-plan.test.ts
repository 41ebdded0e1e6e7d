/** What publishing writes, from an article alone: the seed's own names, the cover image, slugs and dates. */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle, type ArticleInit, type ArticleSnapshot } from '../article/article';
import { schema } from '../schema/schema';
import { doc, fig, p } from '../testing/builders';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_ARTICLE, SEED_PAIRS, type PairsFixture } from '../testing/fixtures';
import { articleFromPairs } from '../testing/pairs';
import { mediaUrl } from './media-url';
import { parsePostDate } from './post-date';
import { DEFAULT_SITE_LAYOUT, planPublication, type PlanOptions } from './publication-plan';

const today = parsePostDate('2024-05-06');
const options: PlanOptions = { layout: DEFAULT_SITE_LAYOUT, today };
const stored = (c: string, ext = 'jpg') => mediaUrl('art1', `${c.repeat(64)}.${ext}`);

function snapshot(init: ArticleInit): ArticleSnapshot {
  const ydoc = new Y.Doc();
  createArticle(ydoc, init);
  return readArticle(ydoc);
}

const article = (frontMatter: Record<string, string>, blocks = [p('Text.')], meta: ArticleInit['meta'] = {}) =>
  snapshot({
    meta,
    frontMatter: Object.entries(frontMatter).map(([key, value]) => ({ key, value })),
    segments: [{ target: doc(...blocks), status: 'approved' }],
  });

describe.skipIf(!HAVE_FIXTURES)(`the seed article (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test('with stored images and no cover, plans the published file byte for byte', () => {
    const init = articleFromPairs(JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture);
    init.frontMatter = init.frontMatter!.filter((entry) => entry.key !== 'image');
    let n = 0;
    for (const segment of init.segments!) {
      const block = segment.target!.firstChild;
      if (block?.type.name !== 'figure') continue;
      const src = stored('abcd'[n++]!);
      segment.target = schema.nodes.doc!.create(null, [block.type.create({ ...block.attrs, src }, block.content)]);
    }
    expect(n).toBe(4);
    const plan = planPublication(snapshot({ ...init, meta: { slug: 'how-to-view-ali-damo-ai' } }), options);
    expect(plan.postPath).toBe('_posts/2020-02-23-how-to-view-ali-damo-ai.md');
    expect(plan.permalink).toBe('/articles/2020/02/23/how-to-view-ali-damo-ai');
    expect(plan.markdown).toBe(readFixture(SEED_ARTICLE));
    expect(plan.media.map((planned) => planned.repoPath)).toEqual([1, 2, 3, 4].map((i) => `assets/media/2020-02-23/how-to-view-ali-damo-ai-0${i}.jpg`));
  });
});

describe('planPublication', () => {
  test('defaults the cover image to the first figure, after title, date and categories', () => {
    const plan = planPublication(
      article({ title: 'Ali AI', date: '2020-02-23', categories: 'x', blurb: 'b' }, [p('a'), fig('https://pic.cn/1.jpg', 'one'), fig(stored('a'), 'two')]),
      options,
    );
    expect(plan.markdown).toMatch(/^---\ntitle: "Ali AI"\ndate: 2020-02-23\ncategories: x\nimage: https:\/\/pic\.cn\/1\.jpg\nblurb: 'b'\n---\n/);
    expect(plan.markdown).toContain('<img src="/assets/media/2020-02-23/ali-ai-02.jpg" alt="two"/>');
  });

  test('renames a stored cover image that no figure uses after the figures', () => {
    const plan = planPublication(article({ title: 'Ali AI', date: '2020-02-23', image: stored('c', 'png') }, [fig(stored('a'), 'one')]), options);
    expect(plan.markdown).toContain('image: /assets/media/2020-02-23/ali-ai-02.png\n');
    expect(plan.media.map((planned) => planned.url)).toEqual(['/assets/media/2020-02-23/ali-ai-01.jpg', '/assets/media/2020-02-23/ali-ai-02.png']);
  });

  test('leaves a given remote cover image and an article without figures alone', () => {
    expect(planPublication(article({ title: 'T', image: 'https://x.cn/c.jpg' }), options).markdown).toContain('image: https://x.cn/c.jpg\n');
    expect(planPublication(article({ title: 'T' }), options).markdown).not.toContain('image:');
  });

  test('an article without a date is published under today', () => {
    expect(planPublication(article({ title: 'Hello World' }), options).postPath).toBe('_posts/2024-05-06-hello-world.md');
  });

  test('a republish keeps its path and says which the article would now get', () => {
    const plan = planPublication(article({ title: 'New Title', date: '2020-02-23' }), { ...options, previousPostPath: '_posts/2020-02-23-old-title.md' });
    expect(plan).toMatchObject({ postPath: '_posts/2020-02-23-old-title.md', newPostPath: '_posts/2020-02-23-new-title.md' });
    expect(
      planPublication(article({ title: 'Old Title', date: '2020-02-23' }), { ...options, previousPostPath: '_posts/2020-02-23-old-title.md' }).newPostPath,
    ).toBeNull();
  });

  test('uses the configured folders and patterns', () => {
    const layout = { postsFolder: 'content/posts', mediaFolder: 'img', fileNamePattern: ':slug.markdown', permalinkPattern: '/:year/:title/' };
    const plan = planPublication(article({ title: 'T', date: '2021-1-2' }, [fig(stored('a'), '')], { slug: 'Slug' }), { layout, today });
    expect(plan).toMatchObject({ postPath: 'content/posts/Slug.markdown', permalink: '/2021/Slug/', media: [{ repoPath: 'img/2021-01-02/slug-01.jpg' }] });
  });

  test.each<[string, Record<string, string>, ArticleInit['meta'], RegExp]>([
    ['a slug with ".."', { title: 'T' }, { slug: '../../etc/passwd' }, /contains "\.\."/],
    ['a slug with a slash', { title: 'T' }, { slug: 'a/b' }, /contains a slash/],
    ['an absolute slug', { title: 'T' }, { slug: '/tmp/x' }, /absolute path/],
    ['a slug with a control character', { title: 'T' }, { slug: 'a\u0007b' }, /control character/],
    ['a too long slug', { title: 'T' }, { slug: 'a'.repeat(101) }, /limit is 100/],
    ['a front-matter slug with a backslash', { title: 'T', slug: 'a\\b' }, {}, /contains a slash/],
    ['a Chinese title without a slug', { title: '如何看待' }, {}, /set a slug/],
    ['a date that is no day', { title: 'T', date: '2021-02-30' }, {}, /not a day of the calendar/],
    ['a date that is no date', { title: 'T', date: 'soon' }, {}, /not a date like/],
  ])('refuses %s', (_name, frontMatter, meta, message) => {
    expect(() => planPublication(article(frontMatter, [p('x')], meta), options)).toThrow(message);
  });
});
