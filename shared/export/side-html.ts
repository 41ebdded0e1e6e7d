/**
 * One side of a segment (a ProseMirror `doc` of the shared schema) as HTML for
 * reading, not for editing: every text and attribute escaped, links only to
 * http(s), mailto and relative addresses, raw blocks shown as their source
 * text. Built from the model, never from the stored Markdown, so nothing a
 * translator typed can become markup.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { withAttributesInRange } from '../schema/attribute-ranges';
import { escapeHtml, isSafeUrl } from './html-safety';

export interface SideHtmlOptions {
  /** Where to load an image from (default: its src as written, when safe). */
  resolveImage?: (src: string) => string | null;
}

const attr = (value: string): string => `"${escapeHtml(value)}"`;

const MARK_TAGS: Record<string, string> = { em: 'em', strong: 'strong', code: 'code' };

function openMark(mark: Mark): string {
  if (mark.type.name === 'link') {
    const href = String(mark.attrs.href ?? '');
    const title = mark.attrs.title ? ` title=${attr(String(mark.attrs.title))}` : '';
    return isSafeUrl(href) ? `<a href=${attr(href)}${title}>` : '<span class="unsafe-link">';
  }
  return `<${MARK_TAGS[mark.type.name] ?? 'span'}>`;
}

function closeMark(mark: Mark): string {
  if (mark.type.name === 'link') return isSafeUrl(String(mark.attrs.href ?? '')) ? '</a>' : '</span>';
  return `</${MARK_TAGS[mark.type.name] ?? 'span'}>`;
}

/** Inline content with marks opened and closed as runs start and end (ProseMirror keeps marks in a fixed order). */
function inlineHtml(parent: PMNode): string {
  let out = '';
  let open: readonly Mark[] = [];
  const closeTo = (keep: number) => {
    for (let i = open.length - 1; i >= keep; i--) out += closeMark(open[i]!);
    open = open.slice(0, keep);
  };
  parent.forEach((child) => {
    let keep = 0;
    while (keep < open.length && keep < child.marks.length && open[keep]!.eq(child.marks[keep]!)) keep++;
    closeTo(keep);
    for (const mark of child.marks.slice(keep)) out += openMark(mark);
    open = child.marks;
    if (child.isText) out += escapeHtml(child.text!);
    else if (child.type.name === 'hard_break') out += '<br>';
    else if (child.type.name === 'raw_inline') out += `<code class="raw">${escapeHtml(String(child.attrs.text ?? ''))}</code>`;
  });
  closeTo(0);
  return out;
}

function imageSrc(src: string, options: SideHtmlOptions): string | null {
  const resolved = options.resolveImage ? options.resolveImage(src) : src;
  return resolved != null && resolved !== '' && isSafeUrl(resolved) ? resolved : null;
}

export function blockHtml(stored: PMNode, options: SideHtmlOptions = {}): string {
  const block = withAttributesInRange(stored);
  switch (block.type.name) {
    case 'paragraph':
      return `<p>${inlineHtml(block)}</p>`;
    case 'heading': {
      const level = block.attrs.level as number;
      return `<h${level}>${inlineHtml(block)}</h${level}>`;
    }
    case 'list_item': {
      const marker = block.attrs.ordered ? `${Number(block.attrs.number ?? 1)}.` : '•';
      return `<p class="list-item"><span class="marker">${escapeHtml(marker)}</span> ${inlineHtml(block)}</p>`;
    }
    case 'blockquote': {
      const paragraphs: string[] = [];
      block.forEach((child) => paragraphs.push(blockHtml(child, options)));
      return `<blockquote>${paragraphs.join('')}</blockquote>`;
    }
    case 'figure': {
      const src = String(block.attrs.src ?? '');
      const shown = imageSrc(src, options);
      const image = shown ? `<img src=${attr(shown)} alt=${attr(String(block.attrs.alt ?? ''))}>` : `<span class="no-image">No image</span>`;
      const caption = block.content.size > 0 ? `<figcaption>${inlineHtml(block)}</figcaption>` : '';
      return `<figure>${image}${caption}<div class="image-address">${escapeHtml(src || '(no address)')}</div></figure>`;
    }
    case 'horizontal_rule':
      return '<hr>';
    case 'raw_block':
      return `<pre class="raw">${escapeHtml(String(block.attrs.text ?? ''))}</pre>`;
    default:
      return `<p>${escapeHtml(block.textContent)}</p>`;
  }
}

/** Every block of a side, in order; '' for an empty side. */
export function sideHtml(side: PMNode, options: SideHtmlOptions = {}): string {
  const blocks: string[] = [];
  side.forEach((block) => blocks.push(blockHtml(block, options)));
  return blocks.join('\n');
}
