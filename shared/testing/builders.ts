/**
 * Terse builders for documents in tests: `doc(p('a ', strong('b')))`.
 * Inline arguments are strings or the result of mark builders.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';

type Inline = string | PMNode | Inline[];

function inline(children: Inline[], marks: readonly Mark[] = []): PMNode[] {
  return children.flatMap((child): PMNode[] => {
    if (typeof child === 'string') return child === '' ? [] : [schema.text(child, marks)];
    if (Array.isArray(child)) return inline(child, marks);
    return [child.mark(marks.reduce((set, mark) => mark.addToSet(set), child.marks))];
  });
}

const marked =
  (mark: Mark) =>
  (...children: Inline[]): PMNode[] =>
    inline(children, [mark]);

export const doc = (...blocks: PMNode[]): PMNode => schema.nodes.doc!.create(null, blocks);
export const p = (...children: Inline[]): PMNode => schema.nodes.paragraph!.create(null, inline(children));
export const h = (level: number, ...children: Inline[]): PMNode => schema.nodes.heading!.create({ level }, inline(children));
export const li = (attrs: { ordered?: boolean; number?: number | null; marker?: string }, ...children: Inline[]): PMNode =>
  schema.nodes.list_item!.create(
    { ordered: attrs.ordered ?? false, number: attrs.ordered ? (attrs.number ?? 1) : null, marker: attrs.marker ?? (attrs.ordered ? '.' : '-') },
    inline(children),
  );
export const quote = (...paragraphs: PMNode[]): PMNode => schema.nodes.blockquote!.create(null, paragraphs);
export const fig = (src: string, alt: string, ...caption: Inline[]): PMNode => schema.nodes.figure!.create({ src, alt }, inline(caption));
export const hr = (): PMNode => schema.nodes.horizontal_rule!.create();
export const raw = (text: string): PMNode => schema.nodes.raw_block!.create({ text });
export const rawInline = (text: string): PMNode => schema.nodes.raw_inline!.create({ text });
export const br = (): PMNode => schema.nodes.hard_break!.create();

export const em = (...children: Inline[]) => marked(schema.marks.em!.create())(...children);
export const strong = (...children: Inline[]) => marked(schema.marks.strong!.create())(...children);
export const code = (text: string) => marked(schema.marks.code!.create())(text);
export const a = (href: string, ...children: Inline[]) => marked(schema.marks.link!.create({ href, title: null }))(...children);
