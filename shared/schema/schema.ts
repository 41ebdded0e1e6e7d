/**
 * The one ProseMirror schema both columns use: the Chinese source side and the
 * English target side of every segment hold a `doc` of this schema, stored in a
 * Y.XmlFragment so y-prosemirror can bind an editor to it.
 *
 * A side usually holds one block (the segment's block), but it may hold several
 * (after a merge) or none (a translator's note has no source; an omitted source
 * block has no target).
 *
 * The node and mark names are part of the stored format (they are the element
 * and attribute names inside the Y.XmlFragment): rename nothing without a
 * migration. See docs/ARTICLE-FORMAT.md.
 */
import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { isSafeUrl } from './safe-url';

export const LIST_BULLETS = ['-', '*', '+'] as const;
export const LIST_DELIMITERS = ['.', ')'] as const;

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block*' },

  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },

  heading: {
    group: 'block',
    content: 'inline*',
    attrs: { level: { default: 1, validate: 'number' } },
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },

  /**
   * Lists are flat: each item is a block of its own (and so a segment of its
   * own), carrying what it needs to be written back: ordered or not, its number,
   * and the marker character (`-`, `*`, `+` for bullets; `.` or `)` after a
   * number) so that an edited item stays in the same Markdown list.
   */
  list_item: {
    group: 'block',
    content: 'inline*',
    attrs: {
      ordered: { default: false, validate: 'boolean' },
      number: { default: null },
      marker: { default: '-', validate: 'string' },
    },
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (node) => [
      'div',
      {
        class: 'list-item',
        'data-ordered': String(node.attrs.ordered),
        'data-number': node.attrs.number == null ? '' : String(node.attrs.number),
      },
      0,
    ],
  },

  blockquote: {
    group: 'block',
    content: 'paragraph+',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },

  /** An image with its caption as editable inline content. */
  figure: {
    group: 'block',
    content: 'inline*',
    attrs: {
      src: { default: '', validate: 'string' },
      alt: { default: '', validate: 'string' },
      title: { default: null },
    },
    defining: true,
    parseDOM: [{ tag: 'figure', contentElement: 'figcaption' }],
    toDOM: (node) => ['figure', ['img', { src: node.attrs.src as string, alt: node.attrs.alt as string, contenteditable: 'false' }], ['figcaption', 0]],
  },

  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr'],
  },

  /**
   * A block kept verbatim: raw HTML (an `<aside>`, a `<div>`) or Markdown that
   * the model does not break into nodes (tables, code blocks, nested lists).
   * Written back exactly as stored.
   */
  raw_block: {
    group: 'block',
    atom: true,
    attrs: { text: { default: '', validate: 'string' } },
    parseDOM: [{ tag: 'pre[data-raw]', getAttrs: (dom) => ({ text: (dom as HTMLElement).textContent ?? '' }) }],
    toDOM: (node) => ['pre', { 'data-raw': '' }, node.attrs.text as string],
  },

  text: { group: 'inline' },

  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },

  /** Inline markup the model does not break down (`<sup>`, an image inside text), kept verbatim. */
  raw_inline: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { text: { default: '', validate: 'string' } },
    toDOM: (node) => ['code', { class: 'raw-inline' }, node.attrs.text as string],
  },
};

/**
 * Mark order is nesting order when marks start together: a link sits inside
 * emphasis in the house style (`*<a ...>title</a>*`).
 */
const marks: Record<string, MarkSpec> = {
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
    toDOM: () => ['strong', 0],
  },
  link: {
    attrs: { href: { validate: 'string' }, title: { default: null } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        // Pasted into an editor, a link to a refused address (javascript:, data:) is its text alone: the server would refuse it.
        getAttrs: (dom) => {
          const href = (dom as HTMLElement).getAttribute('href') ?? '';
          return isSafeUrl(href) ? { href, title: (dom as HTMLElement).getAttribute('title') } : false;
        },
      },
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href as string, title: mark.attrs.title as string | null }, 0],
  },
  code: {
    parseDOM: [{ tag: 'code' }],
    toDOM: () => ['code', 0],
  },
};

export const schema = new Schema({ nodes, marks });

export type BlockType = 'paragraph' | 'heading' | 'list_item' | 'blockquote' | 'figure' | 'horizontal_rule' | 'raw_block';
