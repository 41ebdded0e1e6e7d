/**
 * What the source says about itself: title, author, publication date and
 * address, read from a page's markup or a Markdown file's front matter. Each
 * field is absent when the source does not say; nothing is guessed from text.
 */
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { FrontMatterEntry } from '../article/article';
import type { JsonValue } from '../article/layout';

export interface SourceMeta {
  sourceTitle?: string;
  sourceUrl?: string;
  sourceAuthor?: string;
  /** As the source gives it, or ISO 8601 (`2020-02-23`, `2020-02-23T10:30`) when Duet had to read it out of a Chinese date or a timestamp. */
  sourceDate?: string;
}

const collapse = (text: string): string => text.replace(/[\s\u200B\uFEFF]+/g, ' ').trim();

/** An absolute http(s) URL, or null. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function text(tree: Root, selector: string): string | null {
  const node = select(selector, tree);
  const value = node ? collapse(toText(node)) : '';
  return value === '' ? null : value;
}

function content(tree: Root, selector: string): string | null {
  const value = select(selector, tree)?.properties.content;
  return typeof value === 'string' && collapse(value) !== '' ? collapse(value) : null;
}

/** Site names that pages append to their `<title>`. */
const TITLE_SUFFIX = /\s*(?:[-–—_|·]\s*(?:知乎|知乎专栏|微信公众平台|微信))$/;

function pageTitle(tree: Root): string | null {
  const title = text(tree, 'head > title') ?? text(tree, 'title');
  return title ? title.replace(TITLE_SUFFIX, '') || null : null;
}

/** WeChat pages carry the publication time only in a script (`var ct = "1582444800"`), filled into `#publish_time` by that script. */
function wechatTimestamp(tree: Root): string | null {
  for (const script of selectAll('script', tree)) {
    const match = /\bvar\s+ct\s*=\s*"(\d{9,11})"/.exec(toText(script));
    if (match) return new Date(Number(match[1]) * 1000).toISOString();
  }
  return null;
}

/** `2020年2月23日 10:30`, `2020-2-23` → ISO 8601; anything else as given. */
export function normalizeDate(value: string): string {
  const trimmed = collapse(value);
  const match = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2}):(\d{2}))?$/.exec(trimmed);
  if (!match) return trimmed;
  const pad = (n: string) => n.padStart(2, '0');
  const date = `${match[1]}-${pad(match[2]!)}-${pad(match[3]!)}`;
  return match[4] ? `${date}T${pad(match[4])}:${match[5]}` : date;
}

const first = (...values: (string | null | undefined)[]): string | undefined =>
  values.find((value): value is string => value != null && value !== '') ?? undefined;

/**
 * A parsed page's metadata. `sourceUrl` is the caller's when given (the
 * translator knows where they copied from), else the page's canonical address.
 */
export function htmlSourceMeta(tree: Root, sourceUrl?: string): SourceMeta {
  const meta: SourceMeta = {};
  const title = first(
    text(tree, '.QuestionHeader-title'),
    text(tree, 'h1.Post-Title'),
    text(tree, '#activity-name'),
    content(tree, 'meta[property="og:title"]'),
    pageTitle(tree),
    text(tree, 'h1'),
  );
  if (title) meta.sourceTitle = title;

  const author = first(
    text(tree, '#js_author_name'),
    content(tree, 'meta[name="author"]'),
    text(tree, '.Post-Author .AuthorInfo-name'),
    text(tree, '#js_name'),
    content(tree, 'meta[property="article:author"]:not([content^="http"])'),
  );
  if (author) meta.sourceAuthor = author;

  const date = first(
    content(tree, 'meta[property="article:published_time"]'),
    content(tree, 'meta[itemprop="datePublished"]'),
    content(tree, 'meta[name="date"]'),
    attribute(tree, 'time[datetime]', 'dateTime'),
    text(tree, '#publish_time'),
    wechatTimestamp(tree),
    content(tree, 'meta[itemprop="dateCreated"]'),
  );
  if (date) meta.sourceDate = normalizeDate(date);

  const url = first(httpUrl(sourceUrl), httpUrl(attribute(tree, 'link[rel~="canonical"]', 'href')), httpUrl(content(tree, 'meta[property="og:url"]')));
  if (url) meta.sourceUrl = url;
  return meta;
}

function attribute(tree: Root, selector: string, property: string): string | null {
  const value = select(selector, tree)?.properties[property];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Front-matter keys a source's address is written under, most specific first. */
const URL_KEYS = ['sourceUrl', 'source_url', 'original_url', 'originalUrl', 'source', 'original', 'canonical_url', 'url', 'link'];

function stringValue(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return collapse(value) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((part) => stringValue(part)).filter((part): part is string => part != null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return null;
}

/** A Markdown source's metadata from its front matter (and the caller's address, which wins). */
export function frontMatterSourceMeta(entries: FrontMatterEntry[], sourceUrl?: string): SourceMeta {
  const get = (key: string) => entries.find((entry) => entry.key === key)?.value;
  const meta: SourceMeta = {};
  const title = stringValue(get('title'));
  if (title) meta.sourceTitle = title;
  const author = stringValue(get('author')) ?? stringValue(get('authors'));
  if (author) meta.sourceAuthor = author;
  const date = stringValue(get('date'));
  if (date) meta.sourceDate = normalizeDate(date);
  const url = first(httpUrl(sourceUrl), ...URL_KEYS.map((key) => httpUrl(get(key))));
  if (url) meta.sourceUrl = url;
  return meta;
}
