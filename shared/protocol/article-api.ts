/** Shapes of the JSON the HTTP API and `duet ... --json` exchange. */
import type { JsonValue } from '../article/layout';
import type { SegmentStatus } from '../article/status';
import type { StatusCounts } from '../article/progress';
import type { Role } from './roles';

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
  /** For the requesting user: segments assigned to them (as translator or reviewer) and how many of those are done. */
  mine: { assigned: number; done: number };
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

/** Someone who can be mentioned or assigned work (GET /api/members). */
export interface Member {
  name: string;
  role: Role;
}

export interface MembersResponse {
  members: Member[];
}

/** A segment's status change, as its history lists it (GET /api/articles/:id/segments/:segmentId/history). */
export interface StatusChange {
  /** The status the writer replaced (null for a segment created with its status). */
  from: SegmentStatus | null;
  to: SegmentStatus;
  by: string | null;
  /** Milliseconds since the epoch. */
  at: number;
}

/** A version of a segment's target (its Markdown): one per author session (same author, within 10 minutes of their last edit). */
export interface TextVersion {
  markdown: string;
  /** null for the baseline: the text before the first recorded edit (as imported, or empty). */
  by: string | null;
  /** When the session's last edit was made (for the baseline: when the first recorded edit began). */
  at: number;
  /** When the session began. */
  since: number;
}

export interface SegmentHistory {
  segmentId: string;
  /** Oldest first. */
  statusChanges: StatusChange[];
  /** Oldest first; the first is the baseline when the segment's first recorded edit had one. */
  versions: TextVersion[];
}

export type NotificationKind = 'mention' | 'reply' | 'sendBack';

/** Something that happened to me: a mention, a reply in a thread I took part in, a segment sent back to me. */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  articleId: string;
  /** The article's title when it happened. */
  articleTitle: string;
  segmentId: string | null;
  threadId: string | null;
  /** Who did it. */
  actor: string | null;
  /** The comment's text (its first 280 characters). */
  text: string;
  at: number;
  read: boolean;
}

export interface NotificationsResponse {
  /** Newest first (at most 200). */
  notifications: AppNotification[];
  unread: number;
}

/** The largest image an article may store (the client checks it before uploading). */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

/** An image stored with an article (docs/PUBLISHING.md, "Images"). */
export interface MediaItem {
  name: string;
  /** Where the image is served; what a figure's src holds. */
  url: string;
  type: string;
  size: number;
  /** The uploaded file's name, as sent (only remembered, never used as a path). */
  filename: string | null;
  /** The address it was fetched from. */
  sourceUrl: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface PublishedMedia {
  /** Inside the repository: `assets/media/2020-02-23/slug-01.jpg`. */
  path: string;
  /** The stored image it was written from: `/api/articles/<id>/media/<name>`. */
  src: string;
}

/** One publication of an article into the site's repository (docs/PUBLISHING.md). */
export interface Publication {
  id: number;
  articleId: string;
  /** The post, inside the repository. */
  path: string;
  /** Its address on the site (from the permalink pattern). */
  url: string | null;
  commit: string;
  /** false when nothing had changed since the last publication (no new commit). */
  committed: boolean;
  pushed: boolean;
  pushError: string | null;
  media: PublishedMedia[];
  /** Account names credited with Co-authored-by trailers. */
  coAuthors: string[];
  publishedBy: string;
  publishedAt: string;
  overrideReason: string | null;
}
