/** Shapes of the JSON the HTTP API and `duet ... --json` exchange. */
import type { JsonValue } from '../article/layout';
import type { SegmentStatus } from '../article/status';
import type { StatusCounts } from '../article/progress';

export interface ArticleSummary {
  id: string;
  title: string;
  sourceTitle: string;
  segmentCount: number;
  progress: StatusCounts;
  /** Chinese characters in the sources, and how many of them are in translated (or further) segments. */
  sourceChars: number;
  sourceCharsTranslated: number;
  /** English words in the targets. */
  targetWords: number;
  /** Who has the article open now (account names). */
  activeUsers: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ArticleListResponse {
  articles: ArticleSummary[];
}

export interface SideJson {
  /** Plain text, one line per block. */
  text: string;
  /** The side as house-style Markdown (the target: exactly what export writes for it). */
  markdown: string;
}

export interface ArticleJson {
  id: string;
  meta: {
    /** Every front-matter key, in file order. */
    frontMatter: Record<string, JsonValue>;
    sourceUrl: string | null;
    sourceTitle: string | null;
    sourceAuthor: string | null;
    sourceDate: string | null;
    slug: string | null;
    createdAt: string | null;
  };
  segments: { id: string; status: SegmentStatus; source: SideJson; target: SideJson }[];
}
