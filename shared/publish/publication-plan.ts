/**
 * What publishing an article writes, computed without touching anything: the
 * post's path and Markdown (stored images renamed to the site's media names,
 * the cover image defaulted to the first figure) and the images to copy.
 * The server carries the plan out (server/publish/); the preview can show it.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { articleTitle, type ArticleSnapshot, type FrontMatterEntry } from '../article/article';
import { articleToMarkdown } from '../markdown/article-markdown';
import { planMediaNames, type PlannedMedia } from './media-names';
import { parsePostDate, type PostDate } from './post-date';
import { DEFAULT_FILE_NAME_PATTERN, DEFAULT_PERMALINK_PATTERN, postFileName, postPermalink } from './site-patterns';
import { checkedSlug, shortSlug, slugFromTitle, SlugError } from './slug';

/** Where posts and images go in the site's repository, and how they are named. */
export interface SiteLayout {
  /** Relative to the repository: `_posts`. */
  postsFolder: string;
  /** Relative to the repository: `assets/media`. */
  mediaFolder: string;
  fileNamePattern: string;
  permalinkPattern: string;
}

export const DEFAULT_SITE_LAYOUT: SiteLayout = {
  postsFolder: '_posts',
  mediaFolder: 'assets/media',
  fileNamePattern: DEFAULT_FILE_NAME_PATTERN,
  permalinkPattern: DEFAULT_PERMALINK_PATTERN,
};

export interface PlanOptions {
  layout: SiteLayout;
  /** The date to use when the article has none in its front matter. */
  today: PostDate;
  /** The path this article was published at before: a republish keeps it. */
  previousPostPath?: string | null;
}

export interface PublicationPlan {
  date: PostDate;
  slug: string;
  shortSlug: string;
  /** Relative to the repository: `_posts/2020-02-23-slug.md`. */
  postPath: string;
  /** When a republish keeps its old path but the title, slug or date now give this one. */
  newPostPath: string | null;
  permalink: string;
  markdown: string;
  /** The stored images to copy, in reading order. */
  media: PlannedMedia[];
  /** The article as it is published (figure srcs and cover renamed): what QA checks before publishing. */
  article: ArticleSnapshot;
}

export class PublishPlanError extends Error {}

/**
 * How QA judges a plan's article (`checkArticle(plan.article, PUBLISHED_QA)`):
 * stored images have their site names by then, so any root-relative image is
 * the site's own, and only an address with a scheme (or `//`) is remote.
 */
export const PUBLISHED_QA = { isStoredImage: (src: string): boolean => src.startsWith('/') && !src.startsWith('//') } as const;

function frontMatterString(article: ArticleSnapshot, key: string): string | null {
  const value = article.frontMatter.find((entry) => entry.key === key)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The slug a user set (Duet's slug, else a front-matter `slug:`), checked; else one derived from the English title. */
export function articleSlug(article: ArticleSnapshot): string {
  const given = article.meta.slug?.trim() ? article.meta.slug : frontMatterString(article, 'slug');
  if (given != null) {
    try {
      return checkedSlug(given);
    } catch (error) {
      throw new PublishPlanError((error as SlugError).message);
    }
  }
  const derived = slugFromTitle(articleTitle(article));
  if (derived === '') throw new PublishPlanError('the article has no slug, and its title gives none (it has no English letters): set a slug');
  return derived;
}

function articleDate(article: ArticleSnapshot, today: PostDate): PostDate {
  const value = article.frontMatter.find((entry) => entry.key === 'date')?.value;
  if (value == null || value === '') return today;
  if (typeof value !== 'string') throw new PublishPlanError(`the date ${JSON.stringify(value)} is not a date like 2020-02-23`);
  try {
    return parsePostDate(value);
  } catch (error) {
    throw new PublishPlanError((error as Error).message);
  }
}

function figureSrcs(article: ArticleSnapshot): string[] {
  const srcs: string[] = [];
  for (const segment of article.segments) {
    segment.target.descendants((node) => {
      if (node.type.name === 'figure') srcs.push(node.attrs.src as string);
      return true;
    });
  }
  return srcs;
}

function withFigureSrcs(side: PMNode, rename: (src: string) => string | undefined): PMNode {
  let changed = false;
  const blocks: PMNode[] = [];
  side.forEach((block) => {
    const renamed = block.type.name === 'figure' ? rename(block.attrs.src as string) : undefined;
    if (renamed === undefined) return void blocks.push(block);
    changed = true;
    blocks.push(block.type.create({ ...block.attrs, src: renamed }, block.content, block.marks));
  });
  return changed ? side.type.create(side.attrs, blocks, side.marks) : side;
}

/** Front matter with `image` renamed when it is a stored image, or set to the first figure when absent. */
function withCoverImage(frontMatter: FrontMatterEntry[], firstFigure: string | undefined, rename: (src: string) => string | undefined): FrontMatterEntry[] {
  const index = frontMatter.findIndex((entry) => entry.key === 'image');
  const current = index >= 0 ? frontMatter[index]!.value : null;
  if (typeof current === 'string' && current.trim() !== '') {
    const renamed = rename(current);
    return renamed === undefined ? frontMatter : frontMatter.map((entry, i) => (i === index ? { key: 'image', value: renamed } : entry));
  }
  if (firstFigure === undefined || firstFigure === '') return frontMatter;
  const cover = { key: 'image', value: rename(firstFigure) ?? firstFigure };
  if (index >= 0) return frontMatter.map((entry, i) => (i === index ? cover : entry));
  // The site's order: title, date, categories, image, blurb, translator.
  const after = Math.max(...['title', 'date', 'categories'].map((key) => frontMatter.findIndex((entry) => entry.key === key)));
  const at = after >= 0 ? after + 1 : frontMatter.length;
  return [...frontMatter.slice(0, at), cover, ...frontMatter.slice(at)];
}

/** The plan for publishing `article`; throws PublishPlanError for a bad slug or date. */
export function planPublication(article: ArticleSnapshot, options: PlanOptions): PublicationPlan {
  const { layout } = options;
  const date = articleDate(article, options.today);
  const slug = articleSlug(article);
  const short = shortSlug(slug);
  const path = `${layout.postsFolder}/${postFileName(layout.fileNamePattern, date, slug)}`;
  const keep = options.previousPostPath ?? null;
  const postPath = keep ?? path;

  const figures = figureSrcs(article);
  const cover = frontMatterString(article, 'image');
  const planned = planMediaNames(cover != null && !figures.includes(cover) ? [...figures, cover] : figures, {
    date,
    shortSlug: short,
    mediaFolder: layout.mediaFolder,
  });
  const rename = (src: string) => planned.get(src)?.url;

  const exported: ArticleSnapshot = {
    ...article,
    frontMatter: withCoverImage(article.frontMatter, figures[0], rename),
    segments: article.segments.map((segment) => {
      const target = withFigureSrcs(segment.target, rename);
      return target === segment.target ? segment : { ...segment, target };
    }),
  };
  return {
    date,
    slug,
    shortSlug: short,
    postPath,
    newPostPath: keep != null && keep !== path ? path : null,
    permalink: postPermalink(layout.permalinkPattern, date, slug),
    markdown: articleToMarkdown(exported),
    media: [...planned.values()],
    article: exported,
  };
}
