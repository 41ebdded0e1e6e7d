/**
 * HTML as pasted from a browser or saved from a page (Zhihu, WeChat, any site)
 * → a clean, flat hast tree: a root whose children are only the blocks Duet
 * segments by (`p`, `h1`–`h6`, `ul`/`ol` of `li`, `blockquote` holding one `p`,
 * `figure` holding one `img` and maybe a `figcaption`, `hr`, `pre`), with
 * nothing inside them but text, `br`, `strong`/`b`, `em`/`i`, `code`, `a`,
 * `sup`/`sub`.
 *
 * Order matters. Everything that reads attributes (lazy-loaded image sources,
 * style-only bold, hidden elements, caption styling) runs first on the parsed
 * page; then the page's layout nesting is flattened into blocks; then the
 * allow-list sanitizer (hast-util-sanitize) builds the output tree, so no
 * attribute, tag or URL reaches Duet unless the schema below names it, whatever
 * the steps before it did; then text is tidied.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { isBoldWeight, isGreyColor, isHiddenStyle, isItalicStyle, isSmallFontSize, parseStyle } from './css';

export interface CleanHtmlOptions {
  /** Resolve relative links and images against this address (the page's own URL). */
  baseUrl?: string;
  /** Keep images whose source is a `data:` URL (a Word file's embedded pictures); on web pages they are lazy-loading placeholders. */
  allowDataImages?: boolean;
}

const parser = unified().use(rehypeParse);

/** A whole page or a pasted fragment → hast (always a document: `html`, `head`, `body`). */
export function parseHtml(html: string): Root {
  return parser.parse(html);
}

/** Zero-width spaces and byte-order marks that pastes carry between characters. */
export const ZERO_WIDTH = /[\u200B\uFEFF]/g;
/** White space a reader sees as nothing: HTML white space, no-break spaces, ideographic spaces, zero-width characters. */
const BLANK = /^[\s\u00A0\u3000\u200B\uFEFF]*$/;

/** Removed with everything inside them: they run, style, embed or ask, but never say anything to translate. */
const DROP = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'button',
  'input',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'progress',
  'meter',
  'dialog',
  'nav',
  'qqmusic',
  'mpvoice',
  'mpvideo',
  'mpprofile',
  'mpcps',
]);

/** Phrasing elements: they sit inside a paragraph unless they wrap blocks (WeChat wraps whole sections in `span`s). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'picture',
  'q',
  'rb',
  'rp',
  'rt',
  'rtc',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Page parts that are never the text: layout containers that only hold chrome. */
const isWidget = (tagName: string): boolean => tagName.startsWith('mp-') || DROP.has(tagName);

/** Every tag and attribute that may leave the cleaner; anything else is unwrapped (its text kept) or, in `strip`, removed. */
function sanitizeSchema(allowDataImages: boolean): Schema {
  return {
    tagNames: [
      'p',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'ul',
      'ol',
      'li',
      'blockquote',
      'figure',
      'figcaption',
      'img',
      'hr',
      'pre',
      'code',
      'kbd',
      'samp',
      'strong',
      'b',
      'em',
      'i',
      'a',
      'br',
      'sup',
      'sub',
    ],
    attributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], ol: ['start'], li: ['value'], '*': [] },
    protocols: { href: ['http', 'https', 'mailto'], src: allowDataImages ? ['http', 'https', 'data'] : ['http', 'https'] },
    strip: [...DROP, 'noscript'],
    ancestors: {},
    required: {},
    clobber: [],
    clobberPrefix: '',
    allowComments: false,
    allowDoctypes: false,
  };
}

/**
 * Clean a parsed page (see `parseHtml`). The tree is consumed: it is changed in
 * place on the way, so read its metadata first.
 */
export function cleanHtml(tree: Root, options: CleanHtmlOptions = {}): Root {
  const base = baseUrlOf(tree, options.baseUrl);
  const roots = contentRoots(tree);
  const prepare = new Preparer(base, options.allowDataImages ?? false);
  for (const root of roots) prepare.run(root);
  const flattener = new Flattener();
  flattener.container(element('div', roots), NO_STYLE);
  attachCaptions(flattener.blocks);
  const safe = sanitize({ type: 'root', children: flattener.blocks.map((block) => block.element) }, sanitizeSchema(options.allowDataImages ?? false)) as Root;
  return tidy(safe);
}

// ---------------------------------------------------------------------------
// Where the text is

/**
 * The parts of the page that hold the article. WeChat's body is `#js_content`
 * (its title, `#activity-name`, sits outside it); a page with one `<article>`
 * or a `<main>` has its text there; anything else (a paste, Zhihu's answers)
 * is the whole body.
 */
function contentRoots(tree: Root): Element[] {
  const wechat = select('#js_content', tree);
  if (wechat) {
    const title = select('#activity-name', tree);
    const text = title ? collapse(toText(title)) : '';
    const heading: Element = { type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: text }] };
    // The page unhides the body with a script once it has loaded; the text is real.
    const style = parseStyle(wechat.properties.style);
    if (isHiddenStyle(style)) delete wechat.properties.style;
    return text ? [heading, wechat] : [wechat];
  }
  const articles = selectAll('article', tree);
  const main = articles.length === 1 ? articles[0]! : select('main', tree);
  if (main) return [main];
  const body = select('body', tree);
  return body ? [body] : [{ type: 'element', tagName: 'div', properties: {}, children: tree.children as ElementContent[] }];
}

function baseUrlOf(tree: Root, given: string | undefined): URL | null {
  const declared = select('base[href]', tree)?.properties.href;
  for (const candidate of [given, typeof declared === 'string' ? declared : undefined]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch {
      // not an absolute URL: try the next
    }
  }
  return null;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------
// Step 1: read what only attributes say, and drop what is not text

class Preparer {
  /** Image sources found in a `<noscript>` copy, for the lazy `<img>` beside it. */
  private readonly fallbackSrc = new Map<Element, string>();
  private readonly blockCache = new WeakMap<Element, boolean>();

  constructor(
    private readonly base: URL | null,
    private readonly allowDataImages: boolean,
  ) {}

  run(root: Element): void {
    this.prune(root);
    this.transform(root, false);
  }

  /** Drop scripts, widgets, hidden elements and comments; replace `<noscript>` image copies. */
  private prune(parent: Element): void {
    const kept: ElementContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'comment') continue;
      if (child.type !== 'element') {
        kept.push(child);
        continue;
      }
      if (isWidget(child.tagName) || isHidden(child)) continue;
      if (child.tagName === 'noscript') {
        kept.push(...this.noscript(child, parent));
        continue;
      }
      this.prune(child);
      kept.push(child);
    }
    parent.children = kept;
  }

  /**
   * Lazy-loading pages put the real `<img>` in a `<noscript>` beside a
   * placeholder. With a placeholder beside it, the copy only lends its source
   * (so the image is imported once); alone, the copy is the image.
   */
  private noscript(noscript: Element, parent: Element): ElementContent[] {
    const copies = selectAll('img', noscript);
    if (copies.length === 0) return [];
    const lazy = imagesOutside(parent, noscript);
    if (lazy.length > 0) {
      const src = realSource(copies[0]!, this.allowDataImages);
      if (src && !this.fallbackSrc.has(lazy[0]!)) this.fallbackSrc.set(lazy[0]!, src);
      return [];
    }
    return copies;
  }

  /** Images, links and style-only emphasis, in place. */
  private transform(parent: Element, inHeading: boolean): void {
    const out: ElementContent[] = [];
    for (const child of parent.children) {
      if (child.type !== 'element') {
        out.push(child);
        continue;
      }
      const replaced = this.element(child, inHeading || HEADINGS.has(child.tagName));
      out.push(...replaced);
    }
    parent.children = out;
  }

  private element(el: Element, inHeading: boolean): ElementContent[] {
    if (el.tagName === 'img') return this.image(el);
    if (el.tagName === 'span' && hasClass(el, 'ztext-math')) return [tex(String(el.properties.dataTex ?? toText(el)))];
    if (el.tagName === 'a') {
      const href = this.link(el);
      if (href === null) {
        this.transform(el, inHeading);
        return el.children;
      }
      el.properties.href = href;
    }
    this.transform(el, inHeading);
    const style = parseStyle(el.properties.style);
    if (!inHeading && isBoldWeight(style.get('font-weight')) && !['strong', 'b'].includes(el.tagName)) this.pushMark(el, 'strong');
    if (isItalicStyle(style.get('font-style')) && !['em', 'i'].includes(el.tagName)) this.pushMark(el, 'em');
    return [el];
  }

  /** The image with its real source, or nothing when it only ever had a placeholder. */
  private image(img: Element): ElementContent[] {
    // Zhihu draws formulas as images whose alt text is the TeX.
    if (img.properties.eeimg != null) return [tex(String(img.properties.alt ?? ''))];
    const fallback = this.fallbackSrc.get(img);
    const src = realSource(img, this.allowDataImages, fallback);
    if (!src) return [];
    const { alt, title } = img.properties;
    img.properties = { src: this.resolve(src), alt: typeof alt === 'string' ? alt : '', ...(typeof title === 'string' && title ? { title } : {}) };
    return [img];
  }

  /** The link's real target; null when the element should lose its link and keep its text. */
  private link(a: Element): string | null {
    const href = a.properties.href;
    if (typeof href !== 'string' || href.trim() === '' || href.trim().startsWith('#')) return null;
    let url: URL;
    try {
      url = new URL(href.trim(), this.base ?? undefined);
    } catch {
      return href.trim();
    }
    // Zhihu wraps every external link in a redirect; the target is the link.
    if (url.hostname === 'link.zhihu.com') {
      const target = url.searchParams.get('target');
      if (target) return target;
    }
    // Zhihu's automatic "entity" links are search pages, not the author's links.
    if (url.hostname === 'zhida.zhihu.com') return null;
    return this.base || /^[a-z][a-z\d+.-]*:/i.test(href.trim()) ? url.href : href.trim();
  }

  private resolve(src: string): string {
    if (src.startsWith('//')) return `https:${src}`;
    if (!this.base || /^[a-z][a-z\d+.-]*:/i.test(src)) return src;
    try {
      return new URL(src, this.base).href;
    } catch {
      return src;
    }
  }

  /** Wrap the element's text in `strong`/`em`, pushing the mark down past any blocks it contains. */
  private pushMark(el: Element, tagName: 'strong' | 'em'): void {
    if (!this.hasBlock(el)) {
      if (el.children.length > 0) el.children = [{ type: 'element', tagName, properties: {}, children: el.children }];
      return;
    }
    el.children = el.children.map((child) => (child.type === 'text' ? { type: 'element', tagName, properties: {}, children: [child] } : child));
    for (const child of el.children) {
      if (child.type === 'element' && child.tagName !== tagName && child.children.length > 0) this.pushMark(child, tagName);
    }
  }

  private hasBlock(el: Element): boolean {
    return hasBlock(el, this.blockCache);
  }
}

function isHidden(el: Element): boolean {
  if (el.properties.hidden != null && el.properties.hidden !== false) return true;
  if (el.properties.id === 'js_content') return false;
  return isHiddenStyle(parseStyle(el.properties.style));
}

const hasClass = (el: Element, name: string): boolean => Array.isArray(el.properties.className) && el.properties.className.includes(name);

const tex = (value: string): Element => ({ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value }] });

/** Lazy-loading attributes first (`data-original` is Zhihu's full-size image), then a `<noscript>` copy's, then `src`. */
function realSource(img: Element, allowData: boolean, fallback?: string): string | null {
  const p = img.properties;
  const candidates = [p.dataOriginal, p.dataActualsrc, p.dataSrc, fallback, p.src];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const value = candidate.trim();
    if (value === '') continue;
    if (/^data:/i.test(value) && !(allowData && /^data:image\/(png|jpe?g|gif|webp|bmp);/i.test(value))) continue;
    return value;
  }
  return null;
}

/** The `<img>` elements under `parent` that are not inside `skip`. */
function imagesOutside(parent: Element, skip: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || child === skip || child.tagName === 'noscript') continue;
      if (child.tagName === 'img') found.push(child);
      else walk(child);
    }
  };
  walk(parent);
  return found;
}

function isInline(el: Element): boolean {
  // Custom elements (`<wx-…>`) and the namespaced tags of Office pastes (`<o:p>`) wrap text like a span.
  return INLINE.has(el.tagName) || (!KNOWN_BLOCKS.has(el.tagName) && el.tagName.includes('-')) || el.tagName.includes(':');
}

const KNOWN_BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'center',
  'address',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'fieldset',
  'form',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'hgroup',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'hr',
  'pre',
  'body',
  'html',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'noscript',
  'menu',
  'legend',
]);

function hasBlock(el: Element, cache?: WeakMap<Element, boolean>): boolean {
  const known = cache?.get(el);
  if (known != null) return known;
  let found = false;
  for (const child of el.children) {
    if (child.type !== 'element') continue;
    if (!isInline(child) || hasBlock(child, cache)) {
      found = true;
      break;
    }
  }
  cache?.set(el, found);
  return found;
}

// ---------------------------------------------------------------------------
// Step 2: flatten layout into blocks

interface Style {
  centred: boolean;
  small: boolean;
  grey: boolean;
}

const NO_STYLE: Style = { centred: false, small: false, grey: false };

interface Block {
  element: Element;
  centred: boolean;
  /** Every bit of its text is small (or grey): how captions look. */
  small: boolean;
  grey: boolean;
  /** A figure that stood alone (not inside a line of text). */
  imageOnly?: boolean;
  /** A `<figcaption>` found outside any figure. */
  explicitCaption?: boolean;
}

function inherit(el: Element, outer: Style): Style {
  const style = parseStyle(el.properties.style);
  const align = style.get('text-align') ?? (typeof el.properties.align === 'string' ? el.properties.align.toLowerCase() : undefined);
  const fontSize = el.tagName === 'font' && el.properties.size != null ? Number(el.properties.size) : null;
  const color = style.get('color') ?? (el.tagName === 'font' && typeof el.properties.color === 'string' ? el.properties.color.toLowerCase() : undefined);
  return {
    centred: align != null ? align === 'center' || align === '-webkit-center' : el.tagName === 'center' || outer.centred,
    small: style.has('font-size') ? isSmallFontSize(style.get('font-size')) : fontSize != null ? fontSize <= 2 : el.tagName === 'small' || outer.small,
    grey: color != null ? isGreyColor(color) : outer.grey,
  };
}

/** Whether all the visible text in `nodes` is small, and whether all of it is grey. */
function textStyle(nodes: ElementContent[], outer: Style): { small: boolean; grey: boolean } {
  let small = true;
  let grey = true;
  let any = false;
  const walk = (list: ElementContent[], style: Style) => {
    for (const node of list) {
      if (node.type === 'text') {
        if (BLANK.test(node.value)) continue;
        any = true;
        small &&= style.small;
        grey &&= style.grey;
      } else if (node.type === 'element') walk(node.children, inherit(node, style));
    }
  };
  walk(nodes, outer);
  return { small: any && small, grey: any && grey };
}

const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

function meaningful(nodes: ElementContent[]): boolean {
  return nodes.some((node) =>
    node.type === 'text' ? !BLANK.test(node.value) : node.type === 'element' && (node.tagName === 'img' || meaningful(node.children)),
  );
}

type Piece = { inline: ElementContent[] } | { img: Element };

/** Split inline content at its images, copying the wrappers (`<a>`, `<strong>`) of text on each side. */
function splitAtImages(nodes: ElementContent[]): Piece[] {
  const out: Piece[] = [];
  let current: ElementContent[] = [];
  const cut = () => {
    out.push({ inline: current });
    current = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'img') {
      cut();
      out.push({ img: node });
    } else if (node.type === 'element' && selectAll('img', node).length > 0) {
      for (const piece of splitAtImages(node.children)) {
        if ('img' in piece) {
          cut();
          out.push(piece);
        } else if (piece.inline.length > 0) current.push({ ...node, children: piece.inline });
      }
    } else current.push(node);
  }
  cut();
  return out.filter((piece) => 'img' in piece || piece.inline.length > 0);
}

class Flattener {
  readonly blocks: Block[] = [];
  private readonly blockCache = new WeakMap<Element, boolean>();

  container(parent: Element, outer: Style): void {
    let pending: ElementContent[] = [];
    const flush = () => {
      if (pending.length > 0) this.inline(pending, outer, 'p');
      pending = [];
    };
    for (const child of parent.children) {
      if (child.type === 'text') {
        pending.push(child);
        continue;
      }
      if (child.type !== 'element') continue;
      if (isInline(child) && !hasBlock(child, this.blockCache)) {
        pending.push(child);
        continue;
      }
      flush();
      this.block(child, inherit(child, outer));
    }
    flush();
  }

  private block(el: Element, style: Style): void {
    const tag = el.tagName;
    if ((tag === 'p' || HEADINGS.has(tag)) && !hasBlock(el, this.blockCache)) return this.inline(el.children, style, tag);
    if (tag === 'ul' || tag === 'ol' || tag === 'menu') return this.list(el, style);
    if (tag === 'li') return this.list(element('ul', [el]), style);
    if (tag === 'blockquote') return this.quote(el, style);
    if (tag === 'figure') return this.figure(el, style);
    if (tag === 'figcaption' && !hasBlock(el, this.blockCache)) return this.inline(el.children, style, 'p', true);
    if (tag === 'hr') return void this.blocks.push({ element: element('hr', []), ...style });
    if (tag === 'pre') return void this.blocks.push({ element: element('pre', [{ type: 'text', value: toText(el, { whitespace: 'pre' }) }]), ...style });
    this.container(el, style);
  }

  /** A paragraph or heading of inline content; its images become figures of their own. */
  private inline(nodes: ElementContent[], style: Style, tagName: string, explicitCaption = false): void {
    const pieces = splitAtImages(nodes);
    const imageOnly = pieces.every((piece) => 'img' in piece || !meaningful(piece.inline));
    for (const piece of pieces) {
      if ('img' in piece) {
        this.blocks.push({ element: element('figure', [piece.img]), ...style, small: false, grey: false, imageOnly });
      } else if (meaningful(piece.inline)) {
        this.blocks.push({ element: element(tagName, piece.inline), centred: style.centred, ...textStyle(piece.inline, style), explicitCaption });
      }
    }
  }

  /** A sub-flattening: the blocks a list item or quotation holds. */
  private inner(el: Element, style: Style): Block[] {
    const sub = new Flattener();
    sub.container(el, style);
    return sub.blocks;
  }

  /**
   * Lists are flat in Duet: each item is a block. An item's paragraphs join
   * (with line breaks) into the item; a nested list or an image inside it
   * follows the item as blocks of its own, and the list resumes after them
   * with its numbering intact.
   */
  private list(list: Element, style: Style): void {
    const ordered = list.tagName === 'ol';
    const start = Number(list.properties.start);
    let number = ordered && Number.isInteger(start) ? start : 1;
    let items: Element[] = [];
    let first = number;
    const close = () => {
      if (items.length > 0)
        this.blocks.push({ element: element(list.tagName === 'menu' ? 'ul' : list.tagName, items, ordered ? { start: first } : {}), ...style });
      items = [];
    };
    for (const child of list.children) {
      if (child.type !== 'element') continue;
      const value = Number(child.properties.value);
      if (ordered && child.tagName === 'li' && Number.isInteger(value)) number = value;
      const blocks = this.inner(child, inherit(child, style));
      const lead: ElementContent[] = [];
      let i = 0;
      for (; i < blocks.length && isTextBlock(blocks[i]!.element); i++) {
        if (lead.length > 0) lead.push(element('br', []));
        lead.push(...blocks[i]!.element.children);
      }
      if (lead.length > 0) {
        if (items.length === 0) first = number;
        items.push(element('li', lead, ordered ? { value: String(number) } : {}));
      }
      if (i < blocks.length) {
        close();
        this.blocks.push(...blocks.slice(i));
      }
      if (child.tagName === 'li') number++;
    }
    close();
  }

  /** One quotation block per paragraph: each is a segment of its own. */
  private quote(quote: Element, style: Style): void {
    for (const block of this.inner(quote, style)) {
      const { element: el } = block;
      if (isTextBlock(el)) this.blocks.push({ ...block, element: element('blockquote', [element('p', el.children)]) });
      else if (el.tagName === 'ul' || el.tagName === 'ol') {
        for (const item of el.children)
          if (item.type === 'element') this.blocks.push({ ...block, element: element('blockquote', [element('p', item.children)]) });
      } else this.blocks.push(block);
    }
  }

  /** One figure per image; the figure's caption goes with its last image. */
  private figure(figure: Element, style: Style): void {
    const images = imagesOutside(figure, figure);
    if (images.length === 0) return this.container(figure, style);
    const caption = select('figcaption', figure);
    images.forEach((img, i) => {
      const children: ElementContent[] = [img];
      if (caption && i === images.length - 1) children.push(element('figcaption', caption.children));
      this.blocks.push({ element: element('figure', children), ...style, small: false, grey: false, imageOnly: true });
    });
  }
}

const isTextBlock = (el: Element): boolean => el.tagName === 'p' || HEADINGS.has(el.tagName);

// ---------------------------------------------------------------------------
// Step 3: captions

/** Lines that announce themselves as captions: `▲ …`, `图1：…`, `图片来源：…`. */
const CAPTION_LEAD = /^\s*(?:[▲△▴↑]|图\s*[0-9０-９一二三四五六七八九十]*\s*[：:|丨]|图片(?:来源|来自)|图源|(?:photo|image|source)\s*:)/i;

/**
 * WeChat rarely uses `<figcaption>`: a caption is a short paragraph right after
 * the image, set small, grey or centred. Attach one only when it clearly is a
 * caption; a centred line counts only under a standalone image and when the text
 * after it is not centred too (a poem or an all-centred article is not captions).
 */
function attachCaptions(blocks: Block[]): void {
  for (let i = 0; i < blocks.length - 1; i++) {
    const figure = blocks[i]!;
    const next = blocks[i + 1]!;
    if (figure.element.tagName !== 'figure' || figure.element.children.some((c) => c.type === 'element' && c.tagName === 'figcaption')) continue;
    if (next.element.tagName !== 'p' || !isCaption(figure, next, blocks[i + 2])) continue;
    figure.element.children.push(element('figcaption', next.element.children));
    blocks.splice(i + 1, 1);
  }
}

function isCaption(figure: Block, candidate: Block, after: Block | undefined): boolean {
  if (candidate.explicitCaption) return true;
  const length = [...toText(candidate.element).trim()].length;
  if (length === 0 || length > 60) return false;
  if (CAPTION_LEAD.test(toText(candidate.element))) return true;
  if (candidate.small || candidate.grey) return true;
  const afterCentred = after != null && after.element.tagName === 'p' && after.centred;
  return candidate.centred && figure.imageOnly === true && length <= 40 && !afterCentred;
}

// ---------------------------------------------------------------------------
// Step 4: tidy the sanitized blocks

function tidy(root: Root): Root {
  visit(root, 'text', (node) => {
    node.value = node.value.replace(ZERO_WIDTH, '');
  });
  const out: Element[] = [];
  for (const node of root.children) {
    if (node.type !== 'element') continue;
    const kept = tidyBlock(node, out[out.length - 1]);
    if (kept) out.push(kept);
  }
  stripZhihuCredit(out);
  return { type: 'root', children: out };
}

function tidyBlock(block: Element, previous: Element | undefined): Element | null {
  switch (block.tagName) {
    case 'figure': {
      const img = block.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img');
      const caption = block.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
      if (caption) trimLineStarts(caption);
      if (caption && !meaningful(caption.children)) block.children = block.children.filter((c) => c !== caption);
      // An image whose every source was refused keeps its caption's words.
      if (!img || typeof img.properties.src !== 'string') return caption && meaningful(caption.children) ? element('p', caption.children) : null;
      const previousImg = previous?.tagName === 'figure' ? previous.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img') : undefined;
      if (previousImg?.properties.src === img.properties.src) {
        // The same image twice in a row is one image drawn twice (a copy and its lazy twin).
        if (caption && !previous!.children.some((c) => c.type === 'element' && c.tagName === 'figcaption')) previous!.children.push(caption);
        return null;
      }
      return block;
    }
    case 'ul':
    case 'ol':
    case 'blockquote':
      // Their children are list items or quoted paragraphs: each is tidied like a paragraph.
      block.children = block.children.filter((child) => child.type === 'element' && keepsText(child));
      return block.children.length > 0 ? block : null;
    case 'hr':
      return block;
    case 'pre':
      return toText(block).trim() === '' ? null : block;
    default:
      return keepsText(block) ? block : null;
  }
}

function keepsText(block: Element): boolean {
  trimLineStarts(block);
  return meaningful(block.children);
}

/** Drop the indentation (spaces, U+3000, U+00A0) at the start of each line of a block. */
function trimLineStarts(block: Element): void {
  let lineStart = true;
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (lineStart) node.value = node.value.replace(/^[\s\u00A0\u3000]+/, '');
        if (node.value !== '') lineStart = false;
      } else if (node.type === 'element') {
        if (node.tagName === 'br') lineStart = true;
        else walk(node.children);
      }
    }
  };
  walk(block.children);
}

const CREDIT_LINE = /^(?:(?:作者|链接|来源)[：:]|著作权归作者所有)/;

/** Text lines, one per `<br>`-separated line, blank lines dropped. */
const lines = (nodes: RootContent[]): string[] =>
  toText({ type: 'root', children: nodes })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const isCredit = (text: string[]): boolean =>
  text.length >= 3 &&
  text[0]!.startsWith('作者') &&
  text.every((line) => CREDIT_LINE.test(line)) &&
  text.some((line) => /^来源[：:]\s*知乎/.test(line)) &&
  text.some((line) => /^链接[：:]/.test(line));

/**
 * Zhihu appends a credit to copied text (作者：… 链接：… 来源：知乎 著作权归作者所有…),
 * as paragraphs of their own or as lines after a `<br>` in the last paragraph.
 * An answer's own "作者：" line is kept: only the full credit at the end goes.
 */
function stripZhihuCredit(blocks: Element[]): void {
  for (let start = Math.max(0, blocks.length - 5); start < blocks.length; start++) {
    if (blocks.slice(start).every((block) => block.tagName === 'p') && isCredit(lines(blocks.slice(start)))) {
      blocks.splice(start);
      return;
    }
  }
  const last = blocks[blocks.length - 1];
  if (last?.tagName !== 'p') return;
  for (let i = 0; i < last.children.length; i++) {
    const child = last.children[i]!;
    if (child.type !== 'element' || child.tagName !== 'br') continue;
    if (isCredit(lines(last.children.slice(i + 1)))) {
      let end = i;
      while (end > 0 && last.children[end - 1]!.type === 'element' && (last.children[end - 1] as Element).tagName === 'br') end--;
      last.children = last.children.slice(0, end);
      if (!meaningful(last.children)) blocks.pop();
      return;
    }
  }
}
