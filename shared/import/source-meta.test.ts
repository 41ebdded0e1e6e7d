import { describe, expect, test } from 'vitest';
import { parseHtml } from './clean-html';
import { frontMatterSourceMeta, htmlSourceMeta, normalizeDate } from './source-meta';

describe('metadata from a page', () => {
  test.each([
    [
      'a Zhihu question',
      '<title>如何看待？ - 知乎</title><h1 class="QuestionHeader-title">如何看待阿里达摩院的 AI？</h1>',
      { sourceTitle: '如何看待阿里达摩院的 AI？' },
    ],
    [
      'a Zhihu column article',
      '<h1 class="Post-Title">专栏标题</h1><div class="Post-Author"><span class="AuthorInfo-name">张三</span></div>',
      { sourceTitle: '专栏标题', sourceAuthor: '张三' },
    ],
    [
      'a WeChat article',
      '<h1 id="activity-name">\n  公众号标题\n</h1><span id="js_author_name">李四</span><a id="js_name">某公众号</a><em id="publish_time">2020年2月3日 09:05</em>',
      { sourceTitle: '公众号标题', sourceAuthor: '李四', sourceDate: '2020-02-03T09:05' },
    ],
    [
      'a WeChat article without an author: the account',
      '<h1 id="activity-name">标题</h1><a id="js_name">某公众号</a>',
      { sourceTitle: '标题', sourceAuthor: '某公众号' },
    ],
    [
      'a WeChat date only in its script',
      '<script>var ct = "1582444800";</script><h1 id="activity-name">标题</h1>',
      { sourceTitle: '标题', sourceDate: '2020-02-23T08:00:00.000Z' },
    ],
    [
      'Open Graph',
      '<meta property="og:title" content="OG 标题"><meta property="og:url" content="https://example.com/a"><title>页面 - 站点</title>',
      { sourceTitle: 'OG 标题', sourceUrl: 'https://example.com/a' },
    ],
    ['the page title without the site name', '<title>问题标题 - 知乎</title>', { sourceTitle: '问题标题' }],
    [
      'standard meta tags',
      '<title>T</title><meta name="author" content="王五"><meta property="article:published_time" content="2021-03-04T05:06:07+08:00"><link rel="canonical" href="https://example.com/post">',
      { sourceTitle: 'T', sourceAuthor: '王五', sourceDate: '2021-03-04T05:06:07+08:00', sourceUrl: 'https://example.com/post' },
    ],
    ['a time element', '<h1>标题</h1><time datetime="2019-12-31">去年</time>', { sourceTitle: '标题', sourceDate: '2019-12-31' }],
    ['a paste with nothing to say', '<p>只有正文</p>', {}],
    ['an author given as a URL is not a name', '<meta property="article:author" content="https://facebook.com/x"><h1>标题</h1>', { sourceTitle: '标题' }],
    ['a canonical link that is not http(s)', '<link rel="canonical" href="javascript:alert(1)"><h1>标题</h1>', { sourceTitle: '标题' }],
  ])('%s', (_name, html, meta) => {
    expect(htmlSourceMeta(parseHtml(html))).toEqual(meta);
  });

  test("the caller's source URL wins over the page's", () => {
    const tree = parseHtml('<link rel="canonical" href="https://example.com/canonical">');
    expect(htmlSourceMeta(tree, 'https://www.zhihu.com/question/372335557').sourceUrl).toBe('https://www.zhihu.com/question/372335557');
  });
});

describe('metadata from front matter', () => {
  test.each([
    [
      'title, author, date and source',
      [
        { key: 'title', value: '标题' },
        { key: 'author', value: '作者' },
        { key: 'date', value: '2020-02-23' },
        { key: 'source', value: 'https://a.cn/x' },
      ],
      { sourceTitle: '标题', sourceAuthor: '作者', sourceDate: '2020-02-23', sourceUrl: 'https://a.cn/x' },
    ],
    ['several authors', [{ key: 'authors', value: ['甲', '乙'] }], { sourceAuthor: '甲, 乙' }],
    [
      'a url that is not an address',
      [
        { key: 'url', value: '/zh-cn/finding-users/' },
        { key: 'original_url', value: 'https://a.cn/y' },
      ],
      { sourceUrl: 'https://a.cn/y' },
    ],
    ['nothing', [{ key: 'lang', value: 'zh-hans' }], {}],
  ])('%s', (_name, entries, meta) => {
    expect(frontMatterSourceMeta(entries)).toEqual(meta);
  });
});

describe('dates', () => {
  test.each([
    ['2020年2月23日', '2020-02-23'],
    ['2020年02月23日 10:30', '2020-02-23T10:30'],
    ['2020-2-3', '2020-02-03'],
    ['2020/02/23', '2020-02-23'],
    ['2020-02-23T10:30:00+08:00', '2020-02-23T10:30:00+08:00'],
    ['昨天', '昨天'],
  ])('%s → %s', (given, normalized) => {
    expect(normalizeDate(given)).toBe(normalized);
  });
});
