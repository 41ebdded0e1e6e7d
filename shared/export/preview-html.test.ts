import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { previewHtml } from './preview-html';
import { mediaResolver } from './media-urls';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_ARTICLE } from '../testing/fixtures';

const parse = (html: string) => fromHtml(html, { fragment: true });
const all = (html: string, selector: string) => selectAll(selector, parse(html)) as Element[];

/** Every element and attribute that could run code or load a page of its own. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  for (const element of all(html, '*')) {
    if (['script', 'iframe', 'object', 'embed', 'style', 'form', 'svg', 'math', 'base', 'meta', 'link'].includes(element.tagName))
      found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name) || name === 'style' || name === 'srcDoc' || name === 'formAction') found.push(`${element.tagName}[${name}]`);
      if (typeof value === 'string' && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${element.tagName}[${name}=${value}]`);
    }
  }
  return found;
}

describe.skipIf(!HAVE_FIXTURES)(`the published seed article (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  const html = HAVE_FIXTURES ? previewHtml(readFixture(SEED_ARTICLE)) : '';

  test('shows the front matter as the post header: title, date, cover image, blurb', () => {
    const [header] = all(html, 'header.post-header');
    expect(all(html, 'header h1').map((h1) => toText(h1))).toEqual([
      'How to View Ali Damo Academy\u2019s COVID-19 CT Scan AI Diagnosis Technology, Which Could Recognize It in 20 Seconds with An Accuracy of 96%?',
    ]);
    expect(all(html, 'header time')[0]?.properties.dateTime).toBe('2020-02-23');
    expect(toText(all(html, 'header time')[0]!)).toBe('February 23, 2020');
    expect(all(html, 'header img.post-cover')[0]?.properties.src).toBe('/assets/media/2020-02-23/how-to-view-ali-damo-ai-01.jpg');
    expect(toText(all(html, 'header .post-blurb')[0]!)).toMatch(/^OP \(original poster\) is a student of radiology\./);
    expect(header).toBeDefined();
    // The front matter itself is not shown as text.
    expect(html).not.toContain('translator: COVID-19 Readings');
  });

  test('keeps every figure with its image, alt text and caption', () => {
    const figures = all(html, 'figure');
    expect(figures.length).toBeGreaterThanOrEqual(3);
    expect(figures.map((figure) => (selectAll('img', figure)[0] as Element).properties.src)).toContain(
      '/assets/media/2020-02-23/how-to-view-ali-damo-ai-02.jpg',
    );
    const first = figures[0]!;
    expect((selectAll('img', first)[0] as Element).properties.alt).toBe('isolation ward');
    expect(toText(selectAll('figcaption', first)[0] as Element)).toBe('Precious image from a contaminated cell phone in an isolation ward');
  });

  test('keeps links opening in a new tab, safely, and site links as they are', () => {
    const external = all(html, 'a[target="_blank"]');
    expect(external.length).toBeGreaterThan(3);
    expect(external[0]!.properties.href).toBe('https://www.zhihu.com/question/372335557');
    expect(
      external.every((link) => String(link.properties.rel) === 'noopener noreferrer' || (link.properties.rel as string[]).join(' ') === 'noopener noreferrer'),
    ).toBe(true);
    expect(all(html, 'a[href^="/articles/2020/02/16/"]')).toHaveLength(1);
  });

  test('renders with kramdown typography: `--` is an en dash', () => {
    expect(html).toContain('\u2013 the translator');
    expect(activeContent(html)).toEqual([]);
  });

  test('points site links at the site when its address is known', () => {
    const onSite = previewHtml(readFixture(SEED_ARTICLE), { siteUrl: 'https://readings.example/' });
    expect(all(onSite, 'a[href="https://readings.example/articles/2020/02/16/Alibaba-DAMO-Academy-Medical-AI-Diagnoses-COVID-19"]')).toHaveLength(1);
  });
});

describe('images', () => {
  const markdown = [
    '<figure>',
    '  <img src="/assets/media/2020-02-23/post-01.jpg" alt="published"/>',
    '  <figcaption>One</figcaption>',
    '</figure>',
    '',
    '<figure>',
    '  <img src="/assets/media/2020-02-23/post-02.jpg" alt="not stored"/>',
    '</figure>',
    '',
    '![remote](https://pic1.zhimg.com/v2-abc_b.jpg)',
    '',
    '![uploaded](/api/articles/abc/media/photo.png)',
    '',
    '![gone](/api/articles/abc/media/deleted.png)',
  ].join('\n');
  const resolve = mediaResolver({
    articleId: 'abc',
    storedNames: ['photo.png', 'first.jpg'],
    known: [['/assets/media/2020-02-23/post-01.jpg', '/api/articles/abc/media/first.jpg']],
  });
  const images = (html: string) =>
    all(html, 'img').map((img) => [img.properties.alt, img.properties.src, (img.properties.className as string[] | undefined)?.join(' ') ?? '']);

  test('site paths show the stored image they were published from; stored images show; unknown ones are marked missing', () => {
    expect(images(previewHtml(markdown, { resolveImage: resolve }))).toEqual([
      ['published', '/api/articles/abc/media/first.jpg', ''],
      ['not stored', '/assets/media/2020-02-23/post-02.jpg', 'preview-missing-image'],
      ['remote', 'https://pic1.zhimg.com/v2-abc_b.jpg', ''],
      ['uploaded', '/api/articles/abc/media/photo.png', ''],
      ['gone', '/api/articles/abc/media/deleted.png', 'preview-missing-image'],
    ]);
  });

  test('site paths not stored in Duet come from the site when its address is known', () => {
    const withSite = mediaResolver({ articleId: 'abc', siteUrl: 'https://readings.example/' });
    expect(images(previewHtml(markdown, { resolveImage: withSite }))[1]).toEqual([
      'not stored',
      'https://readings.example/assets/media/2020-02-23/post-02.jpg',
      '',
    ]);
  });
});

describe('hostile targets stay inert', () => {
  const attacks: [string, string][] = [
    ['a script block', '<script>alert(1)</script>'],
    ['an inline script', 'Text <script>document.title="owned"</script> more.'],
    ['an image error handler', '<img src="x" onerror="alert(1)">'],
    [
      'an error handler inside a figure',
      '<figure>\n  <img src="/a.png" alt="x" onerror="alert(1)"/>\n  <figcaption onclick="alert(2)">c</figcaption>\n</figure>',
    ],
    ['a javascript: link in Markdown', '[click](javascript:alert(1))'],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)" target="_blank">click</a>'],
    ['an entity-encoded javascript: link', '<a href="jav&#x61;script:alert(1)">click</a>'],
    ['a data: image', '<img src="data:image/svg+xml;base64,PHN2Zy8+">'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an svg with a handler', '<svg onload="alert(1)"><circle r="4"/></svg>'],
    ['a style block', '<style>body{display:none}</style>'],
    ['a style attribute', '<p style="position:fixed;inset:0">cover</p>'],
    ['a form', '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form>'],
    ['a base tag', '<base href="https://evil.example/">'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ['an unclosed tag swallowing the page', '<img src=x onerror=alert(1)//'],
    ['a target other than _blank', '<a href="https://ok.example" target="_top">x</a>'],
  ];

  test.each(attacks)('%s', (_name, target) => {
    const html = previewHtml(`Before.\n\n${target}\n\nAfter.`);
    expect(activeContent(html)).toEqual([]);
    expect(all(html, 'a[target]').every((link) => link.properties.target === '_blank')).toBe(true);
    expect(toText(parse(html))).toContain('After.');
  });

  test('hostile front matter is text in the header', () => {
    const html = previewHtml('---\ntitle: "<img src=x onerror=alert(1)>"\nimage: "javascript:alert(1)"\nblurb: \'<script>alert(1)</script>\'\n---\n\nBody.\n');
    expect(activeContent(html)).toEqual([]);
    expect(toText(all(html, 'header h1')[0]!)).toBe('<img src=x onerror=alert(1)>');
    expect(all(html, 'header img')[0]?.properties.src).toBeUndefined();
  });

  test('a resolver that returns an unsafe address is not followed', () => {
    const html = previewHtml('![x](/assets/a.png)', { resolveImage: () => 'javascript:alert(1)' });
    expect(activeContent(html)).toEqual([]);
    expect(all(html, 'img')[0]?.properties.className).toEqual(['preview-missing-image']);
  });
});

describe('front matter the site would not read', () => {
  test('says so in the header and still shows the body', () => {
    const html = previewHtml('---\ntitle: [unclosed\n---\n\nBody text.\n');
    expect(toText(all(html, 'header .preview-warning')[0]!)).toMatch(/^The site would ignore this front matter: malformed front matter/);
    expect(toText(parse(html))).toContain('Body text.');
  });

  test('an article without front matter has no header', () => {
    expect(all(previewHtml('Just a paragraph.\n'), 'header')).toEqual([]);
  });
});

describe('GFM, as the site reads it', () => {
  test('tables, strikethrough and autolinks render', () => {
    const html = previewHtml('| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ and https://example.org\n');
    expect(all(html, 'table td').map((cell) => toText(cell))).toEqual(['1', '2']);
    expect(all(html, 'del')).toHaveLength(1);
    expect(all(html, 'a[href="https://example.org"]')).toHaveLength(1);
  });

  test('code keeps its straight quotes and double hyphens', () => {
    const html = previewHtml('Say "hi" -- then `a -- "b"`.\n');
    expect(toText(parse(html))).toBe('Say \u201Chi\u201D \u2013 then a -- "b".');
  });
});
