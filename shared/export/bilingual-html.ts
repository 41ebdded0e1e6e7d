/**
 * The bilingual review copy: a standalone, printable HTML page with every
 * segment's Chinese source beside its English target, numbered, with its
 * status, omitted blocks marked and figures shown, for reviewers who work
 * outside Duet (on paper, in a mail, in another tool's comments).
 *
 * Everything in it comes from the article's model and is escaped (see
 * side-html.ts); the page has no scripts and loads nothing but the figures' images.
 */
import { articleTitle, isSideEmpty, type ArticleSnapshot } from '../article/article';
import { statusCounts } from '../article/progress';
import { SEGMENT_STATUSES } from '../article/status';
import type { JsonValue } from '../article/layout';
import { escapeHtml, isSafeUrl } from './html-safety';
import { sideHtml, type SideHtmlOptions } from './side-html';

export interface BilingualOptions extends SideHtmlOptions {
  /** When the copy was made, as shown in it (ISO 8601); omitted when absent, so the output depends on the article alone. */
  generatedAt?: string;
}

/** A front-matter value as a reader wants to see it: strings as they are, lists joined, anything else as JSON. */
export function frontMatterText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

const STYLE = `
  body { font: 15px/1.5 Georgia, 'Noto Serif', 'Songti SC', serif; margin: 2rem; color: #1d1d1f; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  .about { color: #555; margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #ccc; padding: .4rem .6rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  thead { display: table-header-group; }
  thead th { background: #f3f3f3; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .number { width: 3rem; text-align: right; color: #555; }
  .status { width: 7rem; font: 12px/1.4 system-ui, sans-serif; }
  .front-matter th { width: 8rem; }
  td p, td figure, td blockquote, td pre { margin: 0 0 .5rem; }
  td > :last-child { margin-bottom: 0; }
  figure img { max-width: 100%; max-height: 16rem; display: block; }
  figcaption { font-style: italic; }
  .image-address, .no-image { font: 11px/1.3 monospace; color: #777; word-break: break-all; }
  pre.raw, code.raw { white-space: pre-wrap; font: 12px/1.4 monospace; background: #f6f6f6; }
  .empty { color: #a00; font-style: italic; }
  tr.omitted td.source { color: #777; text-decoration: line-through; }
  tr.omitted td.target { color: #777; font-style: italic; }
  .status-untranslated .status, .status-draft .status { color: #a00; }
  @media print { body { margin: 0; font-size: 11pt; } a { color: inherit; } }
`;

function frontMatterTable(snapshot: ArticleSnapshot): string {
  if (snapshot.frontMatter.length === 0) return '';
  const rows = snapshot.frontMatter.map(({ key, value }) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(frontMatterText(value))}</td></tr>`);
  return `<h2>Front matter</h2>\n<table class="front-matter"><tbody>\n${rows.join('\n')}\n</tbody></table>\n`;
}

function about(snapshot: ArticleSnapshot, options: BilingualOptions): string {
  const { sourceUrl, sourceTitle, sourceAuthor } = snapshot.meta;
  const parts: string[] = [];
  if (sourceTitle || sourceUrl) {
    const label = escapeHtml(sourceTitle || sourceUrl!);
    parts.push(
      `Source: ${sourceUrl && /^https?:\/\//i.test(sourceUrl) && isSafeUrl(sourceUrl) ? `<a href="${escapeHtml(sourceUrl)}" lang="zh">${label}</a>` : `<span lang="zh">${label}</span>`}`,
    );
  }
  if (sourceAuthor) parts.push(`Author: ${escapeHtml(sourceAuthor)}`);
  const counts = statusCounts(snapshot.segments);
  const summary = SEGMENT_STATUSES.filter((status) => counts[status] > 0).map((status) => `${counts[status]} ${status}`);
  parts.push(`${snapshot.segments.length} segments${summary.length ? ` (${summary.join(', ')})` : ''}`);
  if (options.generatedAt) parts.push(`Made ${escapeHtml(options.generatedAt)}`);
  return parts.map((part) => `<p class="about">${part}</p>`).join('\n');
}

function segmentRow(segment: ArticleSnapshot['segments'][number], index: number, options: BilingualOptions): string {
  const source = isSideEmpty(segment.source) ? '<span class="empty">(no source: a translator’s addition)</span>' : sideHtml(segment.source, options);
  const target = segment.omitted
    ? 'Omitted: left out of the translation on purpose.'
    : isSideEmpty(segment.target)
      ? '<span class="empty">(not translated)</span>'
      : sideHtml(segment.target, options);
  const classes = [`status-${segment.status}`, ...(segment.omitted ? ['omitted'] : [])].join(' ');
  return [
    `<tr id="segment-${index + 1}" class="${classes}" data-segment="${escapeHtml(segment.id)}">`,
    `<td class="number">${index + 1}</td>`,
    `<td class="source" lang="zh">${source}</td>`,
    `<td class="target" lang="en">${target}</td>`,
    `<td class="status">${segment.status}${segment.omitted ? '<br>omitted' : ''}</td>`,
    '</tr>',
  ].join('');
}

/** The whole review copy, a complete HTML document. */
export function bilingualHtml(snapshot: ArticleSnapshot, options: BilingualOptions = {}): string {
  const title = articleTitle(snapshot) || 'Untitled article';
  const rows = snapshot.segments.map((segment, index) => segmentRow(segment, index, options));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} (bilingual review copy)</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${about(snapshot, options)}
${frontMatterTable(snapshot)}<h2>Segments</h2>
<table class="segments">
<thead><tr><th class="number">#</th><th lang="zh">中文 source</th><th>English translation</th><th class="status">Status</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
