/**
 * The bilingual ground truth (`zhihu-372335557.pairs.json`) as an article:
 * Chinese source blocks as source sides, the published Markdown blocks as
 * target sides, the published front matter as metadata.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import type { ArticleInit } from '../article/article';
import { parseFrontMatter } from '../markdown/front-matter';
import { parseMarkdownBlocks } from '../markdown/parse-markdown';
import type { PairsFixture } from './fixtures';

type PairSource = NonNullable<PairsFixture['pairs'][number]['source']>;

export function sourceBlock(source: PairSource, listNumber: number): PMNode {
  const text = source.text ?? '';
  const inline = text ? [schema.text(text, source.href ? [schema.marks.link!.create({ href: source.href })] : [])] : [];
  switch (source.kind) {
    case 'heading':
      return schema.nodes.heading!.create({ level: 1 }, inline);
    case 'paragraph':
      return schema.nodes.paragraph!.create(null, inline);
    case 'list-item':
      return schema.nodes.list_item!.create({ ordered: true, number: listNumber, marker: '.' }, inline);
    case 'figure':
      return schema.nodes.figure!.create({ src: source.src ?? '', alt: '' }, source.caption ? [schema.text(source.caption)] : []);
    case 'rule':
      return schema.nodes.horizontal_rule!.create();
    default:
      throw new Error(`unknown source kind "${source.kind}"`);
  }
}

/**
 * @param keepImported also record each target's Markdown as imported text; without it, export must
 * produce every block from the model alone (the house-style serializer's real test).
 */
export function articleFromPairs(fixture: PairsFixture, keepImported = false): ArticleInit {
  let listNumber = 0;
  return {
    frontMatter: parseFrontMatter(`${fixture.frontMatter}\n`),
    segments: fixture.pairs.map((pair) => {
      listNumber = pair.source?.kind === 'list-item' ? listNumber + 1 : 0;
      return {
        source: schema.nodes.doc!.create(null, pair.source ? [sourceBlock(pair.source, listNumber)] : []),
        target: schema.nodes.doc!.create(null, parseMarkdownBlocks(pair.target)),
        status: 'approved' as const,
        ...(keepImported ? { importedMarkdown: pair.target } : {}),
      };
    }),
  };
}
