/**
 * The bilingual review copy as Markdown, for reviewers who would rather
 * comment in a text file or a pull request: each segment under a numbered
 * heading with its status, the Chinese source quoted, the English target below
 * it exactly as it would be published.
 */
import { articleTitle, isSideEmpty, type ArticleSnapshot } from '../article/article';
import { sideToMarkdown, targetMarkdown } from '../markdown/article-markdown';
import { frontMatterText } from './bilingual-html';

const quoted = (markdown: string): string =>
  markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');

export function bilingualMarkdown(snapshot: ArticleSnapshot): string {
  const title = articleTitle(snapshot) || 'Untitled article';
  const out: string[] = [`# ${title} (bilingual review copy)`];
  const { sourceUrl, sourceTitle } = snapshot.meta;
  const source = [sourceTitle, sourceUrl ? `<${sourceUrl}>` : null].filter(Boolean).join(' ');
  if (source) out.push(`Source: ${source}`);
  if (snapshot.frontMatter.length > 0) {
    out.push('## Front matter', snapshot.frontMatter.map(({ key, value }) => `- **${key}**: ${frontMatterText(value)}`).join('\n'));
  }
  out.push('## Segments');
  snapshot.segments.forEach((segment, index) => {
    out.push(`### ${index + 1} · ${segment.status}${segment.omitted ? ' · omitted' : ''}`);
    out.push(isSideEmpty(segment.source) ? '> (no source: a translator’s addition)' : quoted(sideToMarkdown(segment.source)));
    if (segment.omitted) out.push('*Omitted: left out of the translation on purpose.*');
    else out.push(isSideEmpty(segment.target) ? '*(not translated)*' : targetMarkdown(segment));
  });
  return `${out.join('\n\n')}\n`;
}
