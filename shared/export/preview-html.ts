/**
 * The exported article as the site would show it: the front matter read as
 * Jekyll reads it (YAML 1.1) and shown as the post's header (title, date, cover
 * image, blurb), then the body, GFM Markdown with its raw HTML (the house
 * style's `<figure>`s and `<a target="_blank">` links) parsed as HTML, exactly
 * as kramdown keeps it, with kramdown's typography (dashes, ellipses, curly quotes).
 *
 * Everything is sanitized (see preview-schema.ts) before it is returned, so
 * the HTML can be put into a page as it is: a translator's `<script>` or
 * `onerror=` in a target is text or nothing, never code.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { sanitize } from 'hast-util-sanitize';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Yaml } from 'mdast';
import type { JsonValue } from '../article/layout';
import { FrontMatterError, parseFrontMatter } from '../markdown/front-matter';
import { PREVIEW_SCHEMA } from './preview-schema';
import { Typographer } from './typography';
import { isSafeUrl } from './html-safety';

export interface PreviewOptions {
  /**
   * Where the preview loads an image from (see media-urls.ts), or null when it
   * cannot be shown (the figure is then marked `preview-missing-image`).
   * Default: every image as written.
   */
  resolveImage?: (src: string) => string | null;
  /**
   * The site's address (`https://example.org`): root-relative links
   * (`/articles/2020/…`) then point at the site, not at Duet.
   */
  siteUrl?: string | null;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const printer = unified().use(rehypeStringify);

/** Sanitized HTML of the article, header first. */
export function previewHtml(markdown: string, options: PreviewOptions = {}): string {
  const mdast = parser.runSync(parser.parse(markdown)) as MdastRoot;
  const yaml = mdast.children[0]?.type === 'yaml' ? (mdast.children.shift() as Yaml) : null;
  const body = toHast.runSync(mdast) as HastRoot;
  const tree: HastRoot = { type: 'root', children: [...(yaml ? [postHeader(yaml.value)] : []), ...body.children] };
  const clean = sanitize(tree, PREVIEW_SCHEMA) as HastRoot;
  finish(clean, options);
  return printer.stringify(clean);
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** The post's header as the site's layout shows it: title, date, cover image, blurb. */
function postHeader(yamlText: string): Element {
  let values: Map<string, JsonValue>;
  try {
    values = new Map(parseFrontMatter(yamlText).map(({ key, value }) => [key, value]));
  } catch (error) {
    // Jekyll logs such front matter and publishes the post without it.
    const reason = error instanceof FrontMatterError ? error.message : String(error);
    return element('header', { className: ['post-header'] }, [
      element('p', { className: ['preview-warning'] }, [text(`The site would ignore this front matter: ${reason}`)]),
    ]);
  }
  const string = (key: string): string | null => {
    const value = values.get(key);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  const children: ElementContent[] = [];
  const title = string('title');
  if (title) children.push(element('h1', {}, [text(title)]));
  const date = string('date');
  if (date) children.push(element('p', {}, [element('time', { dateTime: date }, [text(displayDate(date))])]));
  const image = string('image');
  if (image) children.push(element('img', { src: image, alt: '', className: ['post-cover'] }));
  const blurb = string('blurb');
  if (blurb) children.push(element('p', { className: ['post-blurb'] }, [text(blurb)]));
  return element('header', { className: ['post-header'] }, children);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2020-02-23` → `February 23, 2020`; anything else as written. */
function displayDate(value: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value.trim());
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${Number(match[3])}, ${match[1]}` : value;
}

const TYPOGRAPHY_SKIPS = new Set(['code', 'pre', 'kbd', 'samp', 'var']);
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'figcaption', 'blockquote', 'td', 'th', 'header', 'dd', 'dt']);

/** After sanitizing: images resolved, site links pointed at the site, new-tab links made safe, typography. */
function finish(tree: HastRoot, options: PreviewOptions): void {
  const typographer = new Typographer();
  const site = options.siteUrl ? options.siteUrl.replace(/\/+$/, '') : null;
  const walk = (node: HastNodes, inCode: boolean): void => {
    if (node.type === 'text') {
      if (!inCode) node.value = typographer.convert(node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (BLOCKS.has(node.tagName)) typographer.blockStart();
      if (node.tagName === 'img') resolveImage(node, options);
      if (node.tagName === 'a') finishLink(node, site);
    }
    const code = inCode || (node.type === 'element' && TYPOGRAPHY_SKIPS.has(node.tagName));
    for (const child of node.children) walk(child, code);
  };
  walk(tree, false);
}

function resolveImage(img: Element, options: PreviewOptions): void {
  const src = img.properties.src;
  if (typeof src !== 'string' || !options.resolveImage) return;
  const resolved = options.resolveImage(src);
  if (resolved != null && isSafeUrl(resolved)) {
    img.properties.src = resolved;
    return;
  }
  img.properties.className = ['preview-missing-image'];
  img.properties.title = `Not stored in Duet: ${src}`;
}

function finishLink(link: Element, site: string | null): void {
  const href = link.properties.href;
  if (site && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) link.properties.href = site + href;
  // A page opened in a new tab must not be able to navigate this one.
  if (link.properties.target === '_blank') link.properties.rel = ['noopener', 'noreferrer'];
}

/** GET /api/articles/:id/preview: the exported Markdown and its preview. */
export interface ArticlePreview {
  markdown: string;
  html: string;
}
